import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import postgres from 'postgres'
import { DEMO_CATEGORIES, DEMO_STORES } from '../../scripts/demo-mall/mall'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { startServer, type RunningServer } from '../support/server'
import { gotoHydrated, SCREENSHOTS, watchConsole } from './support'

const root = join(import.meta.dirname, '..', '..')
const DEMO_NAMES = new Set(DEMO_STORES.flatMap(store => store.products.map(product => product.name)))

/** The migrate step as npm start, docker compose and the Kubernetes Job run it, on `databaseUrl`; its exit code and output. */
function runMigrateStep(databaseUrl: string, demoMall: 'on' | 'off'): Promise<{ code: number | null, output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PLAZA_DEMO_MALL: demoMall },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', chunk => (output += chunk))
    child.stderr.on('data', chunk => (output += chunk))
    child.once('error', reject)
    child.once('exit', code => resolve({ code, output }))
  })
}

async function storeCount(databaseUrl: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    return (await sql<{ count: number }[]>`select count(*)::int as count from catalog.stores`)[0]!.count
  }
  finally {
    await sql.end({ timeout: 1 })
  }
}

test.describe('a fresh Plaza', () => {
  let database: TestDatabase | undefined
  let server: RunningServer | undefined
  test.afterEach(async () => {
    await server?.stop()
    await database?.drop()
    server = database = undefined
  })

  test('opens with the demo mall: stores, products and their pictures on the shopping page', async ({ page }) => {
    test.setTimeout(240_000)
    const problems = watchConsole(page)
    database = await createTestDatabase('demomall')
    const first = await runMigrateStep(database.url, 'on')
    expect(first.code, first.output).toBe(0)
    expect(first.output).toMatch(/Demo mall created: 6 stores, 36 products in 6 categories, 36 pictures .*set PLAZA_DEMO_MALL=off to start empty/)
    // The next start (or a second replica's migrate step) finds the mall there and adds nothing.
    const again = await runMigrateStep(database.url, 'on')
    expect(again.code, again.output).toBe(0)
    expect(again.output).not.toContain('Demo mall created')
    expect(await storeCount(database.url)).toBe(DEMO_STORES.length)

    server = await startServer(database.url)
    await gotoHydrated(page, `${server.baseUrl}/shopping`)
    const cards = page.locator('[data-testid^="product-card-"]')
    await expect(cards.first()).toBeVisible()
    const names = await cards.locator('h2').allInnerTexts()
    expect(names.length).toBeGreaterThan(0)
    for (const name of names) expect(DEMO_NAMES.has(name.trim()), name).toBe(true)
    await expect(page.getByText('Casa do Chá').first()).toBeVisible()
    // The mall's categories, each with its products.
    for (const category of Object.values(DEMO_CATEGORIES)) await expect(page.getByTestId('category-facet')).toContainText(category.name)
    // Every card shows its picture, loaded: a drawn WebP from /images, not the placeholder.
    const pictures = cards.locator('[data-testid^="product-image-"] img')
    await expect(pictures).toHaveCount(names.length)
    for (const picture of await pictures.all()) {
      await picture.scrollIntoViewIfNeeded()
      await expect(picture).toHaveAttribute('src', /^\/images\//)
      await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0)
    }
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-mall-shopping.png'), fullPage: true, animations: 'disabled' })
    expect(problems).toEqual([])
  })

  test('starts empty with PLAZA_DEMO_MALL=off', async () => {
    database = await createTestDatabase('nodemomall')
    const step = await runMigrateStep(database.url, 'off')
    expect(step.code, step.output).toBe(0)
    expect(step.output).not.toContain('Demo mall')
    expect(await storeCount(database.url)).toBe(0)
  })
})
