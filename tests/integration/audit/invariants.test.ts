import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { seedStore, signedInAdmin } from '../../support/admin'
import { violatedInvariants } from '../../support/audit'

const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} })
afterAll(() => sql.end({ timeout: 1 }))

describe('the audit', () => {
  it('finds every invariant holding after the pipeline ran, and reports a damaged stock', async () => {
    await expect.poll(() => violatedInvariants(inject('databaseUrl')), { timeout: 15_000 }).toEqual([])
    const { productIds: [productId] } = await seedStore(await signedInAdmin(), undefined, [{ name: 'Miscounted', stock: 3, price: 1 }])
    await sql`update catalog.products set stock = stock + 1 where id = ${productId!}`
    try {
      const violated = await violatedInvariants(inject('databaseUrl'))
      expect(violated).toMatchObject([{ name: 'stock = stock added - units reserved - units committed', violations: 1, examples: [expect.stringContaining(productId!)] }])
    }
    finally {
      await sql`update catalog.products set stock = stock - 1 where id = ${productId!}`
    }
  })
})
