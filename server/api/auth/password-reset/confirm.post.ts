import { codeRedemption, redeemOneTimeCode } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { endOtherSessions, startCustomerSession } from '~~/server/utils/auth'
import { limitPasswordReset } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

/** Sets the password with the code that was sent, ends the account's sessions elsewhere, and signs it in here. */
export default defineApiHandler(async (event) => {
  const redemption = await readJson(event, codeRedemption)
  await limitPasswordReset(event, redemption.phone)
  const customer = await redeemOneTimeCode(db(), redemption)
  await startCustomerSession(event, customer)
  await endOtherSessions(event)
  return customer
})
