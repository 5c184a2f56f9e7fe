import { inject } from 'vitest'
import { Client } from './http'
import { TEST_ADMIN_PASSWORD } from './server'

export function anonymous(): Client {
  return new Client(inject('baseUrl'))
}

export async function signedInAdmin(): Promise<Client> {
  const client = anonymous()
  const { status } = await client.post('/api/auth/admin', { password: TEST_ADMIN_PASSWORD })
  if (status !== 200) throw new Error(`admin sign-in failed with ${status}`)
  return client
}

/** Creates a store (and optionally products) through the API and returns their ids. */
export async function seedStore(admin: Client, name = `Store ${Math.random().toString(36).slice(2, 8)}`, products: { name: string, stock: number, price: number }[] = []) {
  const store = await admin.post('/api/stores', { name, location: 'Lisbon' })
  if (store.status !== 201) throw new Error(`store creation failed: ${store.text}`)
  const productIds: string[] = []
  for (const product of products) {
    const created = await admin.post(`/api/stores/${store.data.id}/products`, { description: '', ...product })
    if (created.status !== 201) throw new Error(`product creation failed: ${created.text}`)
    productIds.push(created.data.id)
  }
  return { storeId: store.data.id as string, productIds }
}
