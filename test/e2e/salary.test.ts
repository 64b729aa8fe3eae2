import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Salary } from '../../web/src/features/salary/api/get-salary'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'
import { chooseDownload, expectNoSidewaysScroll } from './page-checks'

/** The answer the view draws, asked for with the page's own session. */
function apiAnswer(session: SignedInBrowser, query = ''): Promise<Salary> {
  return session.page.evaluate(
    async (path) => (await fetch(path)).json() as Promise<Salary>,
    `/api/analytics/salary${query}`,
  )
}

/** What the offers chart draws: its boxes per series and the bands behind them. */
const offersChart = (session: SignedInBrowser) =>
  session.page.locator('figure.offers-chart').evaluateAll((charts) =>
    charts.map((chart) => ({
      boxes: [...chart.querySelectorAll('g.box-plot__box')].map((box) =>
        box.getAttribute('data-series'),
      ),
      bands: [...chart.querySelectorAll('.box-plot__backdrop-label')].map(
        (label) => label.querySelector('title')?.textContent,
      ),
    })),
  )

async function openSalary(session: SignedInBrowser) {
  await session.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Salary bands' })
    .click()
  await session.page.getByRole('heading', { name: 'Salary bands', level: 1 }).waitFor()
}

const hireRows = (session: SignedInBrowser) =>
  session.page
    .locator('section', { has: session.page.getByRole('heading', { name: 'Offers per hire' }) })
    .locator('tbody tr')
    .count()

// Recharts draws no rectangle for a bin without hires.
const nonEmptyBins = (bins: readonly { count: number }[]) =>
  bins.filter((bin) => bin.count > 0).length

describe('the salary view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws offers over their bands, the compa-ratio histogram and retention by compa-ratio', async () => {
    await openSalary(session)
    const answer = await apiAnswer(session)
    // The demo data has a band for every level: each level's offers over its own band.
    expect(answer.by_level.every((level) => level.band?.level === level.level)).toBe(true)
    await expect
      .poll(() => offersChart(session), { timeout: 20_000 })
      .toEqual([
        {
          boxes: answer.by_level.map(() => 'offers'),
          bands: answer.by_level.map(
            (level) => `${level.band!.source}, ${level.band!.source_date}`,
          ),
        },
      ])
    expect(await session.page.getByTestId('missing-bands').count()).toBe(0)
    expect(await session.page.locator('figure.histogram .recharts-bar-rectangle').count()).toBe(
      nonEmptyBins(answer.compa_histogram),
    )
    expect(await session.page.locator('.rate-chart__point').count()).toBe(3)
    expect(await hireRows(session)).toBe(answer.hires.length)
    expect(await session.page.getByTestId('compa-retention-summary').textContent()).toMatch(
      /intervals|Too few hires/,
    )
    await session.page.screenshot({ path: session.screenshot('salary.png'), fullPage: true })
  })

  it('downloads the offers by level as CSV with each band and its source', async () => {
    const panel = session.page.locator('section', {
      has: session.page.getByRole('heading', { name: 'Offers against benchmark bands' }),
    })
    const downloaded = session.page.waitForEvent('download')
    await chooseDownload(panel, 'CSV')
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^salary-offers-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toContain('band_low,band_high,band_source,band_date')
    expect(lines[1]).toMatch(
      /^junior,\d+,.*,100000,136000,"Demo band: the 2026 Rust developer range/,
    )
    const png = session.page.waitForEvent('download')
    await chooseDownload(panel, 'PNG')
    expect((await png).suggestedFilename()).toMatch(/^salary-offers-.*\.png$/)
  })

  it('updates the URL and the charts when the level changes', async () => {
    const summary = session.page.getByTestId('compa-summary')
    const summaryBefore = await summary.textContent()
    const answered = session.page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/salary') && response.url().includes('level=senior'),
    )
    await session.page.getByRole('combobox', { name: 'Level' }).selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(session.page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe(summaryBefore)
    await expect.poll(async () => (await offersChart(session))[0]?.boxes).toEqual(['offers'])
    const answer = await apiAnswer(session, '?level=senior')
    expect(await session.page.locator('figure.histogram .recharts-bar-rectangle').count()).toBe(
      nonEmptyBins(answer.compa_histogram),
    )
    await session.page.screenshot({ path: session.screenshot('salary-senior.png'), fullPage: true })
  })

  it('fits 768 px wide without sideways scrolling', async () => {
    await session.page.goto(`${session.url()}/salary`)
    await session.page.setViewportSize({ width: 768, height: 1000 })
    await expect.poll(async () => (await offersChart(session)).length, { timeout: 20_000 }).toBe(1)
    await expectNoSidewaysScroll(session.page)
    await session.page.screenshot({ path: session.screenshot('salary-768.png'), fullPage: true })
    await session.page.setViewportSize({ width: 1280, height: 900 })
  })
})

describe('the salary view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('lists only the hires of their own requisitions beside organisation-wide figures', async () => {
    await openSalary(session)
    await expect.poll(async () => (await offersChart(session)).length, { timeout: 20_000 }).toBe(1)
    const answer = await apiAnswer(session)
    expect(answer.hires.length).toBeGreaterThan(0)
    expect(answer.hires.length).toBeLessThan(answer.compa_ratio.n)
    expect(await hireRows(session)).toBe(answer.hires.length)
    await session.page.screenshot({
      path: session.screenshot('salary-manager.png'),
      fullPage: true,
    })
  })
})

describe('the salary view in Chromium, as an admin', () => {
  const session = useSignedInBrowser('admin')

  it('lists every hire with a band', async () => {
    await openSalary(session)
    await expect.poll(async () => (await offersChart(session)).length, { timeout: 20_000 }).toBe(1)
    const answer = await apiAnswer(session)
    expect(answer.hires).toHaveLength(answer.compa_ratio.n)
    expect(await hireRows(session)).toBe(answer.hires.length)
    expect(await session.page.getByTestId('hires-scope').count()).toBe(0)
  })
})
