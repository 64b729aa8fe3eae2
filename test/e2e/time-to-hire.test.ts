import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TimeToHire } from '../../web/src/features/time-to-hire/api/get-time-to-hire'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'
import { chooseDownload, expectNoSidewaysScroll } from './page-checks'

/** The answer the view draws, asked for with the page's own session. */
function apiAnswer(session: SignedInBrowser, query = ''): Promise<TimeToHire> {
  return session.page.evaluate(
    async (path) => (await fetch(path)).json() as Promise<TimeToHire>,
    `/api/analytics/time-to-hire${query}`,
  )
}

/** Per box-plot chart: its series (by the boxes' data-series) and how many boxes it draws. */
const boxCharts = (session: SignedInBrowser) =>
  session.page.locator('figure.speed-chart').evaluateAll((charts) =>
    charts.map((chart) => {
      const boxes = [...chart.querySelectorAll('g.box-plot__box')]
      return {
        series: [...new Set(boxes.map((box) => box.getAttribute('data-series')))],
        boxes: boxes.length,
      }
    }),
  )

const histogramBars = (session: SignedInBrowser) =>
  session.page.locator('figure.histogram .recharts-bar-rectangle').count()

// Recharts draws no rectangle for a bin without hires.
const nonEmptyBins = (bins: readonly { count: number }[]) =>
  bins.filter((bin) => bin.count > 0).length

describe('the time-to-hire view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws the histogram, a box per level and per hire type for both measures, and retention', async () => {
    await session.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Time to hire' })
      .click()
    await session.page.getByRole('heading', { name: 'Time to hire', level: 1 }).waitFor()
    const answer = await apiAnswer(session)
    const series = ['time_to_hire', 'time_to_fill']
    await expect
      .poll(() => boxCharts(session), { timeout: 20_000 })
      .toEqual([
        { series, boxes: answer.by_level.length * 2 },
        { series, boxes: answer.by_hire_type.length * 2 },
      ])
    expect(await histogramBars(session)).toBe(nonEmptyBins(answer.histogram))
    expect(await session.page.locator('.rate-chart__point').count()).toBe(
      answer.retention.by_quartile.length,
    )
    const summary = await session.page.getByTestId('time-to-hire-summary').textContent()
    expect(summary).toContain(
      '17-day benchmark (IT staffing firm, general IT search average, 2026)',
    )
    expect(await session.page.locator('.recharts-reference-line').count()).toBe(3)
    await session.page.screenshot({ path: session.screenshot('time-to-hire.png'), fullPage: true })
  })

  it('downloads the numbers of the level chart as CSV, and its table holds the same rows', async () => {
    const panel = session.page.locator('section', {
      has: session.page.getByRole('heading', { name: 'By level' }),
    })
    const downloaded = session.page.waitForEvent('download')
    await chooseDownload(panel, 'CSV')
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^time-to-hire-by-level-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'group,measure,n,min_days,q1_days,median_days,q3_days,max_days,mean_days,within_benchmark',
    )
    const table = panel.locator('details.numbers-table')
    await table.locator('summary').click()
    expect(await table.locator('tbody tr').count()).toBe(lines.length - 1)
    const svg = session.page.waitForEvent('download')
    await chooseDownload(panel, 'SVG')
    expect((await svg).suggestedFilename()).toMatch(/^time-to-hire-by-level-.*\.svg$/)
    await table.locator('summary').click()
  })

  it('updates the URL and the charts when the level changes', async () => {
    const summary = session.page.getByTestId('time-to-hire-summary')
    const bars = session.page.locator('figure.histogram .recharts-bar-rectangle path').first()
    const [summaryBefore, barBefore] = [await summary.textContent(), await bars.getAttribute('d')]
    const answered = session.page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/time-to-hire') &&
        response.url().includes('level=senior'),
    )
    await session.page.getByRole('combobox', { name: 'Level' }).selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(session.page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe(summaryBefore)
    const answer = await apiAnswer(session, '?level=senior')
    await expect
      .poll(() => boxCharts(session))
      .toEqual([
        { series: ['time_to_hire', 'time_to_fill'], boxes: 2 },
        { series: ['time_to_hire', 'time_to_fill'], boxes: answer.by_hire_type.length * 2 },
      ])
    expect(await histogramBars(session)).toBe(nonEmptyBins(answer.histogram))
    expect(await bars.getAttribute('d')).not.toBe(barBefore)
    await session.page.screenshot({
      path: session.screenshot('time-to-hire-senior.png'),
      fullPage: true,
    })
  })

  it('lays out in one column at 768 px wide', async () => {
    await session.page.goto(`${session.url()}/time-to-hire?hire_type=direct`)
    await expect
      .poll(() => session.page.getByRole('combobox', { name: 'Hire type' }).inputValue())
      .toBe('direct')
    await session.page.setViewportSize({ width: 768, height: 1000 })
    await expect.poll(async () => (await boxCharts(session)).length, { timeout: 20_000 }).toBe(2)
    const [levels, hireTypes] = await session.page
      .locator('figure.speed-chart')
      .evaluateAll((charts) =>
        charts.map((chart) => {
          const box = chart.getBoundingClientRect()
          return { top: box.top, bottom: box.bottom }
        }),
      )
    expect(hireTypes!.top).toBeGreaterThan(levels!.bottom)
    await expectNoSidewaysScroll(session.page)
    await session.page.screenshot({
      path: session.screenshot('time-to-hire-768.png'),
      fullPage: true,
    })
    await session.page.setViewportSize({ width: 1280, height: 900 })
  })
})

describe('the time-to-hire view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('shows the figures, and the reason where a figure or a filter rests on too few hires', async () => {
    await session.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Time to hire' })
      .click()
    // On the demo data a hire type has fewer than 10 accepted offers of other managers.
    await expect.poll(() => boxCharts(session), { timeout: 20_000 }).toHaveLength(1)
    await session.page.getByText('By hire type: withheld').first().waitFor()
    session.watch.allow(403, '/api/analytics/time-to-hire')
    await session.page.getByRole('combobox', { name: 'Level' }).selectOption('senior')
    const state = session.page
      .getByRole('status')
      .filter({ hasText: 'not shown to you for this selection' })
    await state.waitFor()
    expect(await state.textContent()).toContain("fewer than 10 of other managers' hires")
    await session.page.screenshot({
      path: session.screenshot('time-to-hire-manager-withheld.png'),
      fullPage: true,
    })
  })
})

describe('the time-to-hire view in Chromium, as an admin', () => {
  const session = useSignedInBrowser('admin')

  it('draws the same charts', async () => {
    await session.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Time to hire' })
      .click()
    const answer = await apiAnswer(session)
    await expect
      .poll(async () => (await boxCharts(session)).map((chart) => chart.boxes), {
        timeout: 20_000,
      })
      .toEqual([answer.by_level.length * 2, answer.by_hire_type.length * 2])
    expect(await histogramBars(session)).toBe(nonEmptyBins(answer.histogram))
  })
})
