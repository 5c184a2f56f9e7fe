import { randomInt } from 'node:crypto'
import type { Db, Sql } from '../../../platform/db'
import { hashPassword, secretsEqual, sha256 } from '../../../platform/passwords'
import { ONE_TIME_CODE_DIGITS } from '../../../../shared/limits'
import { selectPhoneAccounts, updatePasswordHash } from '../adapters/customers.pg'
import { deleteCode, lockCode, spendAttempt, upsertCode } from '../adapters/one-time-codes.pg'
import { accountForCode } from '../customer'
import { codeNotValid, isUniqueViolation, phoneTaken } from '../errors'
import type { CodeRedemption, CodeRequest } from '../schemas'
import { customerView } from '../view'

/** Wrong tries a code survives; the next wrong one burns it. */
export const CODE_ATTEMPTS = 5

/**
 * Delivers a code to the phone's owner. The demo writes it to the web's log; a deployment plugs in
 * an SMS (or e-mail) provider here.
 */
export type CodeSender = (to: { customerId: string, phone: string }, code: string) => void | Promise<void>

/**
 * Sends a new one-time code to the account this phone names (see accountForCode), replacing any
 * earlier one. Says nothing about whether there was such an account: the route answers the same.
 */
export async function sendOneTimeCode(db: Sql, request: CodeRequest, send: CodeSender, ttlSeconds: number): Promise<void> {
  const customerId = accountForCode(await selectPhoneAccounts(db, request.phone), request.customerId)
  if (!customerId) return
  const code = String(randomInt(0, 10 ** ONE_TIME_CODE_DIGITS)).padStart(ONE_TIME_CODE_DIGITS, '0')
  await upsertCode(db, customerId, digest(customerId, code), CODE_ATTEMPTS, ttlSeconds)
  await send({ customerId, phone: request.phone }, code)
}

/**
 * Sets the account's password with the code it was sent: the code is used up, a wrong one loses an
 * attempt (and is burnt after CODE_ATTEMPTS), an expired one counts for nothing. Returns the customer;
 * the route signs them in and ends their other sessions.
 */
export async function redeemOneTimeCode(db: Db, redemption: CodeRedemption) {
  const customerId = accountForCode(await selectPhoneAccounts(db, redemption.phone), redemption.customerId)
  // Hashed before the code is checked, so that a wrong code costs the caller as much time as a right one.
  const passwordHash = await hashPassword(redemption.password)
  if (!customerId) throw codeNotValid()
  let outcome
  try {
    outcome = await db.begin(async (tx) => {
      const stored = await lockCode(tx, customerId)
      if (!stored) return undefined
      if (!stored.live) {
        await deleteCode(tx, customerId)
        return undefined
      }
      if (!secretsEqual(stored.codeHash, digest(customerId, redemption.code.trim()))) {
        await spendAttempt(tx, customerId)
        return undefined
      }
      await deleteCode(tx, customerId)
      return updatePasswordHash(tx, customerId, passwordHash)
    })
  }
  catch (error) {
    if (isUniqueViolation(error)) throw phoneTaken()
    throw error
  }
  if (!outcome) throw codeNotValid()
  return customerView(outcome)
}

/** Codes are kept as a digest bound to their account; with a few tries and minutes to live, that is enough. */
function digest(customerId: string, code: string): string {
  return sha256(`${customerId}:${code}`).toString('base64url')
}
