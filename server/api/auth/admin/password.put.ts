import { passwordChange } from '~~/server/modules/customers'
import { changeAdminPassword } from '~~/server/platform/admin-password'
import { config } from '~~/server/platform/config'
import { db } from '~~/server/platform/db'
import { defineApiHandler } from '~~/server/utils/api-handler'
import { endOtherSessions, requireAdmin } from '~~/server/utils/auth'
import { readJson } from '~~/server/utils/request'

/** Changes the admin password (it then wins over PLAZA_ADMIN_PASSWORD) and ends the admin's other sessions. */
export default defineApiHandler(async (event) => {
  await requireAdmin(event)
  const { currentPassword, newPassword } = await readJson(event, passwordChange)
  await changeAdminPassword(db(), config(), currentPassword, newPassword)
  await endOtherSessions(event)
  return { changed: true }
})
