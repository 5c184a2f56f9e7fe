// The payments module's public door: routes and workers import from here, never from its folders.
export * from './schemas'
export { NOT_ENOUGH_MONEY, type Authorization, type PaymentStatus } from './payment'
export type { PaymentView } from './view'
export { authorizePayment } from './commands/authorize-payment'
export { settleOrderPayments } from './commands/settle-order-payments'
export * from './messages'
export { getPayment, findOpenAuthorizations, listCustomerPayments, countPaymentsByCustomer } from './queries/payments'
