import type { PaymentView } from '../../../shared/types/customer'
import { toEuros } from '../shared/money'
import type { Authorization } from './payment'

export type { PaymentView }

/** An authorization as the HTTP API shows it: euros instead of cents, dates as ISO strings. */
export function paymentView(authorization: Authorization): PaymentView {
  return {
    id: authorization.id,
    customerId: authorization.customerId,
    amount: toEuros(authorization.amountCents),
    status: authorization.status,
    orderId: authorization.orderId,
    createdAt: authorization.createdAt.toISOString(),
    updatedAt: authorization.updatedAt.toISOString(),
  }
}
