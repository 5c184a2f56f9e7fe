import type { Config } from './config'
import type { Sql } from './db'
import { DomainError } from './errors'
import { hashPassword, secretsEqual, verifyPassword } from './passwords'
import { putSetting, setting } from './settings'

/** The hash of the password generated at first start when PLAZA_ADMIN_PASSWORD is unset. */
export const ADMIN_PASSWORD_HASH = 'admin_password_hash'
/** The hash of the password the admin chose in the UI: it wins over both others. */
export const ADMIN_PASSWORD_SET_HASH = 'admin_password_set_hash'

/**
 * Which admin password counts, first found wins: the one set from the UI (stored hashed), then
 * PLAZA_ADMIN_PASSWORD, then the one generated at first start (stored hashed). Deleting the
 * `admin_password_set_hash` row of platform.settings goes back to the configured password.
 */
export async function isAdminPassword(db: Sql, config: Config, candidate: string): Promise<boolean> {
  const chosen = await setting(db, ADMIN_PASSWORD_SET_HASH)
  if (chosen) return verifyPassword(chosen, candidate)
  if (config.PLAZA_ADMIN_PASSWORD) return secretsEqual(config.PLAZA_ADMIN_PASSWORD, candidate)
  const generated = await setting(db, ADMIN_PASSWORD_HASH)
  return generated ? verifyPassword(generated, candidate) : false
}

/** Replaces the admin password once the current one is proved; the route then ends the admin's other sessions. */
export async function changeAdminPassword(db: Sql, config: Config, current: string, next: string): Promise<void> {
  if (!(await isAdminPassword(db, config, current))) {
    throw new DomainError('VALIDATION', 'currentPassword: is not the current admin password', [{ path: 'currentPassword', message: 'is not the current admin password' }])
  }
  await putSetting(db, ADMIN_PASSWORD_SET_HASH, await hashPassword(next))
}
