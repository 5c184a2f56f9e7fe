import { DomainError, notFound } from '../../platform/errors'

export const customerNotFound = () => notFound('Customer')

/** One answer for a wrong phone and an unknown or malformed id, so ids cannot be probed. */
export const unknownCredentials = () => new DomainError('UNAUTHENTICATED', 'No customer with that id and phone')
