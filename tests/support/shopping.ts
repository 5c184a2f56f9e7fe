import { authorize, randomPhone, register } from './customer'
import { Client } from './http'

export { authorize }

/** Registers a customer on the server at baseUrl; the returned client carries their session. */
export async function newCustomer(baseUrl: string, name = 'Ada Shopper') {
  const client = new Client(baseUrl)
  const phone = randomPhone()
  return { client, customerId: await register(client, name, phone), phone }
}

export type Item = { productId: string, quantity: number }

/** Authorizes `amount` and places an order for the items; returns the HTTP response. */
export async function order(client: Client, customerId: string, items: Item[], amount: number, idempotencyKey?: string) {
  const paymentId = await authorize(client, customerId, amount)
  return client.request('POST', '/api/orders', {
    json: { customerId, paymentId, items },
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  })
}

const TERMINAL_OR_DECIDED = ['accepted', 'rejected', 'delivered', 'cancelled']

/** Polls the order until `done` says so; fails after `timeoutMs`. */
export async function waitForOrder(client: Client, orderId: string, done: (order: any) => boolean = order => TERMINAL_OR_DECIDED.includes(order.status), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  let last: any
  while (Date.now() < deadline) {
    last = (await client.get(`/api/orders/${orderId}`)).data
    if (done(last)) return last
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`order ${orderId} did not get there in ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`)
}
