import { z } from 'zod'
import { isAdminPassword } from '~~/server/platform/bootstrap'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { DomainError } from '~~/server/platform/errors'

const body = z.strictObject({ password: z.string().min(1, 'is required').max(1024) })

export default defineApiHandler(async (event) => {
  await limitSignIn(event)
  const { password } = await readJson(event, body)
  if (!(await isAdminPassword(db(), config(), password))) {
    throw new DomainError('UNAUTHENTICATED', 'That password is not the admin password')
  }
  await replaceUserSession(event, { user: { role: 'admin', name: 'Admin' }, signedInAt: new Date().toISOString() }, sessionCookieOptions(event))
  return { role: 'admin' }
})
