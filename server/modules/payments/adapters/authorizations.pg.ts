import type { Sql, Tx } from '../../../platform/db'
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

export function selectAuthorizations(db: Sql, ids: string[]): Promise<Authorization[]> {
  return db<Authorization[]>`select ${db(AUTHORIZATION_COLUMNS)} from payments.authorizations where id = any(${ids}::uuid[])`
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

/** Locks the authorizations, in id order so that concurrent batches never deadlock, until the transaction ends. */
export async function lockAuthorizations(tx: Tx, ids: string[]): Promise<Map<string, Authorization>> {
  const rows = await tx<Authorization[]>`
    select ${tx(AUTHORIZATION_COLUMNS)} from payments.authorizations where id = any(${ids}::uuid[]) order by id for update`
  return new Map(rows.map(row => [row.id, row]))
}

/** Records which order each locked authorization (see lockAuthorizations) now funds, in one statement. */
export async function claimAuthorizations(tx: Tx, claims: { paymentId: string, orderId: string }[]): Promise<void> {
  if (claims.length === 0) return
  await tx`
    update payments.authorizations a set order_id = c.order_id, updated_at = now()
    from unnest(${claims.map(claim => claim.paymentId)}::uuid[], ${claims.map(claim => claim.orderId)}::uuid[]) as c(id, order_id)
    where a.id = c.id`
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
