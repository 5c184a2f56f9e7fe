// The customers module's public door: routes and workers import from here, never from its folders.
export * from './schemas'
export type { Customer } from './customer'
export { registerCustomer } from './commands/register-customer'
export { authenticateCustomer } from './commands/authenticate-customer'
export { getCustomer, listCustomers } from './queries/customers'
