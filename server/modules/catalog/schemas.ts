import { z } from 'zod'
import { BULK_DELETE_MAX, CONFIRM_DELAY_MAX_MS, DESCRIPTION_MAX, IMAGES_PER_PRODUCT_MAX, NAME_MAX, PRICE_MAX, STOCK_MAX } from '../../../shared/limits'
import { euros } from '../shared/money'
import { freeText, idParam, label, uuid } from '../shared/text'

export { idParam }

const stock = z.number({ message: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative').max(STOCK_MAX, `must be at most ${STOCK_MAX}`)

const price = euros({ least: 0, most: PRICE_MAX })

export const storeInput = z.strictObject({
  name: label(NAME_MAX),
  location: label(NAME_MAX),
})

export const storePatch = z.strictObject({
  name: label(NAME_MAX).optional(),
  location: label(NAME_MAX).optional(),
  confirmDelayMs: z.number().int().min(0).max(CONFIRM_DELAY_MAX_MS).nullable().optional(),
}).refine(patch => Object.keys(patch).length > 0, 'name, location or confirmDelayMs is required')

export const productInput = z.strictObject({
  name: label(NAME_MAX),
  description: freeText(DESCRIPTION_MAX).default(''),
  stock,
  price,
})

export const productPatch = z.strictObject({
  name: label(NAME_MAX).optional(),
  description: freeText(DESCRIPTION_MAX).optional(),
  stock: stock.optional(),
  price: price.optional(),
}).refine(patch => Object.keys(patch).length > 0, 'at least one of name, description, stock, price is required')

export const bulkDelete = z.strictObject({
  ids: z.array(uuid).min(1, 'must list at least one id').max(BULK_DELETE_MAX, `must list at most ${BULK_DELETE_MAX} ids`),
})

/** Route parameters of one of a product's images. */
export const productImageParams = z.object({ id: uuid, imageId: uuid })

/** A rendition's public address, /images/<id>/<width>.webp. */
export const imageFileParams = z.object({
  id: uuid,
  file: z.string().regex(/^[1-9]\d{0,4}\.webp$/).transform(file => Number.parseInt(file, 10)),
})

export const imageOrder = z.strictObject({
  imageIds: z.array(uuid).min(1, 'must list at least one id').max(IMAGES_PER_PRODUCT_MAX, `must list at most ${IMAGES_PER_PRODUCT_MAX} ids`),
})

export const catalogQuery = z.object({
  participating: z.enum(['true', 'false']).transform(value => value === 'true').optional(),
  q: z.string().max(NAME_MAX).optional(),
})

export type StoreInput = z.output<typeof storeInput>
export type StorePatch = z.output<typeof storePatch>
export type ProductInput = z.output<typeof productInput>
export type ProductPatch = z.output<typeof productPatch>
export type CatalogQuery = z.output<typeof catalogQuery>
