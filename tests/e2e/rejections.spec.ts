import { expect, test } from '@playwright/test'
import { addToBasket, adminApi, checkout, gotoHydrated, openDialog, orderStatus, signInAsAdmin } from './support'

test.describe('rejections from the UI', () => {
  test('more than is in stock: OUT_OF_STOCK naming the short line, in plain words', async ({ page, playwright, baseURL }) => {
    const admin = await adminApi(playwright.request, baseURL!)
    const suffix = Date.now() % 100_000
    const { storeId, productIds: [mug] } = await admin.seedStore(`Mugs ${suffix}`, [{ name: `Mug ${suffix}`, stock: 1, price: 6 }])
    await gotoHydrated(page, '/shopping')
    await addToBasket(page, mug!, `Mug ${suffix}`, 3)
    await page.getByTestId('go-to-checkout').click()
    await checkout(page, { name: 'Short Stock', phone: '+351 910 000 001' })
    await expect(orderStatus(page)).toHaveAttribute('data-code', 'rejected', { timeout: 20_000 })
    await expect(orderStatus(page)).toHaveText('Not accepted')
    await expect(page.getByTestId(`store-status-${storeId}`)).toHaveText('Out of stock')
    await expect(page.getByTestId('order-rejection')).toContainText(`Mug ${suffix}: you asked for 3, only 1 left`)
    await expect(page.getByTestId('cancel-order')).toHaveCount(0)
  })

  test('an authorization below the total: NOT_ENOUGH_MONEY with both amounts', async ({ page, playwright, baseURL }) => {
    const admin = await adminApi(playwright.request, baseURL!)
    const suffix = Date.now() % 100_000
    const { productIds: [lamp] } = await admin.seedStore(`Lamps ${suffix}`, [{ name: `Lamp ${suffix}`, stock: 5, price: 25 }])
    await gotoHydrated(page, '/shopping')
    await addToBasket(page, lamp!, `Lamp ${suffix}`, 1)
    await page.getByTestId('go-to-checkout').click()
    await checkout(page, { name: 'Short Money', phone: '+351 910 000 002' }, '10')
    await expect(orderStatus(page)).toHaveAttribute('data-code', 'rejected', { timeout: 20_000 })
    await expect(page.getByTestId('payment-status')).toHaveText('Declined')
    await expect(page.getByTestId('order-rejection')).toContainText('you authorized €10.00 but the order comes to €25.00')
    await expect(page.getByTestId('cancel-order')).toHaveCount(0)
    await expect.poll(() => admin.stockOf(lamp!)).toBe(5)
  })

  test('the race: the admin empties the shelf after submission, before the store confirms', async ({ browser, page, playwright, baseURL }) => {
    const api = await adminApi(playwright.request, baseURL!)
    const suffix = Date.now() % 100_000
    const { storeId, productIds: [clock] } = await api.seedStore(`Clocks ${suffix}`, [{ name: `Clock ${suffix}`, stock: 4, price: 40 }], 15_000)

    // The admin, in a browser of their own, has the store's products page open.
    const adminContext = await browser.newContext()
    const admin = await adminContext.newPage()
    await signInAsAdmin(admin, `/admin/stores/${storeId}/products`)
    const row = admin.getByTestId('products-table').getByRole('row').filter({ hasText: `Clock ${suffix}` })

    await gotoHydrated(page, '/shopping')
    await addToBasket(page, clock!, `Clock ${suffix}`, 1)
    await page.getByTestId('go-to-checkout').click()
    await checkout(page, { name: 'Race Loser', phone: '+351 910 000 003' })
    await expect(orderStatus(page)).toHaveAttribute('data-code', 'pending')

    // Right after the submission, the admin counts the shelf again: zero.
    await openDialog(admin, row.locator(`[data-testid="edit-${clock}"]`))
    await admin.getByTestId('product-stock').fill('0')
    await admin.getByTestId('save-product').click()
    await expect(row.locator(`[data-testid="out-of-stock-${clock}"]`)).toBeVisible()
    await adminContext.close()

    await expect(orderStatus(page)).toHaveAttribute('data-code', 'rejected', { timeout: 30_000 })
    await expect(page.getByTestId('order-rejection')).toContainText(`Clock ${suffix}: you asked for 1, none left`)
  })

  test('cancel from the customer page gives the stock back, as the admin sees it', async ({ browser, page, playwright, baseURL }) => {
    const api = await adminApi(playwright.request, baseURL!)
    const suffix = Date.now() % 100_000
    const { storeId, productIds: [vase] } = await api.seedStore(`Vases ${suffix}`, [{ name: `Vase ${suffix}`, stock: 6, price: 12 }])
    await gotoHydrated(page, '/shopping')
    await addToBasket(page, vase!, `Vase ${suffix}`, 2)
    await page.getByTestId('go-to-checkout').click()
    await checkout(page, { name: 'Second Thoughts', phone: '+351 910 000 004' })
    await expect(orderStatus(page)).toHaveAttribute('data-code', 'accepted', { timeout: 20_000 })
    expect(await api.stockOf(vase!)).toBe(4)

    await page.getByTestId('cancel-order').click()
    await page.getByTestId('confirm-cancel').click()
    await expect(orderStatus(page)).toHaveAttribute('data-code', 'cancelled')
    await expect(orderStatus(page)).toHaveText('Cancelled')
    await expect(page.getByTestId('cancel-order')).toHaveCount(0)

    const adminContext = await browser.newContext()
    const admin = await adminContext.newPage()
    await signInAsAdmin(admin, `/admin/stores/${storeId}/products`)
    const row = admin.getByTestId('products-table').getByRole('row').filter({ hasText: `Vase ${suffix}` })
    await expect(async () => {
      await admin.reload()
      await expect(row).toContainText('6', { timeout: 1000 })
    }).toPass({ timeout: 10_000 })
    await adminContext.close()
  })
})

