/** Stores and products as the API sends them (dates arrive as ISO strings). */
export interface Store {
  id: string
  name: string
  location: string
  participating: boolean
  confirmDelayMs: number | null
  createdAt: string
  updatedAt: string
}

export interface Product {
  id: string
  storeId: string
  name: string
  description: string
  stock: number
  price: number
  createdAt: string
  updatedAt: string
}

export interface StoreDraft { name: string, location: string }
export interface ProductDraft { name: string, description: string, stock: number | null, price: number | null }

/** The limits the server enforces (server/modules/catalog/schemas.ts), checked early for inline messages. */
export const NAME_MAX = 120
export const DESCRIPTION_MAX = 2000
export const STOCK_MAX = 1_000_000_000
export const PRICE_MAX = 1_000_000

/** The admin's catalog commands. Each returns what the server returned, or throws its error. */
export function useCatalogCommands() {
  return {
    createStore: (draft: StoreDraft) => $fetch<Store>('/api/stores', { method: 'POST', body: draft }),
    rebrandStore: (id: string, draft: StoreDraft) => $fetch<Store>(`/api/stores/${id}`, { method: 'PATCH', body: draft }),
    removeStore: (id: string) => $fetch(`/api/stores/${id}`, { method: 'DELETE' }),
    setParticipating: (id: string, participating: boolean) =>
      $fetch<Store>(`/api/stores/${id}/participating`, { method: participating ? 'PUT' : 'DELETE' }),
    addProduct: (storeId: string, draft: ProductDraft) =>
      $fetch<Product>(`/api/stores/${storeId}/products`, { method: 'POST', body: draft }),
    updateProduct: (id: string, draft: ProductDraft) => $fetch<Product>(`/api/products/${id}`, { method: 'PATCH', body: draft }),
    removeProduct: (id: string) => $fetch(`/api/products/${id}`, { method: 'DELETE' }),
    removeProducts: (ids: string[]) => $fetch<{ deleted: string[] }>('/api/products/delete', { method: 'POST', body: { ids } }),
  }
}

const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** Prices always as €1,234.50, the same on the server and in the browser (so hydration matches). */
export const formatEuros = (amount: number) => euros.format(amount)

/** A file name from a store name: keeps letters and digits, joins the rest with dashes. */
export function fileSlug(name: string): string {
  return name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'store'
}

export function validateStore(draft: StoreDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  const label = (value: string, what: string) => {
    if (!value.trim()) return `${what} is required`
    if ([...value.trim()].length > NAME_MAX) return `${what} must be at most ${NAME_MAX} characters`
  }
  const name = label(draft.name, 'Name')
  const location = label(draft.location, 'Location')
  if (name) errors.name = name
  if (location) errors.location = location
  return errors
}

export function validateProduct(draft: ProductDraft): Record<string, string> {
  const errors: Record<string, string> = {}
  if (!draft.name.trim()) errors.name = 'Name is required'
  else if ([...draft.name.trim()].length > NAME_MAX) errors.name = `Name must be at most ${NAME_MAX} characters`
  if ([...draft.description.trim()].length > DESCRIPTION_MAX) errors.description = `Description must be at most ${DESCRIPTION_MAX} characters`
  if (draft.stock === null) errors.stock = 'Stock is required'
  else if (!Number.isInteger(draft.stock) || draft.stock < 0 || draft.stock > STOCK_MAX) errors.stock = `Stock must be a whole number from 0 to ${STOCK_MAX}`
  if (draft.price === null) errors.price = 'Price is required'
  else if (draft.price < 0 || draft.price > PRICE_MAX) errors.price = `Price must be from €0 to €${PRICE_MAX.toLocaleString('en-IE')}`
  return errors
}
