import { expect, test, type Page } from '@playwright/test'
import { gotoHydrated, watchConsole } from './support'

// The theme is one cached stylesheet compiled at build time (modules/primevue-stylesheet.ts); dark
// mode and the primary colour come from cookies the server renders, and the picker changes the
// colour at run time with a small inline style.
const checkoutBackground = (page: Page) =>
  page.getByTestId('go-to-checkout').evaluate(element => getComputedStyle(element).backgroundColor)

test('the server-rendered page is styled before any script runs, in the scheme and colour its cookies chose', async ({ browser, baseURL }) => {
  for (const { scheme, palette, button, body } of [
    { scheme: 'light', palette: 'emerald', button: 'rgb(4, 120, 87)', body: /0\.97/ }, // emerald 700 on surface 50
    { scheme: 'dark', palette: 'rose', button: 'rgb(251, 113, 133)', body: /0\.03/ }, // rose 400 on surface 950
  ]) {
    const context = await browser.newContext({ javaScriptEnabled: false })
    await context.addCookies([
      { name: 'plaza-color-scheme', value: scheme, url: baseURL! },
      { name: 'plaza-primary', value: palette, url: baseURL! },
    ])
    const page = await context.newPage()
    await page.goto('/shopping')
    expect(await page.locator('link[rel="stylesheet"]').count()).toBeGreaterThan(0)
    expect(await page.locator('style[data-primevue-style-id]').count()).toBe(0)
    expect(await checkoutBackground(page), `${scheme} ${palette}`).toBe(button)
    expect(await page.locator('body').evaluate(element => getComputedStyle(element).backgroundColor)).toMatch(body)
    await context.close()
  }
})

test('the colour picker recolours the page at run time, and PrimeVue adds no theme styles of its own', async ({ page }) => {
  const problems = watchConsole(page)
  await gotoHydrated(page, '/shopping')
  expect(await checkoutBackground(page)).toBe('rgb(4, 120, 87)')
  await page.getByTestId('theme-colour').click()
  await page.getByTestId('palette-indigo').click()
  await expect.poll(() => checkoutBackground(page)).toBe('rgb(67, 56, 202)') // indigo 700
  await page.getByTestId('palette-emerald').click()
  await expect.poll(() => checkoutBackground(page)).toBe('rgb(4, 120, 87)')
  expect(await page.locator('style[data-primevue-style-id$="-variables"]').evaluateAll(styles => styles.map(style => style.getAttribute('data-primevue-style-id'))))
    .toEqual(expect.not.arrayContaining(['primitive-variables', 'semantic-variables', 'button-variables']))
  expect(problems).toEqual([])
})
