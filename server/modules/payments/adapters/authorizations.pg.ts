import type { Sql } from '../../../platform/db'
import type { Cents } from '../../shared/money'
import type { Authorization, PaymentStatus } from '../payment'

const AUTHORIZATION_COLUMNS = ['id', 'customer_id', 'amount_cents', 'status', 'order_id', 'created_at', 'updated_at']

export async function insertAuthorization(db: Sql, customerId: string, amountCents: Cents): Promise<Authorization> {
  const [authorization] = await db<Authorization[]>`
    insert into payments.authorizations (customer_id, amount_cents)
    values (${customerId}, ${amountCents})
    returning ${db(AUTHORIZATION_COLUMNS)}`
  return authorization!
}

export async function selectAuthorization(db: Sql, id: string): Promise<Authorization | undefined> {
  const [authorization] = await db<Authorization[]>`select ${db(AUTHORIZATION_COLUMNS)} from payments.authorizations where id = ${id}`
  return authorization
}

export async function selectCustomerAuthorizations(db: Sql, customerId: string): Promise<Authorization[]> {
  return db<Authorization[]>`
    select ${db(AUTHORIZATION_COLUMNS)} from payments.authorizations
    where customer_id = ${customerId}
    order by created_at, id`
}

export async function countAuthorizationsByCustomer(db: Sql, customerIds: string[]): Promise<Map<string, number>> {
  const rows = await db<{ customerId: string, count: number }[]>`
    select customer_id, count(*) as count from payments.authorizations
    where customer_id = any(${customerIds}::uuid[])
    group by customer_id`
  return new Map(rows.map(row => [row.customerId, row.count]))
}

export interface Claim {
  paymentId: string
  customerId: string
  orderId: string
  totalCents: Cents
}

/**
 * Claims the authorization for the order in one conditional update, so two orders racing for one
 * authorization cannot both win: the second waits for the first's row lock, re-checks the condition
 * and finds the row taken. Claiming again for the same order matches too (a redelivery).
 */
export async function claimAuthorization(db: Sql, claim: Claim): Promise<boolean> {
  const result = await db`
    update payments.authorizations set order_id = ${claim.orderId}, updated_at = now()
    where id = ${claim.paymentId}
      and customer_id = ${claim.customerId}
      and status = 'authorized'
      and (order_id is null or order_id = ${claim.orderId})
      and amount_cents >= ${claim.totalCents}`
  return result.count > 0
}

/**
 * Moves the order's authorization from authorized to `to`, and says whether it is in `to` now,
 * whether this call or an earlier one moved it. The read comes after the update, in a statement of
 * its own, so it sees a concurrent call's committed change.
 */
export async function settleOrderAuthorization(db: Sql, orderId: string, to: Exclude<PaymentStatus, 'authorized'>): Promise<boolean> {
  const moved = await db`
    update payments.authorizations set status = ${to}, updated_at = now()
    where order_id = ${orderId} and status = 'authorized'`
  if (moved.count > 0) return true
  const [row] = await db<{ status: PaymentStatus }[]>`select status from payments.authorizations where order_id = ${orderId}`
  return row?.status === to
}

/**
 * Voids the order's authorization, claiming it for the order first if the payments consumer has not
 * yet: a void that arrives before the claim must still win, or the money would stay held for a dead order.
 */
export async function voidAuthorization(db: Sql, paymentId: string, orderId: string): Promise<boolean> {
  const moved = await db`
    update payments.authorizations set status = 'voided', order_id = coalesce(order_id, ${orderId}), updated_at = now()
    where id = ${paymentId} and status = 'authorized' and (order_id is null or order_id = ${orderId})`
  if (moved.count > 0) return true
  const [row] = await db<{ status: PaymentStatus }[]>`select status from payments.authorizations where id = ${paymentId} and order_id = ${orderId}`
  return row?.status === 'voided'
}
