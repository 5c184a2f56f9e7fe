import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { addToBasket, checkout, downloadedText, gotoHydrated, openDialog, orderStatus, SCREENSHOTS, signInAsAdmin, watchConsole } from './support'

// DESIGN section 1, steps 1 to 12, as one story: two browsers, the admin's and the customer's.
test('the whole walkthrough: admin prepares, customer shops across stores, order goes live to accepted, is paid, and is traced', async ({ browser }) => {
  test.setTimeout(300_000)
  const suffix = Date.now() % 100_000
  const adminContext = await browser.newContext()
  const admin = await adminContext.newPage()
  const adminProblems = watchConsole(admin)

  // 1–3. Two stores with products, both taking part in shopping.
  await signInAsAdmin(admin)
  const stores = [
    { name: `Tea House ${suffix}`, location: 'Porto', products: [{ name: `Sencha ${suffix}`, stock: '20', price: '8.5' }] },
    { name: `Pottery ${suffix}`, location: 'Lisbon', products: [{ name: `Teapot ${suffix}`, stock: '5', price: '32' }] },
  ]
  for (const store of stores) {
    await openDialog(admin, admin.getByTestId('new-store'))
    await admin.getByTestId('store-name').fill(store.name)
    await admin.getByTestId('store-location').fill(store.location)
    await admin.getByTestId('save-store').click()
    // Earlier tests leave many stores: find the new one through the table's search, whatever page it is on.
    await admin.getByPlaceholder('Search stores…').fill(store.name)
    const row = admin.getByTestId('stores-table').getByRole('row').filter({ hasText: store.name })
    await row.locator('[data-testid^="participating-"]').click()
    await expect(row.locator('[data-testid^="participating-"] input[role=switch]')).toHaveAttribute('aria-checked', 'true')
    await row.locator('[data-testid^="store-products-"]').click()
    await expect(admin.getByTestId('store-heading')).toHaveText(store.name)
    for (const product of store.products) {
      await openDialog(admin, admin.getByTestId('new-product'))
      await admin.getByTestId('product-name').fill(product.name)
      await admin.getByTestId('product-stock').fill(product.stock)
      await admin.getByTestId('product-price').fill(product.price)
      await admin.getByTestId('save-product').click()
      await expect(admin.getByTestId('products-table').getByRole('row').filter({ hasText: product.name })).toBeVisible()
    }
    await admin.getByTestId('back-to-stores').click()
  }
  // Slower stores than the suite's default, so the customer sees the order pending before it turns.
  for (const store of await (await admin.request.get('/api/stores')).json() as { id: string, name: string }[]) {
    if (store.name.endsWith(String(suffix))) await admin.request.patch(`/api/stores/${store.id}`, { data: { confirmDelayMs: 6000 } })
  }
  const catalog = await (await admin.request.get(`/api/products?participating=true&q=${suffix}`)).json() as { id: string, name: string }[]
  const idOf = (name: string) => catalog.find(product => product.name === name)!.id

  // 4–5. The customer shops across both stores; the basket badge counts the items.
  const customerContext = await browser.newContext()
  const customer = await customerContext.newPage()
  const customerProblems = watchConsole(customer)
  await gotoHydrated(customer, '/shopping')
  await addToBasket(customer, idOf(`Sencha ${suffix}`), `Sencha ${suffix}`, 2)
  await addToBasket(customer, idOf(`Teapot ${suffix}`), `Teapot ${suffix}`, 1)
  await expect(customer.getByTestId('basket-badge')).toHaveText('3')
  await customer.getByTestId('go-to-checkout').click()
  await expect(customer.getByTestId('basket-total')).toContainText('49.00')

  // 6–7. Register, authorize, submit: the order's own page, pending, turns accepted without a reload.
  const orderId = await checkout(customer, { name: 'Ada Lovelace', phone: '+351 912 345 678' })
  await expect(orderStatus(customer)).toHaveAttribute('data-code', 'pending')
  await expect(orderStatus(customer)).toHaveText('Being confirmed')
  await expect(orderStatus(customer)).toHaveAttribute('data-code', 'accepted', { timeout: 20_000 })
  await expect(orderStatus(customer)).toHaveText('Accepted')
  await expect(customer.getByTestId('payment-status')).toHaveText('Approved')
  await expect(customer.locator('[data-testid^="store-status-"]')).toHaveText(['In stock', 'In stock'])
  await expect(customer.getByTestId('basket-badge')).toBeHidden()

  // 8. Pay: delivered, and nothing left to do with it.
  await customer.getByTestId('pay-order').click()
  await expect(orderStatus(customer)).toHaveAttribute('data-code', 'delivered')
  await expect(orderStatus(customer)).toHaveText('Paid')
  await expect(customer.getByTestId('pay-order')).toHaveCount(0)
  await expect(customer.getByTestId('cancel-order')).toHaveCount(0)
  await customer.screenshot({ path: join(SCREENSHOTS, 'order-delivered.png'), fullPage: true, animations: 'disabled' })
  // The order is in "My orders", reached from the account menu.
  await customer.getByTestId('account-menu').click()
  await customer.getByTestId('my-orders-link').click()
  await expect(customer.getByTestId(`my-order-status-${orderId}`)).toHaveText('Paid')

  // 9. Order admin: the order, found by the start of its id, with its lines.
  await gotoHydrated(admin, '/admin/orders')
  await admin.getByTestId('orders-search').fill(orderId.slice(0, 8))
  const row = admin.getByTestId(`order-row-${orderId}`)
  await expect(row).toBeVisible()
  await expect(admin.getByTestId(`row-status-${orderId}`)).toHaveText('delivered')
  await row.locator('.p-datatable-row-toggle-button').click()
  await expect(admin.getByTestId(`order-expansion-${orderId}`)).toContainText(`Teapot ${suffix}`)
  // Export: the filtered rows, from the server, as a file.
  const ordersCsv = await downloadedText(admin)
  expect(ordersCsv.name).toMatch(/^plaza-orders-\d{4}-\d{2}-\d{2}\.csv$/)
  expect(ordersCsv.lines[0]).toBe('id,status,paymentStatus,storesStatus,customerId,paymentId,total,lines,rejection,placedAt,updatedAt')
  expect(ordersCsv.lines.find(line => line.startsWith(orderId))).toContain(`,delivered,`)

  // 10. Event sourcing: every event of the order, then its timeline and a replay.
  await gotoHydrated(admin, '/admin/events')
  await admin.getByTestId('events-search').fill(orderId)
  await expect(admin.getByTestId('events-table').locator('[data-testid^="event-row-"]')).toHaveCount(6)
  const eventsCsv = await downloadedText(admin)
  const exportedTypes = eventsCsv.lines.slice(1).map(line => line.split(',')[3])
  expect([exportedTypes[0], exportedTypes.at(-1)]).toEqual(['OrderDelivered', 'OrderPlaced'])
  expect(exportedTypes.toSorted()).toEqual(['OrderAccepted', 'OrderDelivered', 'OrderPlaced', 'PaymentConfirmed', 'StoreConfirmed', 'StoreConfirmed'])
  await gotoHydrated(admin, `/admin/orders/${orderId}`)
  await expect(admin.getByTestId('current-status')).toHaveText('delivered')
  await expect(admin.getByTestId('timeline')).toContainText('OrderPlaced')
  await admin.getByTestId('timeline-event-1').click()
  await expect(admin.getByTestId('replayed-status')).toHaveText('pending')
  await admin.locator('[data-testid="version-slider"] .p-slider-handle').focus()
  await admin.keyboard.press('End')
  await expect(admin.getByTestId('replayed-status')).toHaveText('delivered')
  await admin.keyboard.press('ArrowLeft')
  await expect(admin.getByTestId('replayed-status')).toHaveText('accepted')

  // 11. Customers admin.
  const customerId = (await (await customer.request.get('/api/auth/session')).json()).user.customerId
  await gotoHydrated(admin, '/admin/customers')
  await expect(admin.getByTestId(`customer-row-${customerId}`)).toContainText('Ada Lovelace')

  // 12. Pipeline panel.
  await gotoHydrated(admin, '/admin/pipeline')
  for (const name of ['payments', 'catalog', 'ordering']) await expect(admin.getByTestId(`pipeline-consumer-${name}`)).toBeVisible()

  expect(adminProblems).toEqual([])
  expect(customerProblems).toEqual([])
  await adminContext.close()
  await customerContext.close()
})