test('the basket survives a reload, and a second tab sees the same basket', async ({ page, context, playwright, baseURL }) => {
  const api = await adminApi(playwright.request, baseURL!)
  const suffix = Date.now() % 100_000
  const { productIds: [pen, ink] } = await api.seedStore(`Pens ${suffix}`, [{ name: `Pen ${suffix}`, stock: 9, price: 3 }, { name: `Ink ${suffix}`, stock: 9, price: 4 }])
  await gotoHydrated(page, '/shopping')
  await addToBasket(page, pen!, `Pen ${suffix}`, 2)
  await expect(page.getByTestId('basket-badge')).toHaveText('2')
  // The quantity field's + and − (mouse), and its arrow keys (keyboard).
  const quantity = page.getByTestId(`quantity-${pen}`)
  const card = page.getByTestId(`product-card-${pen}`)
  await expect(quantity).toHaveValue('1')
  await card.locator('.p-inputnumber-increment-button').click()
  await card.locator('.p-inputnumber-increment-button').click()
  await card.locator('.p-inputnumber-decrement-button').click()
  await expect(quantity).toHaveValue('2')
  await quantity.press('ArrowUp')
  await expect(quantity).toHaveValue('3')
  await quantity.fill('0')
  await quantity.blur()
  await expect(quantity).toHaveValue('1')
  await page.getByTestId(`add-to-basket-${pen}`).click()
  await expect(page.getByTestId('basket-badge')).toHaveText('3')
  await page.reload()
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
  await expect(page.getByTestId('basket-badge')).toHaveText('3')

  const second = await context.newPage()
  await gotoHydrated(second, '/checkout')
  await expect(second.getByTestId(`basket-line-${pen}`)).toBeVisible()
  await addToBasket(page, ink!, `Ink ${suffix}`, 1)
  await expect(second.getByTestId(`basket-line-${ink}`)).toBeVisible()
  await expect(second.getByTestId('basket-badge')).toHaveText('4')
  await second.getByTestId(`remove-line-${pen}`).click()
  await expect(page.getByTestId('basket-badge')).toHaveText('1')
})

test('a search typed just before going to Checkout does not cancel the way there', async ({ page }) => {
  // The search writes itself into the URL 250 ms after the last keystroke. A customer who typed and
  // clicked Checkout within that time saw nothing happen when that write landed while the checkout
  // page was still loading: the replace cancelled the navigation. Here the page's code loads slowly
  // once the shopping page is up, so the navigation is certain to be still loading then.
  let slow = false
  await page.route('**/_nuxt/*.js', async (route) => {
    if (slow) await new Promise(resolve => setTimeout(resolve, 1_000))
    await route.continue()
  })
  await gotoHydrated(page, '/shopping')
  slow = true
  await page.getByTestId('product-search').fill('lamp')
  await page.getByTestId('go-to-checkout').click()
  await expect(page).toHaveURL(/\/checkout$/)
  await expect(page.getByTestId('register-name')).toBeVisible()
})
