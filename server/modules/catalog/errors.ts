import { notFound } from '../../platform/errors'

export const storeNotFound = () => notFound('Store')
export const productNotFound = () => notFound('Product')
