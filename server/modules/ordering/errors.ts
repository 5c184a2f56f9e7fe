import { DomainError, notFound } from '../../platform/errors'
import type { OrderStatus } from './order'

export const orderNotFound = () => notFound('Order')

export const invalidTransition = (status: OrderStatus, wanted: string) =>
  new DomainError('CONFLICT', `An order that is ${status} cannot be ${wanted}`)

/** Someone else appended to the order's stream first; the command is retried on the new state. */
export class VersionConflict extends Error {
  constructor(readonly orderId: string) {
    super(`Order ${orderId} changed concurrently`)
  }
}
