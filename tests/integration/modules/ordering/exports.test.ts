import { parse } from 'csv-parse/sync'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { cursorOrders } from '../../../../server/modules/ordering/adapters/orders.pg'
import { anonymous, seedStore, signedInAdmin } from '../../../support/admin'
import type { Client } from '../../../support/http'
import { newCustomer, order, waitForOrder } from '../../../support/shopping'

// A name with a comma, quotes, an accent, an emoji and a leading '=': everything a CSV writer can get wrong.
const ODD_NAME = '=Tea, "green" — Ünïcödé 🍵'

let admin: Client
let customer: Awaited<ReturnType<typeof newCustomer>>
const orderIds: string[] = []

beforeAll(async () => {
  admin = await signedInAdmin()
  const seeded = await seedStore(admin, undefined, [{ name: ODD_NAME, stock: 1, price: 4.5 }, { name: 'Plain cup', stock: 100, price: 2 }])
  await admin.put(`/api/stores/${seeded.storeId}/participating`)
  customer = await newCustomer(inject('baseUrl'), 'Exporter')
  const [odd, plain] = seeded.productIds as [string, string]
  // Accepted, then out of stock (the one odd unit is gone), then short of money.
  for (const [items, amount] of [[[{ productId: odd, quantity: 1 }, { productId: plain, quantity: 2 }], 8.5], [[{ productId: odd, quantity: 1 }], 4.5], [[{ productId: plain, quantity: 1 }], 1]] as const) {
    const placed = await order(customer.client, customer.customerId, [...items], amount)
    expect(placed.status).toBe(201)
    orderIds.push(placed.data.id)
    await waitForOrder(customer.client, placed.data.id)
  }
})

/** GETs a CSV export as `client`; `rows` are the records keyed by the header row. */
async function download(client: Client, path: string) {
  const response = await client.get(path)
  return { ...response, rows: response.status === 200 ? parse(response.text, { bom: true, columns: true }) as Record<string, string>[] : [] }
}

describe('GET /api/orders/export.csv', () => {
  it("has every order the filters match, as a download, with the JSON API's fields", async () => {
    const response = await download(admin, `/api/orders/export.csv?customerId=${customer.customerId}&sort=asc`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="plaza-orders-\d{4}-\d{2}-\d{2}\.csv"$/)
    // The text above was decoded as UTF-8, which drops a byte-order mark: look at the bytes.
    const bytes = new Uint8Array(await (await fetch(`${inject('baseUrl')}/api/orders/export.csv?status=cancelled`, { headers: { cookie: admin.cookieHeader } })).arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xEF, 0xBB, 0xBF])
    expect(response.rows.map(row => row.id)).toEqual(orderIds)
    expect(response.rows.map(row => [row.status, row.rejection, row.total])).toEqual([
      ['accepted', '', '8.50'],
      ['rejected', 'OUT_OF_STOCK', '4.50'],
      ['rejected', 'NOT_ENOUGH_MONEY', '2.00'],
    ])
    expect(response.rows[0]!.lines).toMatch(new RegExp(`^1 × ${ODD_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(Store .+\\); 2 × Plain cup \\(Store .+\\)$`))
    expect(response.rows[0]!.customerId).toBe(customer.customerId)
    expect(new Date(response.rows[0]!.placedAt!).toISOString()).toBe(response.rows[0]!.placedAt)
  })

  it('applies the status filter and the sort, and answers an empty file with its header when nothing matches', async () => {
    const rejected = await download(admin, `/api/orders/export.csv?customerId=${customer.customerId}&status=rejected&sort=desc`)
    expect(rejected.rows.map(row => row.id)).toEqual([orderIds[2], orderIds[1]])
    const none = await download(admin, `/api/orders/export.csv?customerId=${customer.customerId}&status=cancelled`)
    expect(none.status).toBe(200)
    expect(none.text.trim()).toBe('id,status,paymentStatus,storesStatus,customerId,paymentId,total,lines,rejection,placedAt,updatedAt')
  })

  it('is for the admin only, and refuses bad filters with a 400 that says which', async () => {
    expect((await anonymous().get('/api/orders/export.csv')).status).toBe(401)
    expect((await customer.client.get('/api/orders/export.csv')).status).toBe(403)
    const bad = await admin.get('/api/orders/export.csv?status=lost&sort=sideways')
    expect(bad.status).toBe(400)
    expect(bad.data.data.code).toBe('VALIDATION')
    expect(bad.data.data.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(['sort', 'status'])
  })
})

describe('GET /api/order-events/export.csv', () => {
  it('has every event of the order, in log order, each with its payload as JSON', async () => {
    const response = await download(admin, `/api/order-events/export.csv?orderId=${orderIds[0]}&sort=asc`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(/filename="plaza-order-events-\d{4}-\d{2}-\d{2}\.csv"/)
    expect(response.rows.map(row => row.version)).toEqual(['1', '2', '3', '4'])
    expect(response.rows[0]!.type).toBe('OrderPlaced')
    expect(response.rows.at(-1)!.type).toBe('OrderAccepted')
    const placed = JSON.parse(response.rows[0]!.data!)
    expect(placed.lines.map((line: { name: string }) => line.name)).toEqual([ODD_NAME, 'Plain cup'])
    const positions = response.rows.map(row => Number(row.position))
    expect(positions).toEqual(positions.toSorted((a, b) => a - b))
  })

  it('filters by event type across orders, takes a short order id and refuses one that is not hex', async () => {
    const rejections = await download(admin, `/api/order-events/export.csv?type=OrderRejected`)
    const ours = rejections.rows.filter(row => orderIds.includes(row.orderId!))
    expect(ours.map(row => JSON.parse(row.data!).reason).sort()).toEqual(['NOT_ENOUGH_MONEY', 'OUT_OF_STOCK'])
    expect(rejections.rows.every(row => row.type === 'OrderRejected')).toBe(true)
    const short = await download(admin, `/api/order-events/export.csv?orderId=${orderIds[0]!.slice(0, 8)}`)
    expect(new Set(short.rows.map(row => row.orderId))).toEqual(new Set([orderIds[0]]))
    expect((await admin.get('/api/order-events/export.csv?orderId=not-hex')).status).toBe(400)
    expect((await customer.client.get('/api/order-events/export.csv')).status).toBe(403)
  })
})

describe('the export cursor', () => {
  const sql = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {}, transform: { column: { from: postgres.toCamel } } })
  afterAll(() => sql.end({ timeout: 1 }))

  it('reads batch after batch until the last row, in the order the list pages through', async () => {
    const batches = []
    for await (const batch of cursorOrders(sql, { customerId: customer.customerId, sort: 'asc' }, 2)) batches.push(batch.map(row => row.id))
    expect(batches).toEqual([orderIds.slice(0, 2), orderIds.slice(2)])
  })
})
