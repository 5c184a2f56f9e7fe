import { DomainError, notFound } from '../../platform/errors'
import { IMAGES_PER_PRODUCT_MAX } from '../../../shared/limits'

export const storeNotFound = () => notFound('Store')
export const productNotFound = () => notFound('Product')
export const imageNotFound = () => notFound('Image')
export const tooManyImages = () =>
  new DomainError('CONFLICT', `A product has at most ${IMAGES_PER_PRODUCT_MAX} images: delete one before adding another`)
export const notAnOrderOfImages = () =>
  new DomainError('VALIDATION', "imageIds must list every one of the product's images, each once", [{ path: 'imageIds', message: "must list every one of the product's images, each once" }])
