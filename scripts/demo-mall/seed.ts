import { addProduct, addProductImage, categoryInput, createCategory, createStore, isCatalogEmpty, productInput, setParticipation, storeInput } from '../../server/modules/catalog'
import type { Db, Tx } from '../../server/platform/db'
import { DEMO_CATEGORIES, DEMO_STORES, type DemoCategory, type DemoProduct } from './mall'
import { drawProductPicture } from './pictures'

/** What a run made; undefined when the catalog was not empty and nothing was made. */
export interface DemoMall {
  stores: number
  products: number
  categories: number
  /** Products given their picture: all of them, unless drawing failed (the mall is kept without). */
  pictures: number
  seconds: number
}

interface MadeProduct {
  id: string
  product: DemoProduct
}

// Every replica's migrate step may get here at once: one takes the lock and fills the mall, the
// others wait for it, then find the catalog no longer empty. A session-level lock on a reserved
// connection, since the pictures are added in transactions of their own; it ends with its session
// if the process dies.
const LOCK_KEY = 'plaza.demo-mall'

/**
 * Fills an empty catalog with the demo mall (scripts/demo-mall/mall.ts) through the catalog's own
 * commands, as an admin would: categories, stores taking part in shopping, their products, and a
 * picture each. Leaves any other catalog alone, so it is safe on every start. `warn` hears of
 * pictures that failed.
 */
export async function seedDemoMall(db: Db, warn: (line: string) => void = console.error): Promise<DemoMall | undefined> {
  const started = performance.now()
  const lock = await db.reserve()
  try {
    await lock`select pg_advisory_lock(hashtext(${LOCK_KEY}))`
    if (!(await isCatalogEmpty(db))) return undefined
    const made = await db.begin(tx => fillCatalog(tx))
    const pictures = await addPictures(db, made, warn)
    return { stores: DEMO_STORES.length, products: made.length, categories: Object.keys(DEMO_CATEGORIES).length, pictures, seconds: (performance.now() - started) / 1000 }
  }
  finally {
    await lock`select pg_advisory_unlock(hashtext(${LOCK_KEY}))`.catch(() => {})
    lock.release()
  }
}

/** Categories, stores and products in one transaction: a failure leaves the catalog empty, to be tried again next start. */
async function fillCatalog(tx: Tx): Promise<MadeProduct[]> {
  const categoryIds = {} as Record<DemoCategory, string>
  for (const [key, category] of Object.entries(DEMO_CATEGORIES) as [DemoCategory, typeof DEMO_CATEGORIES[DemoCategory]][]) {
    categoryIds[key] = (await createCategory(tx, categoryInput.parse({ name: category.name }))).id
  }
  const made: MadeProduct[] = []
  for (const store of DEMO_STORES) {
    const { id: storeId } = await createStore(tx, storeInput.parse({ name: store.name, location: store.location }))
    await setParticipation(tx, storeId, true)
    for (const product of store.products) {
      const input = productInput.parse({ name: product.name, description: product.description, stock: product.stock, price: product.price, categoryId: categoryIds[product.category] })
      made.push({ id: (await addProduct(tx, storeId, input)).id, product })
    }
  }
  return made
}

/**
 * A picture per product, each through addProductImage as an upload would go (its own transaction,
 * WebP renditions). Drawing needs sharp's native library: if it fails, the mall stays, without pictures.
 */
async function addPictures(db: Db, made: MadeProduct[], warn: (line: string) => void): Promise<number> {
  for (const [index, { id, product }] of made.entries()) {
    try {
      await addProductImage(db, id, await drawProductPicture(product, index))
    }
    catch (error) {
      warn(`[plaza] The demo mall's pictures could not be drawn (${(error as Error).message}); its products have none`)
      return index
    }
  }
  return made.length
}
