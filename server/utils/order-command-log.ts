import { webLog } from './web-log'
import { orderCommands } from './web-metrics'

export type OrderCommandName = 'placed' | 'paid' | 'cancelled'

/**
 * One JSON line and one count per order command that went through, so a support question ("what
 * happened to order X?") can start from the web's log as well as from the worker's.
 */
export function recordOrderCommand(command: OrderCommandName, fields: { orderId: string, customerId: string, by?: 'customer' | 'admin', replayed?: boolean }) {
  if (!fields.replayed) orderCommands.inc({ command })
  webLog.info({ command, ...fields }, `order ${command}`)
}
