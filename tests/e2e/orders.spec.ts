import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { join } from 'node:path'
import { addToBasket, adminApi, checkout, gotoHydrated, orderStatus, SCREENSHOTS, screenshotBothModes, signInAsAdmin } from './support'

/** Registers a customer through the page's own request context, so the page is signed in as them. */
async function registerThrough(request: APIRequestContext, name: string) {
  const phone = `+351 93${String(Date.now()).slice(-7)}`
  const response = await request.post('/api/customers', { data: { name, phone, password: 'shopper-password' } })
  expect(response.status()).toBe(201)
  return { ...(await response.json()) as { id: string }, phone, password: 'shopper-password' }
}

/** Authorizes `amount` and places an order of the items through the API; returns the order id. */
async function placeThrough(request: APIRequestContext, customerId: string, items: { productId: string, quantity: number }[], amount: number) {
  const payment = await (await request.post('/api/payments', { data: { customerId, amount } })).json()
  const order = await request.post('/api/orders', { data: { customerId, paymentId: payment.id, items } })
  expect(order.status()).toBe(201)
  return (await order.json()).id as string
}

const phone = (page: Page) => page.setViewportSize({ width: 390, height: 844 })

test('the mini-cart: open it, change a quantity, see the stock warning, remove a line, go to checkout', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { productIds: [kite, yoyo] } = await admin.seedStore(`Toys ${suffix}`, [{ name: `Kite ${suffix}`, stock: 2, price: 15 }, { name: `Yoyo ${suffix}`, stock: 9, price: 4.5 }])
  await gotoHydrated(page, '/shopping')
  await page.getByTestId('product-search').fill(`Toys ${suffix}`)
  await expect(page.getByTestId(`product-card-${yoyo}`)).toBeVisible()
  // The search's answer is in and nothing is loading: the cards clicked are the ones that stay.
  await expect(page.getByTestId('product-count')).toHaveText('2 products match')
  await expect(page.locator('#catalog-results')).toHaveAttribute('aria-busy', 'false')
  // Three quick adds, three toasts asked for: never more than two on screen.
  for (const id of [kite, yoyo, yoyo]) await page.getByTestId(`add-to-basket-${id}`).click()
  await expect(page.getByTestId('basket-badge')).toHaveText('3')
  // One leaving still fades out (Vue's leave class); each lives 2.5 s, so on a slow machine the first
  // may be gone already: at most two, not exactly two.
  expect(await page.locator('.p-toast-message:not(.p-toast-message-leave-active)').count()).toBeLessThanOrEqual(2)

  await page.getByTestId('basket-link').click()
  const drawer = page.getByRole('dialog', { name: 'Your basket' })
  await expect(drawer).toBeVisible()
  await expect(page.getByTestId('basket-link')).toHaveAttribute('aria-expanded', 'true')
  await expect(drawer.getByTestId('mini-subtotal')).toHaveText('€24.00')
  // A product without a picture shows the placeholder, named for screen readers.
  await expect(drawer.getByTestId(`mini-line-${kite}`).getByRole('img', { name: `Kite ${suffix}: no picture yet` })).toBeVisible()

  // More kites than the two on the shelf: the line says so.
  const kites = drawer.getByTestId(`mini-quantity-${kite}`)
  await kites.fill('3')
  await kites.blur()
  await expect(drawer.getByTestId('mini-subtotal')).toHaveText('€54.00')
  await expect(page.getByTestId('basket-badge')).toHaveText('5')
  await expect(drawer.getByTestId(`mini-problem-${kite}`)).toContainText('Only 2 in stock')
  // The keyboard's arrow keys step the quantity back within the stock, and the warning goes.
  await kites.focus()
  await page.keyboard.press('ArrowDown')
  await expect(kites).toHaveValue('2')
  await expect(drawer.getByTestId(`mini-problem-${kite}`)).toHaveCount(0)
  await page.screenshot({ path: join(SCREENSHOTS, 'mini-cart-stepped.png'), animations: 'disabled' })

  await drawer.getByRole('button', { name: `Remove Yoyo ${suffix} from the basket` }).click()
  await expect(drawer.getByTestId(`mini-line-${yoyo}`)).toHaveCount(0)
  await expect(page.getByTestId('basket-badge')).toHaveText('2')
  await expect(drawer.getByTestId('mini-subtotal')).toHaveText('€30.00')

  // Escape closes it and gives focus back to the basket button.
  await page.keyboard.press('Escape')
  await expect(drawer).toBeHidden()
  await page.getByTestId('basket-link').click()
  await drawer.getByTestId('mini-checkout').click()
  await expect(page).toHaveURL(/\/checkout$/)
  await expect(drawer).toBeHidden()
  await expect(page.getByTestId(`basket-line-${kite}`)).toBeVisible()
  await expect(page.getByTestId('checkout-step-1')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('checkout-step-2')).toHaveAttribute('aria-current', 'step')
  await screenshotBothModes(page, 'checkout-steps')
  await phone(page)
  await screenshotBothModes(page, 'checkout-steps-phone')

  // The store reprices the kite: checking again flags the line, and Update the basket takes the new price.
  expect((await admin.api.patch(`/api/products/${kite}`, { data: { price: 16 } })).status()).toBe(200)
  await page.getByTestId('check-basket').click()
  await expect(page.getByTestId(`line-problem-${kite}`)).toHaveText('Price is now €16.00')
  await page.getByTestId('fix-basket').click()
  await expect(page.getByTestId(`line-problem-${kite}`)).toHaveCount(0)
  await expect(page.getByTestId('basket-total')).toHaveText('€32.00')
})

