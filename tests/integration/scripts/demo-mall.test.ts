import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_STORES } from '../../../scripts/demo-mall/mall'
import { seedDemoMall } from '../../../scripts/demo-mall/seed'
import { createCategory, createStore, removeCategory } from '../../../server/modules/catalog'
import { createTestDatabase, type TestDatabase } from '../../support/database'

// Each replica's migrate step runs the seed with a pool of its own: two pools here, on a database
// of the test's own (the run's shared one has stores already).
const pool = (url: string) => postgres(url, { max: 4, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })

async function catalogOf(sql: postgres.Sql) {
  const stores = await sql<{ name: string, location: string, participating: boolean }[]>`select name, location, participating from catalog.stores order by name`
  const [{ products, categorised, pictured } = { products: 0, categorised: 0, pictured: 0 }] = await sql<{ products: number, categorised: number, pictured: number }[]>`
    select count(*)::int as products, count(category_id)::int as categorised,
           count(*) filter (where exists (select 1 from catalog.product_images i where i.product_id = p.id))::int as pictured
    from catalog.products p`
  const [{ categories } = { categories: 0 }] = await sql<{ categories: number }[]>`select count(*)::int as categories from catalog.categories`
  return { stores, products, categorised, pictured, categories }
}

describe('the demo mall', () => {
  let database: TestDatabase
  let replicas: postgres.Sql[]

  beforeAll(async () => {
    database = await createTestDatabase('demomall')
    replicas = [pool(database.url), pool(database.url)]
  })
  afterAll(async () => {
    await Promise.all(replicas.map(sql => sql.end({ timeout: 1 })))
    await database.drop()
  })

  it('is made once when two replicas start on an empty catalog at the same moment', async () => {
    const results = await Promise.all(replicas.map(sql => seedDemoMall(sql)))
    const made = results.filter(result => result !== undefined)
    expect(made).toHaveLength(1)
    expect(made[0]).toMatchObject({ stores: 6, products: 36, categories: 6, pictures: 36 })

    const { stores, products, categorised, pictured, categories } = await catalogOf(replicas[0]!)
    expect(stores.map(store => store.name)).toEqual(DEMO_STORES.map(store => store.name).toSorted())
    expect(stores.every(store => store.participating && store.location.length > 0)).toBe(true)
    expect(products).toBe(DEMO_STORES.flatMap(store => store.products).length)
    expect(categorised).toBe(products)
    expect(pictured).toBe(products)
    expect(categories).toBe(6)
  }, 120_000)

  it('leaves the catalog alone on every later start', async () => {
    expect(await seedDemoMall(replicas[1]!)).toBeUndefined()
    expect((await catalogOf(replicas[1]!)).products).toBe(36)
  })

  it('never adds to a catalog the admin has begun, be it a category or a store', async () => {
    const other = await createTestDatabase('demomall')
    const sql = pool(other.url)
    try {
      const { id } = await createCategory(sql, { name: 'Tea & coffee' })
      expect(await seedDemoMall(sql)).toBeUndefined()
      await removeCategory(sql, id)
      await createStore(sql, { name: 'Our own shop', location: 'Porto' })
      expect(await seedDemoMall(sql)).toBeUndefined()
      expect(await catalogOf(sql)).toEqual({ stores: [{ name: 'Our own shop', location: 'Porto', participating: false }], products: 0, categorised: 0, pictured: 0, categories: 0 })
    }
    finally {
      await sql.end({ timeout: 1 })
      await other.drop()
    }
  })
})
