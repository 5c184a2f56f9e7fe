import { anonymous } from './admin'
import type { Client } from './http'

/** A phone number nobody else in the run has, written with spaces as people type it. */
export function randomPhone(): string {
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0')
  return `+351 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

export interface RegisteredCustomer {
  client: Client
  id: string
  name: string
  /** As it was typed at registration; the server keeps it normalized. */
  phone: string
}

/** Registers a customer through the API; the returned client holds their session cookie. */
export async function registeredCustomer(name = `Customer ${Math.random().toString(36).slice(2, 8)}`, phone = randomPhone()): Promise<RegisteredCustomer> {
  const client = anonymous()
  const response = await client.post('/api/customers', { name, phone })
  if (response.status !== 201) throw new Error(`customer registration failed: ${response.text}`)
  return { client, id: response.data.id, name, phone }
}

/** Authorizes a payment as the customer and returns its id. */
export async function authorizedPayment(customer: RegisteredCustomer, amount: number): Promise<string> {
  const response = await customer.client.post('/api/payments', { customerId: customer.id, amount })
  if (response.status !== 201) throw new Error(`payment authorization failed: ${response.text}`)
  return response.data.id
}

/** An error response as a client sees it, less the echoed request URL, to compare two refusals. */
export function refusal(response: { status: number, data: any }) {
  const { url: _url, ...body } = response.data
  return { status: response.status, ...body }
}
