import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../api/auth/first-users'
import { signInThroughForm, watchPage, type PageWatch } from './page-checks'
import { launchBrowser, startServer, type RunningServer } from './server'

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

describe('the retention view in Chromium', () => {
  let server: RunningServer | undefined
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined
  let page: Page
  let watch: PageWatch
  const url = () => server!.url

  const linesPerChart = () =>
    page
      .locator('figure.survival-chart')
      .evaluateAll((charts) =>
        charts.map((chart) => chart.querySelectorAll('.recharts-line.survival-line').length),
      )

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

  it('draws one chart per area with both score bands, on the demo data', async () => {
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Retention' })
      .click()
    await page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor()
    await expect.poll(linesPerChart, { timeout: 20_000 }).toEqual([2, 2, 2, 2, 2])
    const areas = await page
      .locator('figure.survival-chart')
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('data-area')))
    expect(areas).toEqual(['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'])
    expect(await page.getByTestId('retention-summary').textContent()).toContain('92% benchmark')
    expect(await page.locator('p.logrank').count()).toBe(5)
    await page.screenshot({ path: join(SCREENSHOTS, 'retention.png'), fullPage: true })
  })

  it('downloads the numbers of one chart as CSV', async () => {
    const downloaded = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download CSV' }).first().click()
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^retention-ownership-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('area,band,time_days,at_risk,events,censored,survival,ci_lower,ci_upper')
    expect(lines[1]).toMatch(/^Ownership & lifetimes,score ≥ 3,0,\d+,0,0,1,1,1$/)
    const table = page.locator('details.survival-table').first()
    await table.locator('summary').click()
    expect(await table.locator('tbody tr').count()).toBe(lines.length - 1)
    await page
      .locator('section.survival-area')
      .first()
      .screenshot({
        path: join(SCREENSHOTS, 'retention-table.png'),
      })
    await table.locator('summary').click()
  })

  it('updates the URL and the charts when the level changes', async () => {
    const curve = page.locator(
      'figure.survival-chart[data-area="judgment"] .survival-line--ge3 .recharts-line-curve',
    )
    const summary = page.getByTestId('retention-summary')
    const [curveBefore, summaryBefore] = [
      await curve.getAttribute('d'),
      await summary.textContent(),
    ]
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/retention') &&
        response.url().includes('level=senior'),
    )
    await page.getByLabel('Level').selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe(summaryBefore)
    await expect.poll(() => curve.getAttribute('d')).not.toBe(curveBefore)
    await expect.poll(linesPerChart).toEqual([2, 2, 2, 2, 2])
    await page.screenshot({ path: join(SCREENSHOTS, 'retention-senior.png'), fullPage: true })
  })

  it('opens a shared link with its filters applied', async () => {
    await page.goto(`${url()}/retention?level=staff&hire_type=contract`)
    await expect.poll(() => page.getByLabel('Level').inputValue()).toBe('staff')
    expect(await page.getByLabel('Hire type').inputValue()).toBe('contract')
    await page
      .getByTestId('retention-summary')
      .or(page.getByText('No hires match'))
      .first()
      .waitFor()
    await page.screenshot({
      path: join(SCREENSHOTS, 'retention-staff-contract.png'),
      fullPage: true,
    })
  })
})
