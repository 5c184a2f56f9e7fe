import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'
import { adminApi, gotoHydrated, openDialog, SCREENSHOTS, screenshotBothModes, signInAsAdmin, watchConsole } from './support'

const jpeg = (colour: string) => sharp({ create: { width: 1200, height: 900, channels: 3, background: colour } }).jpeg().toBuffer()

/** The picture inside a test id has loaded (a decoded image, not a broken one). */
async function expectLoaded(page: Page, testId: string) {
  const image = page.getByTestId(testId).locator('img')
  await expect(image).toHaveAttribute('src', /^\/images\/[\w-]+\/\d+\.webp$/)
  await image.scrollIntoViewIfNeeded()
  await expect.poll(() => image.evaluate(img => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
}

test('the admin uploads a picture; it shows on the shopping card and the product page, with JSON-LD', async ({ page, playwright, baseURL }) => {
  const problems = watchConsole(page)
  const admin = await adminApi(playwright.request, baseURL!)
  const name = `Lantern ${Date.now() % 100_000}`
  const { storeId, productIds: [productId] } = await admin.seedStore(`Lights ${Date.now() % 100_000}`, [{ name, stock: 4, price: 31.5 }])

  await signInAsAdmin(page, `/admin/stores/${storeId}/products`)
  await openDialog(page, page.getByTestId(`edit-${productId}`))
  const input = page.getByTestId('product-image-input')
  await input.setInputFiles({ name: 'notes.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a picture, whatever the name says') })
  await expect(page.getByTestId('product-images-error')).toContainText('notes.jpg: This file is not a JPEG, PNG or WebP image')
  await input.setInputFiles([
    { name: 'front.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#d97706') },
    { name: 'back.jpg', mimeType: 'image/jpeg', buffer: await jpeg('#2563eb') },
  ])
  await expectLoaded(page, 'admin-image-1')
  await expect(page.getByTestId('product-images-error')).toHaveCount(0)
  await page.getByTestId('main-image-1').click()
  await expect(page.getByTestId('admin-image-0').locator('img')).toHaveAttribute('src', /\.webp$/)
  // The theme toggle sits behind the dialog's mask: the dark look is set on <html> directly.
  for (const dark of [false, true]) {
    await page.evaluate(on => document.documentElement.classList.toggle('dark', on), dark)
    await page.getByRole('dialog').screenshot({ path: join(SCREENSHOTS, `admin-product-images-${dark ? 'dark' : 'light'}.png`), animations: 'disabled' })
  }
  await page.evaluate(() => document.documentElement.classList.remove('dark'))
  await page.getByRole('button', { name: 'Cancel' }).click()
  await expectLoaded(page, `admin-thumbnail-${productId}`)

  await gotoHydrated(page, '/shopping')
  await page.getByTestId('product-search').fill(name)
  await expectLoaded(page, `product-image-${productId}`)
  await expect(page.getByTestId(`product-card-${productId}`)).not.toContainText('Porto, Ribeira')
  await page.evaluate(() => Object.assign(window, { plazaSameDocument: true }))
  await page.getByTestId(`product-link-${productId}`).click()
  await page.waitForURL(`**/products/${productId}`)
  // A card's link is a plain <a> that the router follows: the product page comes without a reload.
  expect(await page.evaluate(() => 'plazaSameDocument' in window)).toBe(true)

  await expect(page.getByTestId('page-title')).toHaveText(name)
  await expectLoaded(page, 'product-main-image')
  await expect(page.getByTestId('product-thumbnail-1')).toBeVisible()
  await page.getByTestId(`quantity-${productId}`).fill('2')
  await page.getByTestId(`add-to-basket-${productId}`).click()
  await expect(page.getByTestId('in-basket')).toContainText('2 in basket')
  expect(problems).toEqual([])

  // Server-rendered: crawlers get the title, the Open Graph card and the JSON-LD without running scripts.
  const html = await (await page.request.get(`/products/${productId}`)).text()
  expect(html).toContain(`<title>${name} · Plaza</title>`)
  const ogImage = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1]
  expect(ogImage).toMatch(new RegExp(`^${baseURL}/images/[\\w-]+/640\\.webp$`))
  expect((await page.request.get(ogImage!)).headers()['content-type']).toBe('image/webp')
  const jsonLd = JSON.parse(/<script[^>]*type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(html)![1]!)
  expect(jsonLd).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: name,
    sku: productId,
    image: [ogImage, expect.stringMatching(/\.webp$/)],
    offers: { '@type': 'Offer', price: '31.50', priceCurrency: 'EUR', availability: 'https://schema.org/InStock' },
  })

  await page.setViewportSize({ width: 390, height: 844 })
  await screenshotBothModes(page, 'product-page-phone')
  await page.setViewportSize({ width: 1280, height: 800 })
  await screenshotBothModes(page, 'product-page-desktop')
})

test('an unknown or malformed product id is a real 404', async ({ page }) => {
  for (const path of ['/products/00000000-0000-4000-8000-000000000000', '/products/not-a-product']) {
    const response = await page.goto(path)
    expect(response!.status()).toBe(404)
    await expect(page.getByText('Page not found')).toBeVisible()
  }
})
