import { setResponseStatus } from 'h3'
import { codeRequest, sendOneTimeCode } from '~~/server/modules/customers'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { sendCodeToLog } from '~~/server/utils/one-time-code-log'
import { limitPasswordReset } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

/** Sends a one-time code to the phone's account (a first password, or a reset); the same 202 whether or not there is one. */
export default defineApiHandler(async (event) => {
  const request = await readJson(event, codeRequest)
  await limitPasswordReset(event, request.phone)
  await sendOneTimeCode(db(), request, sendCodeToLog, config().PLAZA_ONE_TIME_CODE_TTL_SECONDS)
  setResponseStatus(event, 202)
  return { sent: true, expiresInSeconds: config().PLAZA_ONE_TIME_CODE_TTL_SECONDS }
})
