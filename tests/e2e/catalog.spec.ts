import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { adminApi, gotoHydrated, SCREENSHOTS, screenshotBothModes, watchConsole } from './support'

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
  await (await facet(page, 'category-facet', teas)).click()
  await expect(page).toHaveURL(new RegExp(`category=${teas}`))
  await expect(page.getByTestId('product-count')).toHaveText('3 products match')
  await expect(cards(page)).toHaveCount(3)
  await expect(await facet(page, 'store-facet', leaf)).toContainText('2')
  await expect(await facet(page, 'store-facet', candy)).toContainText('1')

  await (await facet(page, 'store-facet', leaf)).click()
  await expect(page).toHaveURL(new RegExp(`store=${leaf}`))
  await expect(cards(page)).toHaveCount(2)
  await expect(page.getByTestId(`category-facet-${sweets}`)).toContainText('1')
  await page.setViewportSize({ width: 1280, height: 900 })
  await screenshotBothModes(page, 'catalog-filtered')
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(SCREENSHOTS, 'catalog-filtered-phone.png'), fullPage: true, animations: 'disabled' })
  await page.setViewportSize({ width: 1280, height: 720 })

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
