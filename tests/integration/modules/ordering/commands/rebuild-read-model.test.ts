import postgres from 'postgres'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { rebuildReadModel } from '../../../../../server/modules/ordering'
import { seedStore, signedInAdmin } from '../../../../support/admin'
import { newCustomer, order, waitForOrder } from '../../../../support/shopping'

const sql = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
afterAll(() => sql.end({ timeout: 1 }))

describe('the orders read model', () => {
  it('is rebuilt from the events after it was damaged', async () => {
    const admin = await signedInAdmin()
    const { storeId, productIds: [productId] } = await seedStore(admin, undefined, [{ name: 'Globe', stock: 3, price: 8 }])
    await admin.put(`/api/stores/${storeId}/participating`)
    const { client, customerId } = await newCustomer(inject('baseUrl'))
    const placed = await order(client, customerId, [{ productId: productId!, quantity: 1 }], 8)
    const accepted = await waitForOrder(client, placed.data.id)

    await sql`update ordering.orders set status = 'pending', payment_status = 'pending', version = 1, store_statuses = '{}' where id = ${placed.data.id}`
    expect((await client.get(`/api/orders/${placed.data.id}`)).data.status).toBe('pending')

    expect(await rebuildReadModel(sql)).toBeGreaterThanOrEqual(1)
    expect((await client.get(`/api/orders/${placed.data.id}`)).data).toEqual(accepted)
  })

  it('matches the fold of the events for every order', async () => {
    await rebuildReadModel(sql)
    const drift = await sql`
      select o.id from ordering.orders o
      join (select order_id, max(version) as version from ordering.order_events group by order_id) e on e.order_id = o.id
      where o.version <> e.version`
    expect(drift).toEqual([])
  })
})
