import type { CodeSender } from '../modules/customers'
import { webLog } from './web-log'

/**
 * The demo's way of "sending" a one-time code: a line in the web's log, for whoever runs the demo.
 * A deployment replaces this with an SMS or e-mail provider (docs/accounts.md); the code must then
 * never reach a log.
 */
export const sendCodeToLog: CodeSender = ({ customerId }, code) => {
  webLog.warn({ customerId, oneTimeCode: code }, 'one-time code for the customer\'s phone (demo: logged, not sent)')
}
