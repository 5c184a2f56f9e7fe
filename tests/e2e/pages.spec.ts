import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { join } from 'node:path'
import sharp from 'sharp'
import { addToBasket, adminApi, gotoHydrated, SCREENSHOTS, signInAsAdmin, watchConsole } from './support'

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } }

/** Serious and critical accessibility violations, by rule, with where they are. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze()
  return results.violations
    .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
    .map(violation => `${violation.id}: ${violation.nodes.slice(0, 3).map(node => `${node.target.join(' ')} ${node.html.slice(0, 100)}`).join(' | ')}`)
}

async function setDark(page: Page, dark: boolean) {
  const isDark = ((await page.locator('html').getAttribute('class')) ?? '').includes('dark')
  if (isDark !== dark) await page.getByTestId('theme-toggle').click()
  await expect(page.locator('html')).toHaveClass(dark ? /dark/ : /^(?!.*dark)/)
}

/** Every page, desktop and phone, light and dark: a screenshot each, no horizontal overflow, no serious axe finding. */
async function visit(page: Page, name: string, path: string, ready: (page: Page) => Promise<void>) {
  const problems = watchConsole(page)
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await gotoHydrated(page, path)
    await ready(page)
    for (const dark of [false, true]) {
      await setDark(page, dark)
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}-${dark ? 'dark' : 'light'}.png`), fullPage: true, animations: 'disabled' })
      expect(await seriousViolations(page), `${name} ${size} ${dark ? 'dark' : 'light'}`).toEqual([])
    }
    await setDark(page, false)
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow, `${name} ${size} scrolls sideways`).toBeLessThanOrEqual(0)
  }
  expect(problems, name).toEqual([])
}

/**
 * The mini-cart open over /shopping, and the toast that adding a product shows, held open by the
 * pointer: desktop and phone, light and dark. The drawer's mask covers the theme button, so each
 * mode is set before the product is added and the drawer opened.
 */
async function visitMiniCart(page: Page, productId: string, productName: string) {
  const problems = watchConsole(page)
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport)
    await gotoHydrated(page, '/shopping')
    for (const dark of [false, true]) {
      await setDark(page, dark)
      await addToBasket(page, productId, productName, 1)
      const toast = page.locator('.p-toast-message').last()
      await toast.hover()
      expect(await seriousViolations(page), `toast ${size} ${dark ? 'dark' : 'light'}`).toEqual([])
      await page.screenshot({ path: join(SCREENSHOTS, `toast-${size}-${dark ? 'dark' : 'light'}.png`), animations: 'disabled' })
      await page.getByTestId('basket-link').click()
      await expect(page.getByRole('dialog', { name: 'Your basket' })).toBeVisible()
      await expect(page.locator('.p-drawer-enter-active')).toHaveCount(0)
      await page.screenshot({ path: join(SCREENSHOTS, `mini-cart-${size}-${dark ? 'dark' : 'light'}.png`), animations: 'disabled' })
      expect(await seriousViolations(page), `mini-cart ${size} ${dark ? 'dark' : 'light'}`).toEqual([])
      await page.keyboard.press('Escape')
      await expect(page.getByRole('dialog', { name: 'Your basket' })).toBeHidden()
    }
    await setDark(page, false)
  }
  expect(problems, 'mini-cart').toEqual([])
}

test('every page renders in light and dark, on desktop and phone, accessibly and without console errors', async ({ page, playwright, baseURL }) => {
  test.setTimeout(900_000)
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { storeId, productIds: [productId] } = await admin.seedStore(`Gallery ${suffix}`, [
    { name: `Print ${suffix}`, stock: 10, price: 19.9 },
    { name: `Frame ${suffix}`, stock: 0, price: 12 },
  ])

  // A customer with an order, through the API in a context of their own.
  const shopper = await playwright.request.newContext({ baseURL })
  const customer = await (await shopper.post('/api/customers', { data: { name: 'Grace Hopper', phone: '+1 555 0100', password: 'grace-password' } })).json()
  const payment = await (await shopper.post('/api/payments', { data: { customerId: customer.id, amount: 19.9 } })).json()
  const order = await (await shopper.post('/api/orders', { data: { customerId: customer.id, paymentId: payment.id, items: [{ productId, quantity: 1 }] } })).json()

  await visit(page, 'home', '/', async p => expect(p.getByRole('heading', { level: 1 })).toBeVisible())
  const picture = await sharp({ create: { width: 1000, height: 750, channels: 3, background: '#b45309' } }).jpeg().toBuffer()
  expect((await admin.api.post(`/api/products/${productId}/images`, { data: picture, headers: { 'content-type': 'image/jpeg' } })).status()).toBe(201)
  await visit(page, 'shopping', '/shopping', async p => expect(p.locator('[data-testid^="product-card-"]').first()).toBeVisible())
  await visit(page, 'product', `/products/${productId}`, async p => expect(p.getByTestId('product-main-image').locator('img')).toBeVisible())
  const category = await (await admin.api.post('/api/categories', { data: { name: `Wall art ${suffix}` } })).json()
  await admin.api.patch(`/api/products/${productId}`, { data: { categoryId: category.id } })
  await visit(page, 'shopping-filtered', `/shopping?category=${category.id}&store=${storeId}&sort=price-desc`, async p => expect(p.getByTestId(`product-card-${productId}`)).toBeVisible())
  await visit(page, 'shopping-search', `/shopping?q=${encodeURIComponent(`prnt ${suffix}`)}`, async p => expect(p.getByTestId(`product-card-${productId}`)).toBeVisible())
  await visit(page, 'shopping-no-match', '/shopping?q=zzqx+wobble', async p => expect(p.getByTestId('shopping-no-match')).toBeVisible())
  await visit(page, 'store', `/stores/${storeId}`, async p => expect(p.getByTestId('store-location')).toBeVisible())
  await visitMiniCart(page, productId!, `Print ${suffix}`)
  await visit(page, 'checkout', '/checkout', async p => expect(p.getByTestId('step-account')).toBeVisible())
  await visit(page, 'admin-login', '/admin/login', async p => expect(p.getByTestId('admin-password')).toBeVisible())
  await visit(page, 'account-sign-in', '/account/sign-in', async p => expect(p.getByTestId('signin-phone')).toBeVisible())
  await visit(page, 'account-register', '/account/register', async p => expect(p.getByTestId('register-password')).toBeVisible())
  await visit(page, 'account-reset', '/account/reset', async p => expect(p.getByTestId('reset-phone')).toBeVisible())

  // The account page, as the customer (the shopper's session cookie, copied into the page).
  await page.context().addCookies((await shopper.storageState()).cookies)
  await visit(page, 'account', '/account', async p => expect(p.getByTestId('account-name')).toHaveText('Grace Hopper'))
  await visit(page, 'order', `/orders/${order.id}`, async p => expect(p.getByTestId('order-status')).toHaveAttribute('data-code', 'accepted'))
  await visit(page, 'my-orders', '/account/orders', async p => expect(p.getByTestId(`my-order-${order.id}`)).toBeVisible())
  await page.context().clearCookies()

  await signInAsAdmin(page)
  await visit(page, 'admin-account', '/admin/account', async p => expect(p.getByTestId('password-form')).toBeVisible())
  await visit(page, 'admin-stores', '/admin/stores', async p => expect(p.getByTestId('stores-table')).toBeVisible())
  await visit(page, 'admin-categories', '/admin/categories', async p => expect(p.getByTestId(`edit-${category.id}`)).toBeVisible())
  await visit(page, 'admin-products', `/admin/stores/${storeId}/products`, async p => expect(p.getByTestId('store-heading')).toBeVisible())
  await visit(page, 'admin-orders', '/admin/orders', async p => expect(p.getByTestId(`order-row-${order.id}`)).toBeVisible())
  await visit(page, 'admin-order', `/admin/orders/${order.id}`, async p => expect(p.getByTestId('timeline')).toBeVisible())
  await visit(page, 'admin-events', '/admin/events', async p => expect(p.getByTestId('events-table')).toBeVisible())
  await visit(page, 'admin-customers', '/admin/customers', async p => expect(p.getByTestId(`customer-row-${customer.id}`)).toBeVisible())
  await visit(page, 'admin-pipeline', '/admin/pipeline', async p => expect(p.getByTestId('pipeline-consumer-payments')).toBeVisible())
  await shopper.dispose()
})

test('on a phone the menu opens in a drawer, and following a link in it lands on the page with the drawer closed', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.phone)
  await gotoHydrated(page, '/shopping')
  await page.evaluate(() => Object.assign(window, { plazaSameDocument: true }))
  await page.getByTestId('menu-toggle').click()
  const drawer = page.locator('.p-drawer')
  await expect(drawer).toBeVisible()
  await drawer.getByRole('link', { name: 'Checkout' }).click()
  await expect(page).toHaveURL(/\/checkout$/)
  await expect(drawer).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Checkout')
  expect(await page.evaluate(() => 'plazaSameDocument' in window)).toBe(true)
})

test('pointing at a menu link loads that page\'s code before the click', async ({ page }) => {
  await page.setViewportSize(VIEWPORTS.desktop)
  await gotoHydrated(page, '/shopping')
  // Nothing is loading any more: the code that comes after the hover is the checkout page's.
  await page.waitForLoadState('networkidle')
  const checkoutCode = page.waitForRequest(request => /\/_nuxt\/.+\.js$/.test(request.url()), { timeout: 5_000 })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Checkout' }).hover()
  await checkoutCode
})
