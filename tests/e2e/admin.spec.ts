import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { adminApi, downloadedText, gotoHydrated, openDialog, screenshotBothModes, signInAsAdmin, watchConsole } from './support'

test('the admin runs stores and products, and is refused after signing out', async ({ page }) => {
  const problems = watchConsole(page)
  const storeName = `Toy Town ${Date.now() % 100_000}`
  await signInAsAdmin(page)

  // Create a store.
  await openDialog(page, page.getByTestId('new-store'))
  await page.getByTestId('save-store').click()
  await expect(page.getByTestId('store-name-error')).toBeVisible()
  await page.getByTestId('store-name').fill(storeName)
  await page.getByTestId('store-location').fill('Lisbon, Baixa')
  await page.getByTestId('save-store').click()
  const row = page.getByTestId('stores-table').getByRole('row').filter({ hasText: storeName })
  await expect(row).toBeVisible()

  // Toggle participation, and see the server agree.
  await row.locator('[data-testid^="participating-"]').click()
  await expect(row.locator('[data-testid^="participating-"] input[role=switch]')).toHaveAttribute('aria-checked', 'true')
  await expect.poll(async () => {
    const stores = await (await page.request.get('/api/stores?participating=true')).json()
    return stores.some((store: { name: string }) => store.name === storeName)
  }).toBe(true)

  // Export the stores as CSV.
  const storesDownload = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const storesCsv = await readFile(await (await storesDownload).path(), 'utf8')
  expect(storesCsv.split('\n')[0]).toContain('"Name"')
  expect(storesCsv).toContain(`"${storeName}"`)
  await screenshotBothModes(page, 'admin-stores')

  // Open its products page and add three products.
  await row.locator('[data-testid^="store-products-"]').click()
  await expect(page.getByTestId('store-heading')).toHaveText(storeName)
  const products = [
    { name: 'Wooden train', description: 'Beech, six wagons', stock: '12', price: '34.9' },
    { name: 'Kite', description: 'Diamond, 1 m', stock: '0', price: '15' },
    { name: 'Marbles', description: 'A bag of 50', stock: '40', price: '4.5' },
  ]
  for (const product of products) {
    await openDialog(page, page.getByTestId('new-product'))
    await page.getByTestId('product-name').fill(product.name)
    await page.getByTestId('product-description').fill(product.description)
    await page.getByTestId('product-stock').fill(product.stock)
    await page.getByTestId('product-price').fill(product.price)
    await page.getByTestId('save-product').click()
    await expect(page.getByTestId('product-dialog')).toBeHidden()
    await expect(page.getByTestId('products-table').getByRole('row').filter({ hasText: product.name })).toBeVisible()
  }
  const kite = page.getByTestId('products-table').getByRole('row').filter({ hasText: 'Kite' })
  await expect(kite.locator('[data-testid^="out-of-stock-"]')).toBeVisible()

  // Edit one: the kite is back in stock at a new price.
  await openDialog(page, kite.locator('[data-testid^="edit-"]'))
  await page.getByTestId('product-stock').fill('7')
  await page.getByTestId('product-price').fill('16.5')
  await page.getByTestId('save-product').click()
  await expect(kite).toContainText('€16.50')
  await expect(kite.locator('[data-testid^="out-of-stock-"]')).toHaveCount(0)

  // A reload keeps the store's name and location, fetched from the server by id.
  await page.reload()
  await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
  await expect(page.getByTestId('store-heading')).toHaveText(storeName)
  await expect(page.getByTestId('store-location-text')).toHaveText('Lisbon, Baixa')

  // Export the products as CSV and check its rows.
  const productsDownload = page.waitForEvent('download')
  await page.getByTestId('export-csv').click()
  const download = await productsDownload
  expect(download.suggestedFilename()).toMatch(/-products\.csv$/)
  const rows = (await readFile(await download.path(), 'utf8')).trim().split('\n')
  expect(rows).toHaveLength(4)
  expect(rows.slice(1).join('\n')).toContain('"Kite"')
  expect(rows.slice(1).join('\n')).toContain('"Marbles"')
  expect(rows.slice(1).join('\n')).toContain('"Wooden train"')
  await screenshotBothModes(page, 'admin-products')

  // Sign out from the account menu, and be refused.
  await page.getByTestId('account-menu').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('sign-in-link')).toBeVisible()
  const refused = await page.request.post('/api/stores', { data: { name: 'After sign-out', location: 'Nowhere' } })
  expect(refused.status()).toBe(401)
  await gotoHydrated(page, '/admin/stores')
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)

  expect(problems).toEqual([])
})

