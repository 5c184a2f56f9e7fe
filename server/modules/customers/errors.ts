import { DomainError, notFound } from '../../platform/errors'

export const customerNotFound = () => notFound('Customer')

/** One answer for a wrong password, an unknown phone and an account without a password, so accounts cannot be probed. */
export const wrongCredentials = () => new DomainError('UNAUTHENTICATED', 'Wrong phone or password. An account made before passwords existed must set one first, with a one-time code sent to its phone.')

export const phoneTaken = () => new DomainError('CONFLICT', 'An account with this phone already exists: sign in instead, or reset its password with a one-time code.')

/** One answer for a wrong, used, expired or burnt code, and for a phone with no such account. */
export const codeNotValid = () => new DomainError('UNAUTHENTICATED', 'That code is not valid: it is wrong, used or expired. Ask for a new one.')

export const wrongCurrentPassword = () => new DomainError('VALIDATION', 'currentPassword: is not your current password', [{ path: 'currentPassword', message: 'is not your current password' }])

export const passkeyNotFound = () => notFound('Passkey')

export const unknownPasskey = () => new DomainError('UNAUTHENTICATED', 'That passkey is not registered with Plaza')

export const passkeyAttemptExpired = () => new DomainError('VALIDATION', 'The passkey attempt expired or was already used: start again')

export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505'
