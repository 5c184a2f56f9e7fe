import { z } from 'zod'
import { BULK_DELETE_MAX, CATALOG_IDS_MAX, CATALOG_PAGE_MAX, CATALOG_PAGE_SIZE, CATEGORY_NAME_MAX, CONFIRM_DELAY_MAX_MS, DESCRIPTION_MAX, IMAGES_PER_PRODUCT_MAX, NAME_MAX, PRICE_MAX, STOCK_MAX } from '../../../shared/limits'
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

/** The product's category; null (or left out) for none. */
const categoryId = uuid.nullable().describe('A category id from GET /api/categories, or null for none')

export const productInput = z.strictObject({
  name: label(NAME_MAX),
  description: freeText(DESCRIPTION_MAX).default(''),
  stock,
  price,
  categoryId: categoryId.optional(),
})

export const productPatch = z.strictObject({
  name: label(NAME_MAX).optional(),
  description: freeText(DESCRIPTION_MAX).optional(),
  stock: stock.optional(),
  price: price.optional(),
  categoryId: categoryId.optional(),
}).refine(patch => Object.keys(patch).length > 0, 'at least one of name, description, stock, price, categoryId is required')

export const categoryInput = z.strictObject({
  name: label(CATEGORY_NAME_MAX),
})

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

export const catalogSorts = ['relevance', 'name', 'price-asc', 'price-desc'] as const

/** A query-string number: digits only, so "1e3", "0x10" and " 5" are refused rather than read. */
const count = (least: number, most: number) =>
  z.string().regex(/^\d{1,6}$/, 'must be a whole number').transform(Number).pipe(z.number().min(least, `must be at least ${least}`).max(most, `must be at most ${most}`))

/** Search text as typed: trimmed, no control characters; empty means no search. */
const searchText = z.string()
  .trim()
  .refine(value => [...value].length <= NAME_MAX, `must be at most ${NAME_MAX} characters`)
  .refine(value => !/[\u0000-\u001F\u007F-\u009F]/.test(value), 'must not contain control characters')
  .transform(value => value || undefined)

const idList = z.string()
  .transform(value => [...new Set(value.split(',').map(id => id.trim()).filter(Boolean))])
  .pipe(z.array(uuid).min(1, 'must list at least one id').max(CATALOG_IDS_MAX, `must list at most ${CATALOG_IDS_MAX} ids`))

/** GET /api/catalog: one page of what is on sale, searched and filtered. */
export const catalogPageQuery = z.object({
  q: searchText.optional().describe('Search text: names weigh more than descriptions; typos and accents are forgiven'),
  category: uuid.optional().describe('Only this category'),
  store: uuid.optional().describe('Only this store'),
  sort: z.enum(catalogSorts).optional().describe('relevance (the default while searching), name (otherwise), price-asc, price-desc'),
  cursor: z.string().max(512).optional().describe('nextCursor of the previous page'),
  limit: count(1, CATALOG_PAGE_MAX).default(CATALOG_PAGE_SIZE).describe(`Products per page: ${CATALOG_PAGE_SIZE} unless asked, at most ${CATALOG_PAGE_MAX}`),
  ids: idList.optional().describe(`Comma-separated product ids (at most ${CATALOG_IDS_MAX}): just these, where still on sale, on one page`),
})

export type StoreInput = z.output<typeof storeInput>
export type StorePatch = z.output<typeof storePatch>
export type ProductInput = z.output<typeof productInput>
export type ProductPatch = z.output<typeof productPatch>
export type CatalogQuery = z.output<typeof catalogQuery>
export type CategoryInput = z.output<typeof categoryInput>
export type CatalogSort = typeof catalogSorts[number]
export type CatalogPageQuery = z.output<typeof catalogPageQuery>
