// The payments module's public door: routes and workers import from here, never from its folders.
export * from './schemas'
export { decideClaims, decidePayment, NOT_ENOUGH_MONEY, type Authorization, type PaymentDecision, type PaymentStatus, type PaymentView } from './payment'
export type { Claim } from './payment'
export { authorizePayment } from './commands/authorize-payment'
export { settlePaymentForOrder, settlePaymentsForOrders } from './commands/settle-payment'
export { voidPaymentForOrder } from './commands/void-payment'
export { capturePaymentForOrder } from './commands/capture-payment'
export { getPayment, findOpenAuthorizations, listCustomerPayments, countPaymentsByCustomer } from './queries/payments'
