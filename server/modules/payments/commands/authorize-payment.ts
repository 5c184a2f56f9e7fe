import type { Sql } from '../../../platform/db'
import { toCents } from '../../shared/money'
import { insertAuthorization } from '../adapters/authorizations.pg'
import { paymentView } from '../view'
import type { PaymentInput } from '../schemas'

/** Holds the amount for the customer (a mock: no money moves). The route checks the customer is the caller. */
export async function authorizePayment(db: Sql, input: PaymentInput) {
  return paymentView(await insertAuthorization(db, input.customerId, toCents(input.amount)))
}
