import { expect, test, type BrowserContext, type Page } from '@playwright/test'
import { join } from 'node:path'
import { E2E_PORT } from '../../playwright.config'
import { gotoHydrated, SCREENSHOTS, screenshotBothModes, signInAsAdmin, watchConsole } from './support'

// WebAuthn needs a domain for its relying party: Chromium refuses an IP address such as 127.0.0.1.
const LOCALHOST = `http://localhost:${E2E_PORT}`

const uniquePhone = () => `+351 96${String(Date.now() % 1e7).padStart(7, '0')}`

async function register(page: Page, name: string, phone: string, password: string, origin = '') {
  await gotoHydrated(page, `${origin}/account/register`)
  await page.getByTestId('register-name').fill(name)
  await page.getByTestId('register-phone').fill(phone)
  await page.getByTestId('register-password').fill(password)
  await page.getByTestId('register').click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByTestId('account-name')).toHaveText(name)
}

async function signIn(page: Page, phone: string, password: string) {
  await gotoHydrated(page, '/account/sign-in')
  await page.getByTestId('signin-phone').fill(phone)
  await page.getByTestId('signin-password').fill(password)
  await page.getByTestId('customer-signin').click()
}

/** The admin's entry in the site menu (the home page itself mentions Plaza Admin too). */
const adminNavigation = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Plaza Admin' })

async function signOutFromMenu(page: Page) {
  await page.getByTestId('account-menu').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByTestId('sign-in-link')).toBeVisible()
}

test('a customer registers with a password, signs out, is told when the password is wrong, and signs in', async ({ page }) => {
  const problems = watchConsole(page)
  const phone = uniquePhone()

  // The top bar offers customer sign-in and registration; the admin's navigation is not shown.
  await gotoHydrated(page, '/')
  await expect(page.getByTestId('sign-in-link')).toHaveAttribute('href', /\/account\/sign-in/)
  await expect(page.getByTestId('register-top-link')).toHaveAttribute('href', /\/account\/register/)
  await expect(adminNavigation(page)).toHaveCount(0)

  // Field problems sit under their fields.
  await gotoHydrated(page, '/account/register')
  await page.getByTestId('register-name').fill('Ada')
  await page.getByTestId('register-phone').fill(phone)
  await page.getByTestId('register-password').fill('short')
  await page.getByTestId('register').click()
  await expect(page.getByTestId('register-password-error')).toContainText('at least 8')

  await register(page, 'Ada Lovelace', phone, 'analytical-engine')
  await expect(page.getByTestId('account-phone')).toHaveText(phone.replace(/ /g, ''))
  await page.getByTestId('account-menu').click()
  await expect(page.getByTestId('account-link')).toBeVisible()
  await screenshotBothModes(page, 'account-menu')
  await page.keyboard.press('Escape')
  await signOutFromMenu(page)

  // Registering the same phone again says to sign in, above the form.
  await gotoHydrated(page, '/account/register')
  await page.getByTestId('register-name').fill('Ada again')
  await page.getByTestId('register-phone').fill(phone)
  await page.getByTestId('register-password').fill('another-password')
  await page.getByTestId('register').click()
  await expect(page.getByTestId('register-problem')).toContainText('already exists')

  // A wrong password: the message stays above the form, not only in a toast.
  await signIn(page, phone, 'not-the-password')
  await expect(page.getByTestId('signin-problem')).toContainText('Wrong phone or password')
  await screenshotBothModes(page, 'account-sign-in-refused')

  await page.getByTestId('signin-password').fill('analytical-engine')
  await page.getByTestId('customer-signin').click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByTestId('account-name')).toHaveText('Ada Lovelace')
  expect(problems.filter(problem => !/401|409/.test(problem))).toEqual([])
})

test('a passkey registered on the account page signs the customer in (virtual authenticator)', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  })

  await register(page, 'Grace Passkey', uniquePhone(), 'grace-password', LOCALHOST)
  await expect(page.getByTestId('no-passkeys')).toBeVisible()
  await page.getByTestId('add-passkey').click()
  await expect(page.locator('[data-passkey]')).toHaveCount(1)
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: join(SCREENSHOTS, 'account-390-light.png'), fullPage: true, animations: 'disabled' })
  await page.setViewportSize({ width: 1280, height: 800 })
  await screenshotBothModes(page, 'account')

  await signOutFromMenu(page)
  await gotoHydrated(page, `${LOCALHOST}/account/sign-in`)
  await page.getByTestId('passkey-signin').click()
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByTestId('account-name')).toHaveText('Grace Passkey')
  await expect(page.locator('[data-passkey]')).toContainText('Last used')

  // Removing it leaves none.
  await page.getByTestId('remove-passkey').click()
  await expect(page.getByTestId('no-passkeys')).toBeVisible()
})

test('signing out everywhere ends the session in the other browser too', async ({ browser, baseURL }) => {
  const phone = uniquePhone()
  const contexts: BrowserContext[] = [await browser.newContext({ baseURL }), await browser.newContext({ baseURL })]
  const [laptop, tablet] = await Promise.all(contexts.map(context => context.newPage()))
  await register(laptop!, 'Everywhere', phone, 'everywhere-password')
  await signIn(tablet!, phone, 'everywhere-password')
  await expect(tablet!).toHaveURL(/\/account$/)

  await laptop!.getByTestId('sign-out-everywhere').click()
  await expect(laptop!.getByTestId('sign-in-link')).toBeVisible()
  await expect(laptop!).toHaveURL(`${baseURL}/`)
  expect((await tablet!.request.get('/api/account/passkeys')).status()).toBe(401)
  await gotoHydrated(tablet!, '/account')
  await expect(tablet!).toHaveURL(/\/account\/sign-in\?redirect=/)
  await Promise.all(contexts.map(context => context.close()))
})

test('the admin navigation shows for the admin only, who can change the admin password from the account menu', async ({ page }) => {
  await signInAsAdmin(page)
  await expect(adminNavigation(page)).toBeVisible()
  // The menu's entries are plain links that the router follows: the page is not reloaded.
  await page.evaluate(() => Object.assign(window, { plazaSameDocument: true }))
  const orderAdmin = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Order Admin' })
  await orderAdmin.click()
  await expect(page).toHaveURL(/\/admin\/orders$/)
  await expect(orderAdmin).toHaveAttribute('aria-current', 'page')
  expect(await page.evaluate(() => 'plazaSameDocument' in window)).toBe(true)
  await page.getByTestId('account-menu').click()
  await page.getByTestId('account-link').click()
  await expect(page).toHaveURL(/\/admin\/account$/)
  // A wrong current password is shown under its field (not changed: other tests sign in with it).
  await page.getByTestId('current-password').fill('not-the-admin-password')
  await page.getByTestId('new-password').fill('a-brand-new-one')
  await page.getByTestId('change-password').click()
  await expect(page.getByTestId('current-password-error')).toContainText('not the current admin password')
  await signOutFromMenu(page)
  await expect(adminNavigation(page)).toHaveCount(0)
})
