import type { Config } from './config'
import type { Sql } from './db'
import { ADMIN_PASSWORD_HASH, ADMIN_PASSWORD_SET_HASH } from './admin-password'
import { generateSecret, hashPassword } from './passwords'
import { setting, settingOrCreate } from './settings'

const SESSION_PASSWORD = 'session_password'

/**
 * Resolves the secrets every replica must share. Unconfigured, the session password is generated once
 * and kept in the database, and an admin password is generated, stored hashed and printed this once.
 */
export async function bootstrapSecrets(db: Sql, config: Config, log: (line: string) => void): Promise<{ sessionPassword: string }> {
  const sessionPassword = config.NUXT_SESSION_PASSWORD
    ?? (await settingOrCreate(db, SESSION_PASSWORD, () => generateSecret(32))).value
  if (!config.PLAZA_ADMIN_PASSWORD && !(await setting(db, ADMIN_PASSWORD_HASH)) && !(await setting(db, ADMIN_PASSWORD_SET_HASH))) {
    const password = generateSecret(12)
    const hash = await hashPassword(password)
    // Of replicas starting together, only the one whose row lands prints its password.
    const { created } = await settingOrCreate(db, ADMIN_PASSWORD_HASH, () => hash)
    if (created) log(`PLAZA_ADMIN_PASSWORD is not set, so an admin password was generated. It is shown this once: ${password}`)
  }
  return { sessionPassword }
}
