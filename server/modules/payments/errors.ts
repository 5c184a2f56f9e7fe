import { notFound } from '../../platform/errors'

export const paymentNotFound = () => notFound('Payment')
