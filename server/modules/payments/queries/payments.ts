import type { Sql } from '../../../platform/db'
import { countAuthorizationsByCustomer, selectAuthorization, selectAuthorizations, selectCustomerAuthorizations } from '../adapters/authorizations.pg'
import { paymentNotFound } from '../errors'
import type { Authorization } from '../payment'
import { paymentView } from '../view'

export async function getPayment(db: Sql, id: string) {
  const authorization = await selectAuthorization(db, id)
  if (!authorization) throw paymentNotFound()
  return paymentView(authorization)
}

/** For placing orders: of these authorizations, those still authorized and funding no order yet, each with its customer. */
export async function findOpenAuthorizations(db: Sql, paymentIds: string[]): Promise<Map<string, string>> {
  if (paymentIds.length === 0) return new Map()
  const authorizations = await selectAuthorizations(db, paymentIds)
  return new Map(authorizations.filter(isOpen).map(authorization => [authorization.id, authorization.customerId]))
}

const isOpen = (authorization: Authorization) => authorization.status === 'authorized' && authorization.orderId === null

export async function listCustomerPayments(db: Sql, customerId: string) {
  const authorizations = await selectCustomerAuthorizations(db, customerId)
  return authorizations.map(paymentView)
}

/** How many authorizations each of the customers made, for the customers admin. */
export function countPaymentsByCustomer(db: Sql, customerIds: string[]): Promise<Map<string, number>> {
  return countAuthorizationsByCustomer(db, customerIds)
}
