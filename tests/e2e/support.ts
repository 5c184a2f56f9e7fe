import { mkdirSync } from 'node:fs'
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
