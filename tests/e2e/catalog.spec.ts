import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { adminApi, gotoHydrated, openDialog, SCREENSHOTS, screenshotBothModes, signInAsAdmin, watchConsole } from './support'

type Admin = Awaited<ReturnType<typeof adminApi>>

// Spec files share one database: every question here is scoped by this file's own categories.
const suffix = Date.now() % 100_000

async function category(admin: Admin, name: string): Promise<string> {
  const created = await admin.api.post('/api/categories', { data: { name: `${name} ${suffix}` } })
  expect(created.status()).toBe(201)
  return (await created.json()).id
}

async function store(admin: Admin, name: string, products: { name: string, price: number, categoryId: string, description?: string }[]) {
  const seeded = await admin.seedStore(`${name} ${suffix}`, [])
  for (const product of products) {
    const created = await admin.api.post(`/api/stores/${seeded.storeId}/products`, { data: { stock: 20, description: '', ...product } })
    expect(created.status()).toBe(201)
  }
  return seeded.storeId
}

const cards = (page: Page) => page.locator('[data-testid^="product-card-"]')

/** A facet value, opening its list first when it sits among the ones shown only on demand. */
async function facet(page: Page, group: 'category-facet' | 'store-facet', id: string) {
  const link = page.getByTestId(`${group}-${id}`)
  if (!(await link.isVisible()) && await page.getByTestId(`${group}-more`).isVisible()) await page.getByTestId(`${group}-more`).click()
  return link
}

test('categories and stores narrow the catalog with counts, and the URL keeps every choice', async ({ page, playwright, baseURL }) => {
  const problems = watchConsole(page)
  const admin = await adminApi(playwright.request, baseURL!)
  const teas = await category(admin, 'Teas')
  const sweets = await category(admin, 'Sweets')
  const leaf = await store(admin, 'Leaf & Co', [
    { name: 'Sencha', price: 8, categoryId: teas, description: 'Steamed green tea from Shizuoka.' },
    { name: 'Matcha', price: 24, categoryId: teas },
    { name: 'Fudge', price: 5, categoryId: sweets },
  ])
  const candy = await store(admin, 'Candy Corner', [
    { name: 'Rooibos', price: 6, categoryId: teas },
    { name: 'Toffee', price: 3, categoryId: sweets },
  ])

  await gotoHydrated(page, '/shopping')
  // Facets and cards are plain links that the router follows (utils/links.ts): the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { plazaSameDocument: true }))
  await (await facet(page, 'category-facet', teas)).click()
  await expect(page).toHaveURL(new RegExp(`category=${teas}`))
  await expect(page.getByTestId('product-count')).toHaveText('3 products match')
  expect(await page.evaluate(() => 'plazaSameDocument' in window)).toBe(true)
  await expect(cards(page)).toHaveCount(3)
  await expect(await facet(page, 'store-facet', leaf)).toContainText('2')
  await expect(await facet(page, 'store-facet', candy)).toContainText('1')

  await (await facet(page, 'store-facet', leaf)).click()
  await expect(page).toHaveURL(new RegExp(`store=${leaf}`))
  await expect(cards(page)).toHaveCount(2)
  await expect(page.getByTestId(`category-facet-${sweets}`)).toContainText('1')
  await page.setViewportSize({ width: 1280, height: 900 })
  await screenshotBothModes(page, 'catalog-filtered')
  // On a phone the facets fold behind one button that says how many are chosen.
  await page.setViewportSize({ width: 390, height: 844 })
  await expect(page.getByTestId('store-facet')).toBeHidden()
  await expect(page.getByTestId('filters-toggle')).toContainText('2 chosen')
  await page.getByTestId('filters-toggle').click()
  await expect(page.getByTestId('filters-toggle')).toHaveAttribute('aria-expanded', 'true')
  await expect(await facet(page, 'store-facet', leaf)).toBeVisible()
  await page.screenshot({ path: join(SCREENSHOTS, 'catalog-filtered-phone.png'), fullPage: true, animations: 'disabled' })
  await page.setViewportSize({ width: 1280, height: 720 })
  await expect(page.getByTestId('filters-toggle')).toBeHidden()

  await page.goBack()
  await expect(cards(page)).toHaveCount(3)
  await page.goForward()
  await expect(cards(page)).toHaveCount(2)
  await page.reload()
  await expect(cards(page)).toHaveCount(2)
  await expect(page.getByTestId(`store-facet-${leaf}`)).toHaveAttribute('aria-current', 'true')

  // Choosing the chosen category again takes it away; the store stays.
  await gotoHydrated(page, page.url())
  await page.getByTestId(`category-facet-${teas}`).click()
  await expect(page).not.toHaveURL(/category=/)
  await expect(page).toHaveURL(new RegExp(`store=${leaf}`))
  await expect(cards(page)).toHaveCount(3)
  expect(problems).toEqual([])
})

