import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../api/auth/first-users'
import { signInThroughForm, watchPage, type PageWatch } from './page-checks'
import { launchBrowser, startServer, type RunningServer } from './server'

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

describe('the loop effectiveness view in Chromium', () => {
  let server: RunningServer | undefined
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined
  let page: Page
  let watch: PageWatch
  const url = () => server!.url

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    watch = await watchPage(page)
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.goto(`${url()}/sign-in`)
    await signInThroughForm(
      page,
      DEMO_USERS.find((user) => user.role === 'talent_lead')!,
    )
    expect(watch.takeProblems()).toEqual([])
  })

  afterEach(() => {
    expect(watch.takeProblems()).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('plots five areas, observed and corrected, on the demo data', async () => {
    await page.goto(url())
    await page.getByRole('heading', { name: 'Loop effectiveness' }).waitFor()
    await page.getByText('generated demo data').waitFor()
    await page.getByRole('banner').getByText('lead@demo.test · Talent lead').waitFor()
    const observed = page.locator('[data-series="observed"]')
    await expect.poll(() => observed.count(), { timeout: 20_000 }).toBe(5)
    expect(await page.locator('[data-series="corrected"]').count()).toBe(5)
    const areas = await observed.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-area')),
    )
    expect(areas).toEqual(['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'])
    expect(await page.locator('table.validity-table tbody tr').count()).toBe(5)
    await page.screenshot({ path: join(SCREENSHOTS, 'loop-effectiveness.png'), fullPage: true })
  })

  it('updates the URL, the counts and the chart when the level changes', async () => {
    const counts = page.locator('p.counts')
    const before = await counts.textContent()
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/validity') &&
        response.url().includes('level=senior'),
    )
    await page.getByLabel('Level').selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).not.toBe(before)
    expect(await page.getByTestId('validity-summary').textContent()).toContain('senior')
    await expect.poll(() => page.locator('[data-series="observed"]').count()).toBe(5)
    await page.screenshot({
      path: join(SCREENSHOTS, 'loop-effectiveness-senior.png'),
      fullPage: true,
    })
  })

  it('opens a shared link with its filters applied', async () => {
    await page.goto(`${url()}/?level=staff`)
    await expect.poll(() => page.getByLabel('Level').inputValue()).toBe('staff')
    await page.goto(`${url()}/how-its-computed`)
    await page.getByRole('heading', { name: "How it's computed" }).waitFor()
    expect(await page.getByText('Thorndike').count()).toBeGreaterThan(0)
  })

  it('shows an API error plainly instead of a blank page', async () => {
    watch.allow(400, '/api/analytics/validity')
    await page.goto(`${url()}/?as_of=2026-02-30`)
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('as_of must be a calendar date')
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'loop-effectiveness-error.png') })
  })
})
