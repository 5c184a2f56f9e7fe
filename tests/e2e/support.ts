import { mkdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import { TEST_ADMIN_PASSWORD } from '../support/server'

export const SCREENSHOTS = join(import.meta.dirname, 'screenshots')
mkdirSync(SCREENSHOTS, { recursive: true })

/** Navigates and waits until Vue has hydrated the page (app.vue marks <html data-hydrated>). */
export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url)
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
}

export async function signInAsAdmin(page: Page, target = '/admin/stores') {
  await gotoHydrated(page, target)
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)
  await page.getByTestId('admin-password').fill(TEST_ADMIN_PASSWORD)
  await page.getByTestId('sign-in').click()
  await page.waitForURL(url => url.pathname === target)
}

/** Saves the page in light and dark mode (name-light.png, name-dark.png), leaving it in light mode. */
export async function screenshotBothModes(page: Page, name: string) {
  const toggle = page.getByTestId('theme-toggle')
  const isDark = async () => (await page.locator('html').getAttribute('class'))?.includes('dark') ?? false
  if (await isDark()) await toggle.click()
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-light.png`), fullPage: true, animations: 'disabled' })
  await toggle.click()
  await expect(page.locator('html')).toHaveClass(/dark/)
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-dark.png`), fullPage: true, animations: 'disabled' })
  await toggle.click()
  await expect(page.locator('html')).not.toHaveClass(/dark/)
}

/** Collects console errors and page errors, so a test can assert there were none. */
export function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('pageerror', error => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    // Expected refusals (401/404 from probing the session or an unknown id) are the browser's own network lines.
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) problems.push(message.text())
    if (message.type() === 'warning' && /hydration/i.test(message.text())) problems.push(message.text())
  })
  return problems
}

/**
 * Opens a PrimeVue dialog and waits for its opening transition to end: the dialog moves focus to its
 * first field when the transition ends, and text typed before that would land in the wrong field.
 */
export async function openDialog(page: Page, opener: Locator) {
  await opener.click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page.locator('.p-dialog-enter-active')).toHaveCount(0)
}

export interface SeededStore {
  storeId: string
  productIds: string[]
}

/** An API client signed in as the admin, in a request context of its own (not the page's cookies). */
export async function adminApi(playwright: typeof import('@playwright/test')['request'], baseURL: string) {
  const api = await playwright.newContext({ baseURL })
  const signedIn = await api.post('/api/auth/admin', { data: { password: TEST_ADMIN_PASSWORD } })
  expect(signedIn.status()).toBe(200)
  return {
    api,
    /** A participating store with products, made through the API. */
    async seedStore(name: string, products: { name: string, stock: number, price: number }[], confirmDelayMs?: number): Promise<SeededStore> {
      const store = await (await api.post('/api/stores', { data: { name, location: 'Porto, Ribeira' } })).json()
      await api.put(`/api/stores/${store.id}/participating`)
      if (confirmDelayMs !== undefined) await api.patch(`/api/stores/${store.id}`, { data: { confirmDelayMs } })
      const productIds: string[] = []
      for (const product of products) {
        const created = await api.post(`/api/stores/${store.id}/products`, { data: { description: `${product.name}, from ${name}`, ...product } })
        expect(created.status()).toBe(201)
        productIds.push((await created.json()).id)
      }
      return { storeId: store.id, productIds }
    },
    async stockOf(productId: string): Promise<number> {
      return (await (await api.get(`/api/products/${productId}`)).json()).stock
    },
  }
}

/** Adds a product to the basket from /shopping, found by its name. */
export async function addToBasket(page: Page, productId: string, productName: string, quantity: number) {
  await page.getByTestId('product-search').fill(productName)
  await expect(page.getByTestId(`product-card-${productId}`)).toBeVisible()
  await page.getByTestId(`quantity-${productId}`).fill(String(quantity))
  await page.getByTestId(`quantity-${productId}`).blur()
  await page.getByTestId(`add-to-basket-${productId}`).click()
}

/** From /checkout with a filled basket: registers, authorizes `amount` (or the total), submits, lands on the order's page; returns the order id. */
export async function checkout(page: Page, customer: { name: string, phone: string, password?: string }, amount?: string) {
  await page.getByTestId('register-name').fill(customer.name)
  await page.getByTestId('register-phone').fill(customer.phone)
  await page.getByTestId('register-password').fill(customer.password ?? 'shopper-password')
  await page.getByTestId('register').click()
  await expect(page.getByTestId('account-signed-in')).toBeVisible()
  if (amount !== undefined) {
    await page.getByTestId('payment-amount').fill(amount)
    await page.getByTestId('payment-amount').blur()
  }
  await page.getByTestId('authorize').click()
  await expect(page.getByTestId('payment-authorized')).toBeVisible()
  await page.getByTestId('submit-order').click()
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('order-progress')).toBeVisible()
  return new URL(page.url()).pathname.split('/').at(-1)!
}

/** The order page's status, as its raw code (the words shown are the shopper's). */
export const orderStatus = (page: Page) => page.getByTestId('order-status')

/** Clicks the page's Export CSV and returns the downloaded file's name and lines (byte-order mark dropped). */
export async function downloadedText(page: Page) {
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const file = await download
  const text = (await readFile(await file.path(), 'utf8')).replace(/^\uFEFF/, '')
  return { name: file.suggestedFilename(), lines: text.trim().split('\n') }
}