test('pages through a long list with Next, and Back returns to the first page', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const many = await category(admin, 'Stationery')
  await store(admin, 'Paper Mill', Array.from({ length: 30 }, (_, i) => ({ name: `Notebook ${String(i + 1).padStart(2, '0')}`, price: 2 + i, categoryId: many })))

  await gotoHydrated(page, `/shopping?category=${many}&sort=price-asc`)
  await expect(cards(page)).toHaveCount(12)
  await expect(page.getByTestId('product-count')).toHaveText('30 products match')
  await expect(page.getByTestId('first-page')).toHaveCount(0)
  // The page links are plain links too, followed by the router; a Ctrl-click still opens a new tab.
  const newTab = page.context().waitForEvent('page')
  await page.getByTestId('next-page').click({ modifiers: ['Control'] })
  const tab = await newTab
  await tab.waitForURL(/page=2/)
  await tab.close()
  await expect(page).not.toHaveURL(/page=2/)
  await page.evaluate(() => Object.assign(window, { plazaSameDocument: true }))
  await page.getByTestId('next-page').click()
  await expect(page).toHaveURL(/page=2/)
  await expect(cards(page).first()).toContainText('Notebook 13')
  await expect(page.getByTestId('page-number')).toHaveText('Page 2')
  await page.getByTestId('next-page').click()
  await expect(cards(page).first()).toContainText('Notebook 25')
  await expect(cards(page)).toHaveCount(6)
  await expect(page.getByTestId('page-number')).toHaveText('Page 3')
  await expect(page.getByTestId('next-page')).toHaveCount(0)

  await page.goBack()
  await expect(cards(page).first()).toContainText('Notebook 13')
  await page.goBack()
  await expect(cards(page).first()).toContainText('Notebook 01')
  await expect(cards(page)).toHaveCount(12)
  await page.goForward()
  await expect(cards(page).first()).toContainText('Notebook 13')
  await page.getByTestId('first-page').click()
  await expect(cards(page).first()).toContainText('Notebook 01')
  await expect(page).not.toHaveURL(/cursor=/)
  expect(await page.evaluate(() => 'plazaSameDocument' in window)).toBe(true)

  // A link with a forged cursor says so and offers the first page, instead of failing.
  await gotoHydrated(page, `/shopping?category=${many}&cursor=forged&page=3`)
  await expect(page.getByTestId('catalog-stale-page')).toBeVisible()
})

test('search forgives a typo and accents, and a search with no match offers to clear it', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const desserts = await category(admin, 'Desserts')
  await store(admin, 'Pâtisserie', [
    { name: 'Dark chocolate tart', price: 6.5, categoryId: desserts },
    { name: 'Crème brûlée', price: 5, categoryId: desserts },
  ])

  await gotoHydrated(page, `/shopping?category=${desserts}`)
  await page.getByTestId('product-search').fill('choclate')
  await expect(page).toHaveURL(/q=choclate/)
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).first()).toContainText('Dark chocolate tart')

  await page.getByTestId('product-search').fill('creme brulee')
  await expect(cards(page)).toHaveCount(1)
  await expect(cards(page).first()).toContainText('Crème brûlée')

  await page.getByTestId('product-search').fill('zzqx wobble')
  await expect(page.getByTestId('shopping-no-match')).toBeVisible()
  await page.getByTestId('clear-filters').click()
  await expect(page).toHaveURL(/\/shopping$/)
  await expect(page.getByTestId('product-search')).toHaveValue('')
})

