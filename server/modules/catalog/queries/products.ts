import type { Sql } from '../../../platform/db'
import { selectCatalog, selectProduct, selectStoreProducts } from '../adapters/products.pg'
import { selectStore } from '../adapters/stores.pg'
import { productNotFound, storeNotFound } from '../errors'
import type { CatalogQuery } from '../schemas'
import { catalogEntryView, productView } from '../view'
import { attachImages } from './product-images'

export async function getProduct(db: Sql, id: string) {
  const product = await selectProduct(db, id)
  if (!product) throw productNotFound()
  const [view] = await attachImages(db, [productView(product)])
  return view!
}

export async function listStoreProducts(db: Sql, storeId: string) {
  if (!(await selectStore(db, storeId))) throw storeNotFound()
  const products = await selectStoreProducts(db, storeId)
  return attachImages(db, products.map(productView))
}

/** The catalog across stores, with each product's store name and location. */
export async function listCatalog(db: Sql, query: CatalogQuery) {
  const entries = await selectCatalog(db, { participating: query.participating, q: query.q?.trim() || undefined })
  return attachImages(db, entries.map(catalogEntryView))
}
