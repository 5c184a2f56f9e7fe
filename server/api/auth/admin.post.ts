import { z } from 'zod'
import { isAdminPassword } from '~~/server/platform/admin-password'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { DomainError } from '~~/server/platform/errors'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { startAdminSession } from '~~/server/utils/auth'
import { limitSignIn } from '~~/server/utils/rate-limits'
import { readJson } from '~~/server/utils/request'

const body = z.strictObject({ password: z.string().min(1, 'is required').max(1024) })

export default defineApiHandler(async (event) => {
  await limitSignIn(event)
  const { password } = await readJson(event, body)
  if (!(await isAdminPassword(db(), config(), password))) throw new DomainError('UNAUTHENTICATED', 'That password is not the admin password')
  await startAdminSession(event)
  return { role: 'admin' }
})
