import { DomainError, notFound } from '../../platform/errors'
import { IMAGES_PER_PRODUCT_MAX } from '../../../shared/limits'

export const imageNotFound = () => notFound('Image')
export const tooManyImages = () =>
  new DomainError('CONFLICT', `A product has at most ${IMAGES_PER_PRODUCT_MAX} images: delete one before adding another`)
export const notAnOrderOfImages = () =>
  new DomainError('VALIDATION', "imageIds must list every one of the product's images, each once", [{ path: 'imageIds', message: "must list every one of the product's images, each once" }])

export const storeNotFound = () => notFound('Store')
export const productNotFound = () => notFound('Product')
export const categoryNotFound = () => notFound('Category')

export const categoryNameTaken = (name: string) =>
  new DomainError('CONFLICT', `A category named “${name}” already exists`, [{ path: 'name', message: 'is already the name of another category' }])

export const unknownCategory = () =>
  new DomainError('UNPROCESSABLE', 'That category does not exist (it may have just been deleted)', [{ path: 'categoryId', message: 'is not a category' }])

export const cursorNotValid = () =>
  new DomainError('VALIDATION', 'cursor: is not one this catalog gave out; start again from the first page', [{ path: 'cursor', message: 'is not valid' }])

const violates = (error: unknown, code: string, constraint: string) =>
  (error as { code?: string }).code === code && (error as { constraint_name?: string }).constraint_name === constraint

export const isCategoryNameTaken = (error: unknown) => violates(error, '23505', 'categories_name_key')
export const isCategorySlugTaken = (error: unknown) => violates(error, '23505', 'categories_slug_key')
export const isUnknownCategory = (error: unknown) => violates(error, '23503', 'products_category_id_fkey')
