// The limits the server enforces and the client checks early, so a message can sit next to its field.
// Server schemas import them by relative path; app code gets them through `#shared/limits`.

/** A store's name and location, a product's name. */
export const NAME_MAX = 120
export const DESCRIPTION_MAX = 2000
/** A category's name: a word or two that fits on a filter chip. */
export const CATEGORY_NAME_MAX = 60

/**
 * Products on one page of the shopping catalog: the default, and the most a client may ask for. Each
 * product card is about 3 KB of server-rendered HTML and 1 ms of the web's CPU: 12 keep /shopping
 * under 100 KB (docs/catalog.md).
 */
export const CATALOG_PAGE_SIZE = 12
export const CATALOG_PAGE_MAX = 60
/** Products one catalog request may name by id (a basket's lines: ORDER_MAX_LINES). */
export const CATALOG_IDS_MAX = 100
export const STOCK_MAX = 1_000_000_000
/** Euros. */
export const PRICE_MAX = 1_000_000
export const CONFIRM_DELAY_MAX_MS = 600_000
export const BULK_DELETE_MAX = 1000

export const CUSTOMER_NAME_MAX = 80
export const PHONE_DIGITS_MIN = 6
export const PHONE_DIGITS_MAX = 20
/** Room for the digits plus the spaces and dashes people type between them. */
export const PHONE_INPUT_MAX = 40

/** Euros one authorization may hold. */
export const AMOUNT_MAX = 100_000

/** Units of one product in one order: the basket's ceiling too. */
export const BASKET_MAX_QUANTITY = 1000
/** Lines of one order. */
export const ORDER_MAX_LINES = 100

/** Passwords: OWASP's minimum length for a password alone; the maximum only bounds the hashing work. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 200
/** Digits of a one-time code. */
export const ONE_TIME_CODE_DIGITS = 6

/** Bytes of one uploaded product image (10 MiB, "10 MB" to a person). */
export const IMAGE_MAX_BYTES = 10 * 1024 * 1024
/** Images of one product. */
export const IMAGES_PER_PRODUCT_MAX = 12
