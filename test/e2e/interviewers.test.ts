import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'

const table = (page: Page) => page.getByTestId('interviewer-table')

/** The interviewer of each table row, top to bottom. */
const rowOrder = (page: Page) =>
  table(page)
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-interviewer')))

/** Series drawn in a chart, and the points across them. */
/** How many series one dot-and-interval chart draws: one per kind of marker in use. */
const seriesOf = (page: Page, chart: string) =>
  page
    .locator(`[data-chart="${chart}"] [data-series]`)
    .evaluateAll((marks) => new Set(marks.map((mark) => mark.getAttribute('data-series'))).size)

const leniencyDrawing = (page: Page) =>
  page.locator('[data-chart="leniency"] svg.interval-plot__drawing').innerHTML()

/** The whole page at 768 px wide, and its first screen at a size that can be read. */
async function screenshotAt768(session: SignedInBrowser, name: string) {
  await session.page.setViewportSize({ width: 768, height: 1000 })
  // The charts measure their container again after a resize.
  await session.page.waitForTimeout(300)
  await session.page.screenshot({ path: session.screenshot(`${name}.png`), fullPage: true })
  await session.page.screenshot({ path: session.screenshot(`${name}-screen.png`) })
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

describe('the interviewers view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws the table, leniency, AUC and distribution charts and reliability on the demo data', async () => {
    const { page } = session
    await page.setViewportSize({ width: 1280, height: 900 })
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Interviewers' })
      .click()
    await page.getByRole('heading', { name: 'Interviewers', level: 1 }).waitFor()
    await expect.poll(() => rowOrder(page), { timeout: 20_000 }).toHaveLength(25)
    // Every interviewer has a leniency and a shrunk one: a marker each, over the kinds in the legend.
    const kinds = await page.locator('[data-chart="leniency"] .chart-legend__item').count()
    expect(await seriesOf(page, 'leniency')).toBe(kinds)
    expect(await page.locator('[data-chart="leniency"] [data-series="shrunk"]').count()).toBe(25)
    expect(await page.locator('[data-chart="leniency"] [data-series]').count()).toBe(50)
    // Nobody has rated 30 hires with a known outcome: no AUC is drawn or written, raw or
    // shrunk, and the panel and every row say why.
    expect(await page.locator('[data-chart="auc"]').count()).toBe(0)
    expect(
      await page
        .getByRole('region', { name: 'Did their ratings predict who stayed?' })
        .textContent(),
    ).toContain('Too few hires to tell')
    expect(await table(page).getByText('too few hires', { exact: true }).count()).toBe(25)
    // One stacked series per rating value used: 1, 2, 2.5, 3 and 4.
    expect(
      await page.locator('.distribution-chart .recharts-bar.distribution-series').count(),
    ).toBe(5)
    expect(await page.locator('table.reliability-table tbody tr').count()).toBe(5)
    expect(await page.getByTestId('interviewers-summary').textContent()).toMatch(
      /^Of 25 interviewers/,
    )
    await page.screenshot({ path: session.screenshot('interviewers.png'), fullPage: true })
    await screenshotAt768(session, 'interviewers-768')
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.locator('[data-chart="leniency"]').screenshot({
      path: session.screenshot('interviewers-leniency-768.png'),
    })
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('sorts by a column header, keeping the order in the URL', async () => {
    const { page } = session
    const before = await rowOrder(page)
    const header = table(page).getByRole('button', { name: /^Ratings/ })
    await header.click()
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('n_ratings')
    expect(new URL(page.url()).searchParams.get('order')).toBe('desc')
    // The URL changes a moment before the table draws in the new order.
    await expect.poll(() => header.locator('xpath=..').getAttribute('aria-sort')).toBe('descending')
    const after = await rowOrder(page)
    expect(after).not.toEqual(before)
    const counts = await table(page)
      .locator('tbody tr td:nth-of-type(1)')
      .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)))
    expect(counts).toEqual([...counts].sort((a, b) => b - a))
    // The charts keep their ranking by the shrunk figure, the table's default order: one row
    // per interviewer, top to bottom, each with its raw and shrunk marker.
    const chartOrder = await page
      .locator('[data-chart="leniency"] [data-row]')
      .evaluateAll((marks) => [...new Set(marks.map((mark) => mark.getAttribute('data-row')))])
    expect(chartOrder).toEqual(before)
    // From the keyboard: the header is a button, Enter flips the order.
    await header.focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('asc')
  })

  it("opens an interviewer's ratings by clicking their name, with a shareable URL", async () => {
    const { page } = session
    const first = (await rowOrder(page))[0]!
    await table(page).getByRole('link', { name: first, exact: true }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/interviewers/${first}`)
    expect(new URL(page.url()).searchParams.get('sort')).toBe('n_ratings')
    const heading = page.getByRole('heading', { name: `Ratings by ${first}` })
    await heading.waitFor()
    expect(await heading.evaluate((node) => node === document.activeElement)).toBe(true)
    const ratings = page.locator('table.ratings-table tbody tr')
    await expect.poll(() => ratings.count(), { timeout: 10_000 }).toBe(25)
    expect(await page.getByTestId('ratings-range').textContent()).toMatch(/^1–25 of \d+$/)
    await page.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => page.getByTestId('ratings-range').textContent()).toMatch(/^26–/)
    await page.locator('section.ratings-panel').screenshot({
      path: session.screenshot('interviewers-ratings.png'),
    })
    // The same link opened afresh shows the same interviewer.
    await page.goto(page.url())
    await page.getByRole('heading', { name: `Ratings by ${first}` }).waitFor()
    await screenshotAt768(session, 'interviewers-ratings-768')
    await page.getByRole('link', { name: 'Close' }).click()
    await expect.poll(() => new URL(page.url()).pathname).toBe('/interviewers')
  })

  it('updates the URL and the charts when the level changes', async () => {
    const { page } = session
    const drawingBefore = await leniencyDrawing(page)
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/interviewers') &&
        response.url().includes('level=senior'),
    )
    await page.getByLabel('Level').selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('senior')
    // The sort stays as it was.
    expect(new URL(page.url()).searchParams.get('sort')).toBe('n_ratings')
    await expect.poll(() => leniencyDrawing(page), { timeout: 10_000 }).not.toBe(drawingBefore)
    await page.screenshot({ path: session.screenshot('interviewers-senior.png'), fullPage: true })
  })
})

describe('the interviewers view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it("shows the organisation's figures and only the ratings of the manager's own requisitions", async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Interviewers' })
      .click()
    await expect.poll(() => rowOrder(page), { timeout: 20_000 }).toHaveLength(25)
    const first = (await rowOrder(page))[0]!
    await table(page).getByRole('link', { name: first, exact: true }).click()
    await page.getByRole('heading', { name: `Ratings by ${first}` }).waitFor()
    const ownRequisitions = await page.evaluate(async () => {
      const response = await fetch('/api/requisitions?limit=500')
      const body = (await response.json()) as { items: { id: string }[] }
      return body.items.map((item) => item.id)
    })
    await page
      .locator('table.ratings-table tbody tr')
      .first()
      .or(page.getByText(/^No ratings by/))
      .waitFor()
    const shown = await page
      .locator('table.ratings-table tbody tr td:nth-of-type(3) .row-note')
      .allTextContents()
    for (const requisition of shown) expect(ownRequisitions).toContain(requisition)
  })
})

describe('the interviewers view in Chromium, as an admin', () => {
  const session = useSignedInBrowser('admin')

  it('has the nav entry and draws the table', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Interviewers' })
      .click()
    await expect.poll(() => rowOrder(page), { timeout: 20_000 }).toHaveLength(25)
  })
})
