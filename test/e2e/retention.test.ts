import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser } from './signed-in-browser'
import { chooseDownload } from './page-checks'

describe('the retention view in Chromium', () => {
  const session = useSignedInBrowser('talent_lead')
  const url = session.url

  const linesPerChart = () =>
    session.page
      .locator('figure.survival-chart')
      .evaluateAll((charts) =>
        charts.map((chart) => chart.querySelectorAll('.recharts-line.survival-line').length),
      )

  it('draws one chart per area with both score bands, on the demo data', async () => {
    await session.page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Retention' })
      .click()
    await session.page.getByRole('heading', { name: 'Retention', level: 1 }).waitFor()
    await expect.poll(linesPerChart, { timeout: 20_000 }).toEqual([2, 2, 2, 2, 2])
    const areas = await session.page
      .locator('figure.survival-chart')
      .evaluateAll((charts) => charts.map((chart) => chart.getAttribute('data-area')))
    expect(areas).toEqual(['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'])
    expect(await session.page.getByTestId('retention-summary').textContent()).toContain(
      '92% benchmark',
    )
    expect(await session.page.locator('p.logrank').count()).toBe(5)
    await session.page.screenshot({ path: session.screenshot('retention.png'), fullPage: true })
  })

  it('downloads the numbers of one chart as CSV', async () => {
    const downloaded = session.page.waitForEvent('download')
    await chooseDownload(session.page, 'CSV')
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^retention-ownership-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('area,band,time_days,at_risk,events,censored,survival,ci_lower,ci_upper')
    expect(lines[1]).toMatch(/^Ownership & lifetimes,score ≥ 3,0,\d+,0,0,1,1,1$/)
    const table = session.page.locator('details.numbers-table').first()
    await table.locator('summary').click()
    expect(await table.locator('tbody tr').count()).toBe(lines.length - 1)
    await session.page
      .locator('section.survival-area')
      .first()
      .screenshot({
        path: session.screenshot('retention-table.png'),
      })
    await table.locator('summary').click()
  })

  it('updates the URL and the charts when the level changes', async () => {
    const curve = session.page.locator(
      'figure.survival-chart[data-area="judgment"] .survival-line--ge3 .recharts-line-curve',
    )
    const summary = session.page.getByTestId('retention-summary')
    const [curveBefore, summaryBefore] = [
      await curve.getAttribute('d'),
      await summary.textContent(),
    ]
    const answered = session.page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/retention') &&
        response.url().includes('level=senior'),
    )
    await session.page.getByLabel('Level').selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(session.page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).not.toBe(summaryBefore)
    await expect.poll(() => curve.getAttribute('d')).not.toBe(curveBefore)
    await expect.poll(linesPerChart).toEqual([2, 2, 2, 2, 2])
    await session.page.screenshot({
      path: session.screenshot('retention-senior.png'),
      fullPage: true,
    })
  })

  it('opens a shared link with its filters applied', async () => {
    await session.page.goto(`${url()}/retention?level=staff&hire_type=contract`)
    await expect.poll(() => session.page.getByLabel('Level').inputValue()).toBe('staff')
    expect(await session.page.getByLabel('Hire type').inputValue()).toBe('contract')
    await session.page
      .getByTestId('retention-summary')
      .or(session.page.getByText('No hires match'))
      .first()
      .waitFor()
    await session.page.screenshot({
      path: session.screenshot('retention-staff-contract.png'),
      fullPage: true,
    })
  })
})
