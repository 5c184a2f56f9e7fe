import { anonymous } from './admin'
import type { Client } from './http'

/** A phone number nobody else in the run has, written with spaces as people type it. */
export function randomPhone(): string {
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0')
  return `+351 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`
}

/** The password every test customer registers with, unless a test says otherwise. */
export const TEST_CUSTOMER_PASSWORD = 'customer-password-1'

export interface RegisteredCustomer {
  client: Client
  id: string
  name: string
  /** As it was typed at registration; the server keeps it normalized. */
  phone: string
  password: string
}

/** Registers a customer with the client, which then holds their session cookie; returns the customer id. */
export async function register(client: Client, name: string, phone: string, password = TEST_CUSTOMER_PASSWORD): Promise<string> {
  const response = await client.post('/api/customers', { name, phone, password })
  if (response.status !== 201) throw new Error(`customer registration failed: ${response.status} ${response.text}`)
  return response.data.id
}

/** Authorizes a payment as the signed-in customer and returns its id. */
export async function authorize(client: Client, customerId: string, amount: number): Promise<string> {
  const response = await client.post('/api/payments', { customerId, amount })
  if (response.status !== 201) throw new Error(`payment authorization failed: ${response.status} ${response.text}`)
  return response.data.id
}

/** Registers a customer on the shared integration server. */
export async function registeredCustomer(name = `Customer ${Math.random().toString(36).slice(2, 8)}`, phone = randomPhone(), password = TEST_CUSTOMER_PASSWORD): Promise<RegisteredCustomer> {
  const client = anonymous()
  return { client, id: await register(client, name, phone, password), name, phone, password }
}

export function authorizedPayment(customer: RegisteredCustomer, amount: number): Promise<string> {
  return authorize(customer.client, customer.id, amount)
}

/** An error response as a client sees it, less the echoed request URL, to compare two refusals. */
export function refusal(response: { status: number, data: any }) {
  const { url: _url, ...body } = response.data
  return { status: response.status, ...body }
}
