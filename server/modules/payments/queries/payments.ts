import type { Sql } from '../../../platform/db'
import { countAuthorizationsByCustomer, selectAuthorization, selectCustomerAuthorizations } from '../adapters/authorizations.pg'
import { paymentNotFound } from '../errors'
import { paymentView, type Authorization } from '../payment'

export async function getPayment(db: Sql, id: string) {
  const authorization = await selectAuthorization(db, id)
  if (!authorization) throw paymentNotFound()
  return paymentView(authorization)
}

/**
 * For placing an order: the customer's own authorization, still authorized and funding no order yet;
 * undefined otherwise. Whether it covers the total is decided later, by settlePaymentForOrder.
 */
export async function getAuthorizationForCustomer(db: Sql, paymentId: string, customerId: string): Promise<Authorization | undefined> {
  const authorization = await selectAuthorization(db, paymentId)
  const usable = authorization?.customerId === customerId && authorization.status === 'authorized' && authorization.orderId === null
  return usable ? authorization : undefined
}

export async function listCustomerPayments(db: Sql, customerId: string) {
  const authorizations = await selectCustomerAuthorizations(db, customerId)
  return authorizations.map(paymentView)
}

/** How many authorizations each of the customers made, for the customers admin. */
export function countPaymentsByCustomer(db: Sql, customerIds: string[]): Promise<Map<string, number>> {
  return countAuthorizationsByCustomer(db, customerIds)
}
