import type { Sql } from '../../../platform/db'
import { hashPassword, verifyPassword } from '../../../platform/passwords'
import { selectPasswordHash, updatePasswordHash } from '../adapters/customers.pg'
import { customerNotFound, wrongCurrentPassword } from '../errors'
import type { PasswordChange } from '../schemas'

/** Replaces the customer's password once they proved the current one; the route then ends their other sessions. */
export async function changePassword(db: Sql, customerId: string, change: PasswordChange): Promise<void> {
  const stored = await selectPasswordHash(db, customerId)
  if (!stored || !(await verifyPassword(stored, change.currentPassword))) throw wrongCurrentPassword()
  if (!(await updatePasswordHash(db, customerId, await hashPassword(change.newPassword)))) throw customerNotFound()
}
