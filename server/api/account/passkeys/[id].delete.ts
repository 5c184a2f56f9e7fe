import { setResponseStatus } from 'h3'
import { passkeyParam, removePasskey } from '~~/server/modules/customers'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { requireCustomer } from '~~/server/utils/auth'
import { readParams } from '~~/server/utils/request'

/** Removes one of the signed-in customer's passkeys; another customer's is the same 404 as none. */
export default defineApiHandler(async (event) => {
  const { customerId } = await requireCustomer(event)
  const { id } = readParams(event, passkeyParam, 'Passkey')
  await removePasskey(db(), customerId, id)
  setResponseStatus(event, 204)
  return null
})