test('a basket saved before pictures existed still opens, with placeholders', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { productIds: [pot] } = await admin.seedStore(`Pots ${suffix}`, [{ name: `Pot ${suffix}`, stock: 3, price: 9 }])
  await page.addInitScript(([id, name]) => {
    localStorage.setItem('plaza-basket', JSON.stringify([{ productId: id, quantity: 1, name, price: 9, storeName: 'Pots' }, { productId: 'broken' }]))
  }, [pot!, `Pot ${suffix}`])
  await gotoHydrated(page, '/')
  await expect(page.getByTestId('basket-badge')).toHaveText('1')
  await page.getByTestId('basket-link').click()
  await expect(page.getByTestId(`mini-line-${pot}`)).toContainText(`Pot ${suffix}`)
})

test('the confirmation page follows the order live: pending, then accepted with Pay and Cancel', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { storeId, productIds: [lamp] } = await admin.seedStore(`Lights ${suffix}`, [{ name: `Lamp ${suffix}`, stock: 5, price: 30 }], 4000)
  await gotoHydrated(page, '/shopping')
  await addToBasket(page, lamp!, `Lamp ${suffix}`, 1)
  await page.getByTestId('basket-link').click()
  await page.getByTestId('mini-checkout').click()
  await checkout(page, { name: 'Live Watcher', phone: `+351 92${String(Date.now()).slice(-7)}` })

  await expect(orderStatus(page)).toHaveText('Being confirmed')
  await expect(page.getByTestId(`store-status-${storeId}`)).toHaveText('Checking stock')
  await expect(page.getByTestId('order-live')).toBeVisible()
  await expect(page.getByTestId('pay-order')).toHaveCount(0)
  await expect(page.getByTestId('cancel-order')).toBeVisible()
  await screenshotBothModes(page, 'order-pending')

  await expect(orderStatus(page)).toHaveAttribute('data-code', 'accepted', { timeout: 20_000 })
  await expect(orderStatus(page)).toHaveText('Accepted')
  await expect(page.getByTestId('payment-status')).toHaveText('Approved')
  await expect(page.getByTestId(`store-status-${storeId}`)).toHaveText('In stock')
  await expect(page.getByTestId('pay-order')).toBeVisible()
  await expect(page.getByTestId('cancel-order')).toBeVisible()
  await screenshotBothModes(page, 'order-accepted')
  await phone(page)
  await screenshotBothModes(page, 'order-accepted-phone')
})