test('a store has its own page with its products, and an unknown store is a 404 page', async ({ page, playwright, baseURL }) => {
  const admin = await adminApi(playwright.request, baseURL!)
  const goods = await category(admin, 'Homeware')
  const storeId = await store(admin, 'Casa Lume', [
    { name: 'Linen napkins', price: 18, categoryId: goods },
    { name: 'Clay jug', price: 32, categoryId: goods },
  ])

  // From the shopping page's store filter to the store's own page.
  await gotoHydrated(page, `/shopping?category=${goods}&store=${storeId}`)
  await page.getByTestId('visit-store').click()
  await expect(page).toHaveURL(new RegExp(`/stores/${storeId}$`))
  await expect(page.getByTestId('page-title')).toHaveText(`Casa Lume ${suffix}`)
  await expect(page.getByTestId('store-location')).toHaveText('Porto, Ribeira')
  await expect(cards(page)).toHaveCount(2)
  await screenshotBothModes(page, 'store-page')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(SCREENSHOTS, 'store-page-phone.png'), fullPage: true, animations: 'disabled' })
  await page.setViewportSize({ width: 1280, height: 720 })

  await page.getByTestId('product-search').fill('jug')
  await expect(cards(page)).toHaveCount(1)
  await expect(page).toHaveURL(new RegExp(`/stores/${storeId}\\?q=jug$`))

  for (const missing of [`/stores/${randomUUID()}`, '/stores/not-a-store']) {
    const response = await page.goto(missing)
    expect(response?.status()).toBe(404)
    await expect(page.getByText('Page not found')).toBeVisible()
  }
})

test('the admin creates, renames and deletes categories, and files a product under one', async ({ page, playwright, baseURL }) => {
  const problems = watchConsole(page)
  const admin = await adminApi(playwright.request, baseURL!)
  const { storeId } = await admin.seedStore(`Atelier ${suffix}`, [{ name: `Vase ${suffix}`, stock: 3, price: 40 }])
  await signInAsAdmin(page, '/admin/categories')

  await openDialog(page, page.getByTestId('new-category'))
  await page.getByTestId('save-category').click()
  await expect(page.getByTestId('category-name-error')).toHaveText('Name is required')
  await page.getByTestId('category-name').fill(`Ceramics ${suffix}`)
  await page.getByTestId('save-category').click()
  const row = page.getByTestId('categories-table').getByRole('row').filter({ hasText: `Ceramics ${suffix}` })
  await expect(row).toContainText(`ceramics-${suffix}`)

  // A second category of the same name, in other letters' case, is refused on its field.
  await openDialog(page, page.getByTestId('new-category'))
  await page.getByTestId('category-name').fill(`CERAMICS ${suffix}`)
  await page.getByTestId('save-category').click()
  await expect(page.getByTestId('category-name-error')).toContainText('already the name of another category')
  await page.getByRole('button', { name: 'Cancel' }).click()

  await openDialog(page, row.locator('[data-testid^="edit-"]'))
  await page.getByTestId('category-name').fill(`Pottery ${suffix}`)
  await page.getByTestId('save-category').click()
  const renamed = page.getByTestId('categories-table').getByRole('row').filter({ hasText: `Pottery ${suffix}` })
  await expect(renamed).toContainText(`pottery-${suffix}`)

  // The product form offers it.
  await gotoHydrated(page, `/admin/stores/${storeId}/products`)
  const vase = page.getByTestId('products-table').getByRole('row').filter({ hasText: `Vase ${suffix}` })
  await openDialog(page, vase.locator('[data-testid^="edit-"]'))
  await page.getByTestId('product-category').click()
  await page.getByRole('option', { name: `Pottery ${suffix}` }).click()
  await page.getByTestId('save-product').click()
  await expect(page.getByTestId('product-dialog')).toBeHidden()
  await expect.poll(async () => (await (await page.request.get(`/api/stores/${storeId}/products`)).json())[0].categoryName).toBe(`Pottery ${suffix}`)

  await gotoHydrated(page, '/admin/categories')
  await expect(renamed).toContainText('1')
  await renamed.locator('[data-testid^="delete-"]').click()
  await page.getByTestId('confirm-delete').click()
  await expect(renamed).toHaveCount(0)
  expect((await (await page.request.get(`/api/stores/${storeId}/products`)).json())[0].categoryId).toBeNull()
  expect(problems).toEqual([])
})
