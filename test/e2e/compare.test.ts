import { describe, expect, it } from 'vitest'
import { expectNoSidewaysScroll } from './page-checks'
import { useSignedInBrowser } from './signed-in-browser'

describe('comparing candidates in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  const barSeries = () => session.page.locator('figure.compare-chart .recharts-bar').count()

  it('sets two, then three candidates of an own requisition side by side', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Compare candidates' })
      .click()
    await page.getByRole('heading', { name: 'Compare candidates', level: 1 }).waitFor()
    const requisition = page.getByLabel('Requisition')
    await requisition.waitFor()
    const firstOwn = await requisition.locator('option').nth(1).getAttribute('value')
    await requisition.selectOption(firstOwn)
    await expect.poll(() => new URL(page.url()).searchParams.get('requisition')).toBe(firstOwn)
    const boxes = page.getByRole('group', { name: /Candidates to compare/ }).getByRole('checkbox')
    await boxes.first().waitFor()
    // The picker: the requisition's id beside its title, each candidate's composite, best first.
    expect(await requisition.locator('option:checked').textContent()).toContain(`(${firstOwn})`)
    const composites = (await page.getByTestId('picker-composite').allTextContents())
      .filter((text) => text !== 'no ratings')
      .map(Number)
    expect(composites.length).toBeGreaterThan(1)
    expect(composites).toEqual([...composites].sort((a, b) => b - a))
    const everyone = await boxes.count()
    await page.getByLabel(/^Still open/).check()
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('open')
    await expect.poll(() => boxes.count()).toBeLessThan(everyone)
    await page.getByLabel(/^All/).check()
    await expect.poll(() => boxes.count()).toBe(everyone)
    const firstId = await boxes.first().getAttribute('value')
    await page.getByLabel('Search candidates').fill(firstId!)
    await expect.poll(() => boxes.count()).toBe(1)
    await page.screenshot({ path: session.screenshot('compare-search.png'), fullPage: true })
    await page.getByLabel('Search candidates').fill('')
    await expect.poll(() => boxes.count()).toBe(everyone)
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.locator('table.compare-table').waitFor()
    await expect.poll(barSeries, { timeout: 20_000 }).toBe(2)
    expect(await page.locator('table.compare-table thead th').count()).toBe(2)
    expect(await page.getByTestId('model-note').textContent()).toMatch(
      /statistical estimate, not a decision|No retention estimate/,
    )
    expect(await page.getByTestId('prediction').count()).toBe(2)
    expect(await page.getByTestId('adjustment-note').textContent()).toMatch(
      /adjusted for interviewer leniency, shrunk for few ratings|Not adjusted for interviewer leniency/,
    )
    expect(
      await page.locator('figure.compare-chart .recharts-yAxis-tick-labels text').allTextContents(),
    ).toEqual(['1', '2', '3', '4'])
    await page.screenshot({ path: session.screenshot('compare-two.png'), fullPage: true })

    await boxes.nth(2).check()
    await expect
      .poll(() => new URL(page.url()).searchParams.get('applications')?.split(',').length)
      .toBe(3)
    await expect.poll(barSeries).toBe(3)
    expect(await page.locator('table.compare-table thead th').count()).toBe(3)
    await page.screenshot({ path: session.screenshot('compare-three.png'), fullPage: true })
  })

  it('fits a 768 px wide window', async () => {
    const { page } = session
    await page.setViewportSize({ width: 768, height: 1000 })
    await expect.poll(barSeries).toBe(3)
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: session.screenshot('compare-768.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it("opens a shared link, and says so for a candidate that is not one of the manager's", async () => {
    const { page } = session
    const shared = page.url()
    await page.goto(shared)
    await page.locator('table.compare-table').waitFor()
    expect(await page.locator('table.compare-table thead th').count()).toBe(3)
    session.watch.allow(404, '/api/compare')
    const requisition = new URL(shared).searchParams.get('requisition')!
    await page.goto(`${session.url()}/compare?requisition=${requisition}&applications=NOT-A,NOT-B`)
    await page.getByText(/does not exist, or is not in your requisitions/).waitFor()
  })
})