test('a store named like a script is shown as text, never run', async ({ page }) => {
  const name = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned=true">'
  await signInAsAdmin(page)
  const created = await page.request.post('/api/stores', { data: { name: name.slice(0, 120), location: '<b>bold</b>' } })
  expect(created.status()).toBe(201)
  const html = await (await page.request.get('/admin/stores')).text()
  expect(html).not.toContain('<script>window.__pwned')
  expect(html).not.toContain('<img src=x onerror')
  await gotoHydrated(page, '/admin/stores')
  await expect(page.getByTestId('stores-table')).toContainText('<script>window.__pwned = true</script>')
  expect(await page.evaluate(() => (window as { __pwned?: boolean }).__pwned)).toBeUndefined()
})

test('the stores table exports a store named like a formula as text', async ({ page }) => {
  const name = `=HYPERLINK("http://evil.example","${Math.random().toString(36).slice(2, 8)}")`
  await signInAsAdmin(page)
  expect((await page.request.post('/api/stores', { data: { name, location: '@Lisbon' } })).status()).toBe(201)
  await gotoHydrated(page, '/admin/stores')
  const { lines } = await downloadedText(page)
  const row = lines.find(line => line.includes('evil.example'))
  expect(row).toContain(`"'=HYPERLINK(""http://evil.example""`)
  expect(row).toContain(`"'@Lisbon"`)
})

test('the home page explains the pipeline, and the layout holds at 390 px', async ({ page }) => {
  const problems = watchConsole(page)
  await page.setViewportSize({ width: 390, height: 844 })
  await gotoHydrated(page, '/')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await screenshotBothModes(page, 'home-390')
  expect(problems).toEqual([])
})

test('the admin finds an order\'s events by its short id, and reads its total on a 390 px phone', async ({ page, playwright, baseURL }) => {
  const problems = watchConsole(page)
  const suffix = Date.now() % 100_000
  const { seedStore } = await adminApi(playwright.request, baseURL!)
  const { productIds: [productId] } = await seedStore(`Mercearia ${suffix}`, [{ name: `Figs ${suffix}`, stock: 10, price: 4.25 }])
  const shopper = await playwright.request.newContext({ baseURL })
  const phone = `+351 9${String(suffix).padStart(8, '0')}`
  const customer = await (await shopper.post('/api/customers', { data: { name: 'Ada Shopper', phone, password: 'shopper-password' } })).json()
  const payment = await (await shopper.post('/api/payments', { data: { customerId: customer.id, amount: 100 } })).json()
  const placed = await shopper.post('/api/orders', { data: { customerId: customer.id, paymentId: payment.id, items: [{ productId, quantity: 2 }] } })
  expect(placed.status()).toBe(201)
  const orderId = (await placed.json()).id as string
  const short = orderId.slice(0, 8)

  // Event Sourcing: the 8 characters every page shows are enough; what cannot start an id says why.
  await signInAsAdmin(page, '/admin/events')
  await page.getByTestId('events-search').fill('not-an-id')
  await expect(page.getByTestId('events-search-problem')).toBeVisible()
  await page.getByTestId('events-search').fill(short)
  await expect(page.getByTestId('events-search-problem')).toBeHidden()
  const rows = page.getByTestId('events-table').locator('[data-testid^="event-row-"]')
  await expect(rows.filter({ hasText: 'OrderPlaced' })).toHaveCount(1)
  await expect(rows.filter({ hasNotText: short })).toHaveCount(0)

  // Order Admin on a phone: the row shows its status and total without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 })
  await gotoHydrated(page, '/admin/orders')
  await page.getByTestId('orders-search').fill(short)
  const row = page.getByTestId(`order-row-${orderId}`)
  await expect(row).toContainText('€8.50')
  const total = await row.getByText('€8.50').boundingBox()
  expect(total!.x + total!.width).toBeLessThanOrEqual(390)
  const overflow = await page.getByTestId('orders-table').locator('table').evaluate(table => table.scrollWidth - table.parentElement!.clientWidth)
  expect(overflow).toBeLessThanOrEqual(0)
  await row.locator('.p-datatable-row-toggle-button').click()
  await expect(page.getByTestId(`order-expansion-${orderId}`)).toContainText(`Figs ${suffix}`)
  await expect(page.getByTestId(`cancel-small-${orderId}`)).toBeVisible()
  await screenshotBothModes(page, 'orders-390')
  await shopper.dispose()
  expect(problems).toEqual([])
})