test('a rejection reads in plain words, shows the stores never asked, and offers no Cancel', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { storeId, productIds: [rug] } = await admin.seedStore(`Rugs ${suffix}`, [{ name: `Rug ${suffix}`, stock: 5, price: 80 }], 3000)
  const customer = await registerThrough(page.request, 'Short Money')
  const orderId = await placeThrough(page.request, customer.id, [{ productId: rug!, quantity: 1 }], 20)
  await gotoHydrated(page, `/orders/${orderId}`)
  await expect(orderStatus(page)).toHaveAttribute('data-code', 'rejected', { timeout: 20_000 })
  await expect(orderStatus(page)).toHaveText('Not accepted')
  await expect(page.getByTestId('order-rejection')).toHaveText('The payment was declined: you authorized €20.00 but the order comes to €80.00.')
  await expect(page.getByTestId('payment-status')).toHaveText('Declined')
  // The store's answer came after the payment's refusal (or never): it no longer counts.
  await expect(page.getByTestId(`store-status-${storeId}`)).toHaveText('Not asked')
  await expect(page.getByTestId('cancel-order')).toHaveCount(0)
  await expect(page.getByTestId('pay-order')).toHaveCount(0)
  await expect(page.getByText(/NOT_ENOUGH_MONEY|OUT_OF_STOCK|_CONFIRMED|UTC/)).toHaveCount(0)
  await screenshotBothModes(page, 'order-rejected')
  await phone(page)
  await screenshotBothModes(page, 'order-rejected-phone')
})

test("someone else's order is not found (404), and a signed-out visitor signs in and comes back", async ({ page, browser, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { productIds: [cup] } = await admin.seedStore(`Cups ${suffix}`, [{ name: `Cup ${suffix}`, stock: 5, price: 3 }])
  const owner = await registerThrough(page.request, 'Owner')
  const orderId = await placeThrough(page.request, owner.id, [{ productId: cup!, quantity: 1 }], 3)

  const strangerContext = await browser.newContext({ baseURL })
  const stranger = await strangerContext.newPage()
  await registerThrough(stranger.request, 'Stranger')
  const response = await stranger.goto(`/orders/${orderId}`)
  expect(response?.status()).toBe(404)
  await expect(stranger.getByTestId('order-not-found')).toBeVisible()
  expect(await stranger.goto('/orders/not-an-id').then(r => r?.status())).toBe(404)
  await strangerContext.close()

  const visitorContext = await browser.newContext({ baseURL })
  const visitor = await visitorContext.newPage()
  await gotoHydrated(visitor, `/orders/${orderId}`)
  await expect(visitor).toHaveURL(/\/account\/sign-in\?redirect=/)
  await visitor.getByTestId('signin-phone').fill(owner.phone)
  await visitor.getByTestId('signin-password').fill(owner.password)
  await visitor.getByTestId('customer-signin').click()
  await visitor.waitForURL(url => url.pathname === `/orders/${orderId}`)
  await expect(visitor.getByTestId('order-progress')).toBeVisible()
  await visitorContext.close()

  // The admin is sent to the order's admin page, with its timeline.
  const adminContext = await browser.newContext({ baseURL })
  const adminPage = await adminContext.newPage()
  await signInAsAdmin(adminPage)
  await gotoHydrated(adminPage, `/orders/${orderId}`)
  await expect(adminPage).toHaveURL(new RegExp(`/admin/orders/${orderId}$`))
  await adminContext.close()
})

test('"My orders" lists the customer\'s own orders, newest first, a page at a time', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { productIds: [pen] } = await admin.seedStore(`Pens ${suffix}`, [{ name: `Pen ${suffix}`, stock: 50, price: 2 }])
  const customer = await registerThrough(page.request, 'Many Orders')
  const placed: string[] = []
  for (let n = 0; n < 12; n++) placed.push(await placeThrough(page.request, customer.id, [{ productId: pen!, quantity: 1 }], 2))

  await gotoHydrated(page, '/')
  await page.getByTestId('account-menu').click()
  await page.getByTestId('my-orders-link').click()
  await expect(page).toHaveURL(/\/account\/orders$/)
  const rows = page.getByTestId('my-orders').locator('[data-testid^="my-order-"][data-status]')
  await expect(rows).toHaveCount(10)
  await expect(rows.first()).toHaveAttribute('data-testid', `my-order-${placed.at(-1)}`)
  await expect(page.getByText(/UTC/)).toHaveCount(0)
  await screenshotBothModes(page, 'my-orders')
  await page.getByTestId('more-orders').click()
  await expect(rows).toHaveCount(12)
  await expect(rows.last()).toHaveAttribute('data-testid', `my-order-${placed[0]}`)
  await expect(page.getByTestId('more-orders')).toHaveCount(0)

  await rows.first().click()
  await expect(page).toHaveURL(new RegExp(`/orders/${placed.at(-1)}$`))
  await expect(page.getByTestId('order-progress')).toBeVisible()
})
