// The server's limits (shared/limits.ts) checked in the browser first, so each message sits next to
// its field. The server checks again; its field issues land on the same fields (useValidatedForm).
import { CATEGORY_NAME_MAX, CUSTOMER_NAME_MAX, DESCRIPTION_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, PHONE_DIGITS_MAX, PHONE_DIGITS_MIN, PRICE_MAX, STOCK_MAX } from '#shared/limits'

export interface StoreDraft { name: string, location: string }
export interface ProductDraft { name: string, description: string, stock: number | null, price: number | null, categoryId: string | null }
export interface CategoryDraft { name: string }

type Errors = Record<string, string>

const characters = (value: string) => [...value.trim()].length

/** "Name is required", "Name must be at most 120 characters", or nothing. */
function label(value: string, what: string, max: number): string | undefined {
  if (!value.trim()) return `${what} is required`
  if (characters(value) > max) return `${what} must be at most ${max} characters`
}

/** Only the fields that have a message. */
const only = (errors: Record<string, string | undefined>): Errors =>
  Object.fromEntries(Object.entries(errors).filter((entry): entry is [string, string] => !!entry[1]))

export function validateStore(draft: StoreDraft): Errors {
  return only({ name: label(draft.name, 'Name', NAME_MAX), location: label(draft.location, 'Location', NAME_MAX) })
}

export function validateProduct(draft: ProductDraft): Errors {
  return only({
    name: label(draft.name, 'Name', NAME_MAX),
    description: characters(draft.description) > DESCRIPTION_MAX ? `Description must be at most ${DESCRIPTION_MAX} characters` : undefined,
    stock: draft.stock === null
      ? 'Stock is required'
      : !Number.isInteger(draft.stock) || draft.stock < 0 || draft.stock > STOCK_MAX ? `Stock must be a whole number from 0 to ${STOCK_MAX}` : undefined,
    price: draft.price === null
      ? 'Price is required'
      : draft.price < 0 || draft.price > PRICE_MAX ? `Price must be from €0 to €${PRICE_MAX.toLocaleString('en-IE')}` : undefined,
  })
}

export function validateCategory(draft: CategoryDraft): Errors {
  return only({ name: label(draft.name, 'Name', CATEGORY_NAME_MAX) })
}

/** What POST /api/customers checks. */
export function validateRegistration(draft: { name: string, phone: string, password: string }): Errors {
  return only({ name: label(draft.name, 'Name', CUSTOMER_NAME_MAX), phone: validatePhone(draft.phone), password: validateNewPassword(draft.password) })
}

/** A password being chosen (registration, a change, a reset). */
export function validateNewPassword(password: string): string | undefined {
  if (!password) return 'Password is required'
  if (password.length < PASSWORD_MIN) return `A password has at least ${PASSWORD_MIN} characters`
  if (password.length > PASSWORD_MAX) return `A password has at most ${PASSWORD_MAX} characters`
}

export function validatePhone(phone: string): string | undefined {
  const value = phone.trim()
  if (!value) return 'Phone is required'
  if (!/^\+?[\d\s-]+$/.test(value)) return 'Use digits, with an optional leading +, spaces or dashes'
  const digits = value.replace(/\D/g, '').length
  if (digits < PHONE_DIGITS_MIN || digits > PHONE_DIGITS_MAX) return `A phone number has ${PHONE_DIGITS_MIN} to ${PHONE_DIGITS_MAX} digits`
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string) => UUID.test(value.trim())
