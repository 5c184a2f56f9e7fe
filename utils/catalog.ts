/** A product as the shopping catalog sends it: with its store's name and location. */
export interface CatalogItem {
  id: string
  storeId: string
  name: string
  description: string
  stock: number
  price: number
  storeName: string
  storeLocation: string
  storeParticipating: boolean
}

export type CatalogSort = 'name' | 'price-asc' | 'price-desc'

export const CATALOG_SORTS: { value: CatalogSort, label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'price-asc', label: 'Price: low to high' },
  { value: 'price-desc', label: 'Price: high to low' },
]

/** Search, store filter and sort over the catalog, all in the browser (the catalog is one response). */
export function filterCatalog(items: CatalogItem[], options: { q: string, storeId: string, sort: CatalogSort }): CatalogItem[] {
  const q = options.q.trim().toLocaleLowerCase()
  const matches = items.filter(item => (!options.storeId || item.storeId === options.storeId)
    && (!q || `${item.name} ${item.description} ${item.storeName}`.toLocaleLowerCase().includes(q)))
  const byName = (a: CatalogItem, b: CatalogItem) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)
  if (options.sort === 'price-asc') return matches.sort((a, b) => a.price - b.price || byName(a, b))
  if (options.sort === 'price-desc') return matches.sort((a, b) => b.price - a.price || byName(a, b))
  return matches.sort(byName)
}

/** The limits POST /api/customers enforces, checked early so the message sits next to the field. */
export function validateRegistration(draft: { name: string, phone: string }): Record<string, string> {
  const errors: Record<string, string> = {}
  const name = draft.name.trim()
  if (!name) errors.name = 'Name is required'
  else if ([...name].length > 80) errors.name = 'Name must be at most 80 characters'
  const phoneError = validatePhone(draft.phone)
  if (phoneError) errors.phone = phoneError
  return errors
}

export function validatePhone(phone: string): string | undefined {
  const value = phone.trim()
  if (!value) return 'Phone is required'
  if (!/^\+?[\d\s-]+$/.test(value)) return 'Use digits, with an optional leading +, spaces or dashes'
  const digits = value.replace(/\D/g, '').length
  if (digits < 6 || digits > 20) return 'A phone number has 6 to 20 digits'
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string) => UUID.test(value.trim())
