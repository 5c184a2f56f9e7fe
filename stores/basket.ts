import { defineStore } from 'pinia'
import { BASKET_MAX_QUANTITY } from '#shared/limits'
import type { ProductImageView } from '#shared/types/catalog'
import { parseLines, type BasketLine } from '../utils/basket-lines'

/** What a basket line no longer agrees on with the catalog. */
export type LineProblem =
  | { kind: 'gone' }
  | { kind: 'price', price: number }
  | { kind: 'stock', stock: number }

const STORAGE_KEY = 'plaza-basket'

/** A basket line's quantity: a whole number from 1 to BASKET_MAX_QUANTITY. */
export const clampQuantity = (quantity: number) => Math.min(BASKET_MAX_QUANTITY, Math.max(1, Math.round(quantity) || 1))

/**
 * The basket: UI state only. Prices here are what the customer saw; the server prices the order from
 * the catalog. Kept in localStorage, and other tabs follow through the `storage` event. The server
 * renders an empty basket; `attach()` (called once in the browser) loads the saved one after hydration.
 */
export const useBasketStore = defineStore('basket', () => {
  const lines = ref<BasketLine[]>([])
  const attached = ref(false)

  const count = computed(() => lines.value.reduce((sum, line) => sum + line.quantity, 0))
  // Summed in cents so that 3 × €0.10 is €0.30, not €0.30000000000000004.
  const total = computed(() => lines.value.reduce((sum, line) => sum + Math.round(line.price * 100) * line.quantity, 0) / 100)

  function save() {
    if (attached.value) localStorage.setItem(STORAGE_KEY, JSON.stringify(lines.value))
  }

  function attach() {
    if (attached.value || typeof window === 'undefined') return
    lines.value = parseLines(localStorage.getItem(STORAGE_KEY))
    attached.value = true
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) lines.value = parseLines(event.newValue)
    })
  }

  function add(product: { id: string, name: string, price: number, storeName: string, images?: ProductImageView[] }, quantity: number) {
    const existing = lines.value.find(line => line.productId === product.id)
    lines.value = existing
      ? lines.value.map(line => (line === existing ? { ...line, quantity: clampQuantity(line.quantity + quantity) } : line))
      : [...lines.value, { productId: product.id, name: product.name, price: product.price, storeName: product.storeName, image: product.images?.[0] ?? null, quantity: clampQuantity(quantity) }]
    save()
  }

  function setQuantity(productId: string, quantity: number) {
    lines.value = lines.value.map(line => (line.productId === productId ? { ...line, quantity: clampQuantity(quantity) } : line))
    save()
  }

  function remove(productId: string) {
    lines.value = lines.value.filter(line => line.productId !== productId)
    save()
  }

  function clear() {
    lines.value = []
    save()
  }

  /** Each line checked against the catalog: gone (or no longer on sale), repriced, or more than in stock. */
  function problems(catalog: { id: string, price: number, stock: number }[]): Record<string, LineProblem> {
    const byId = new Map(catalog.map(product => [product.id, product]))
    const found: Record<string, LineProblem> = {}
    for (const line of lines.value) {
      const product = byId.get(line.productId)
      if (!product) found[line.productId] = { kind: 'gone' }
      else if (product.price !== line.price) found[line.productId] = { kind: 'price', price: product.price }
      else if (product.stock < line.quantity) found[line.productId] = { kind: 'stock', stock: product.stock }
    }
    return found
  }

  /** Drops the lines that are gone and takes the catalog's current prices (and picture). Stock is left alone: the store decides. */
  function reconcile(catalog: { id: string, name: string, price: number, storeName: string, images?: ProductImageView[] }[]) {
    const byId = new Map(catalog.map(product => [product.id, product]))
    lines.value = lines.value
      .filter(line => byId.has(line.productId))
      .map((line) => {
        const product = byId.get(line.productId)!
        return { ...line, name: product.name, price: product.price, storeName: product.storeName, image: product.images?.[0] ?? line.image }
      })
    save()
  }

  return { lines, attached, count, total, attach, add, setQuantity, remove, clear, problems, reconcile }
})
