import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { addProductImage, attachImages, getProduct, type ImageFile, type ImageStore, type ProductImageView } from '../../../../server/modules/catalog'
import { anonymous, seedStore, signedInAdmin } from '../../../support/admin'
import { picture } from '../../../support/images'

// As the app connects (server/platform/db.ts): the adapters expect camelCase columns.
let queries = 0
const sql = postgres(inject('databaseUrl'), {
  max: 2,
  onnotice: () => {},
  transform: { column: { from: postgres.toCamel } },
  debug: () => void queries++,
})
afterAll(() => sql.end({ timeout: 1 }))

async function productsWithPictures(count: number) {
  const admin = await signedInAdmin()
  const products = Array.from({ length: count }, (_, index) => ({ name: `Item ${index}`, stock: 1, price: 1 }))
  const { storeId, productIds } = await seedStore(admin, undefined, products)
  return { admin, storeId, productIds }
}

describe('product images in the catalog module', () => {
  it('addProductImage returns the view pages draw, and getProduct shows it', async () => {
    const { productIds: [id] } = await productsWithPictures(1)
    const image = await addProductImage(sql, id!, await picture('jpeg', 1600, 1200))
    expect(image).toMatchObject({ width: 1280, height: 960, src: `/images/${image.id}/640.webp` })
    expect(image.srcset.split(', ').map(entry => entry.split(' ')[1])).toEqual(['320w', '640w', '1280w'])
    expect((await getProduct(sql, id!)).images).toEqual([image])
  })

  it('attachImages fills a whole list in one query, each product with its own images in order', async () => {
    const { productIds } = await productsWithPictures(5)
    const [first, second] = [await addProductImage(sql, productIds[0]!, await picture('png', 64, 64)), await addProductImage(sql, productIds[0]!, await picture('png', 64, 64))]
    const third = await addProductImage(sql, productIds[3]!, await picture('png', 64, 64))
    const views = await Promise.all(productIds.map(id => getProduct(sql, id)))

    const before = queries
    const filled = await attachImages(sql, views.map(view => ({ ...view, images: [] as ProductImageView[] })))
    expect(queries - before).toBe(1)
    expect(filled.map(view => view.images.map(image => image.id))).toEqual([[first.id, second.id], [], [], [third.id], []])
    expect(await attachImages(sql, [])).toEqual([])
  })

  it('keeps the bytes wherever the ImageStore port says', async () => {
    const { productIds: [id] } = await productsWithPictures(1)
    const kept = new Map<string, ImageFile[]>()
    const memory: ImageStore = {
      put: async (imageId, files) => void kept.set(imageId, files),
      get: async (imageId, width) => kept.get(imageId)?.find(file => file.width === width),
      deleteFor: async imageIds => imageIds.forEach(imageId => kept.delete(imageId)),
    }
    const image = await addProductImage(sql, id!, await picture('webp', 500, 500), () => memory)
    expect(kept.get(image.id)!.map(file => file.width)).toEqual([320, 500])
    const [inPostgres] = await sql<{ count: number }[]>`select count(*)::int as count from catalog.image_files where image_id = ${image.id}`
    expect(inPostgres!.count).toBe(0)
  })

  it('the cached shopping catalog shows a new picture at once', async () => {
    const { admin, storeId, productIds: [id] } = await productsWithPictures(1)
    await admin.put(`/api/stores/${storeId}/participating`)
    const entry = async () => ((await anonymous().get('/api/products?participating=true')).data as { id: string, images: unknown[] }[]).find(product => product.id === id)
    expect((await entry())?.images).toEqual([])
    const image = await addProductImage(sql, id!, await picture('png', 100, 100))
    const deadline = Date.now() + 2000
    while (Date.now() < deadline && (await entry())?.images.length === 0) await new Promise(resolve => setTimeout(resolve, 50))
    expect((await entry())?.images).toEqual([image])
  })
})
