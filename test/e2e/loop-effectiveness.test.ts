import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'
import { chooseDownload, expectNoSidewaysScroll } from './page-checks'

const AREAS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment']
const PANEL_ENDPOINTS = [
  'validity',
  'model',
  'composite',
  'loop-time',
  'incremental-validity',
  'panel-sizing',
  'validity-over-time',
].map((name) => `/api/analytics/${name}`)

const panel = (page: Page, title: string) =>
  page.locator('section.panel', { has: page.getByRole('heading', { name: title, level: 2 }) })

/** Data attributes of the points or bars of one series, in drawing order. */
const areasOf = (page: Page, series: string) =>
  page
    .locator(`[data-series="${series}"]`)
    .evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-row') ?? node.getAttribute('data-area')),
    )

/** A full-page screenshot at 768 px wide, and one of each named panel, close enough to read. */
async function screenshotAt768(session: SignedInBrowser, name: string, panels: string[] = []) {
  await session.page.setViewportSize({ width: 768, height: 1000 })
  // The charts measure their container again after a resize.
  await session.page.waitForTimeout(300)
  await session.page.screenshot({ path: session.screenshot(`${name}.png`), fullPage: true })
  for (const [index, title] of panels.entries()) {
    await panel(session.page, title).screenshot({
      path: session.screenshot(`${name}-panel-${String(index + 1)}.png`),
    })
  }
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

async function waitForEveryPanel(page: Page) {
  await expect.poll(() => areasOf(page, 'observed'), { timeout: 20_000 }).toEqual(AREAS)
  await expect.poll(() => areasOf(page, 'share'), { timeout: 20_000 }).toEqual(AREAS)
  await page.getByTestId('model-summary').waitFor()
  await page.getByTestId('composite-summary').waitFor()
  await page.getByTestId('incremental-summary').waitFor()
  await page.getByTestId('panel-sizing-summary').waitFor()
}

describe('the loop effectiveness view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')
  const url = session.url

  it('draws every panel on the demo data: forest plot, model, composite and loop time', async () => {
    const { page } = session
    await page.goto(url())
    await page.getByRole('heading', { name: 'Loop effectiveness' }).waitFor()
    await page.getByText('generated demo data').waitFor()
    await page.getByRole('banner').getByText('lead@demo.test · Talent lead').waitFor()
    await waitForEveryPanel(page)
    expect(await areasOf(page, 'corrected')).toEqual(AREAS)
    expect(
      await page
        .locator('table.validity-table:not(.weights-table):not(.composite-table) tbody tr')
        .count(),
    ).toBe(5)
    // The model: one series, a point per area; the loop time: two series, a bar per area each.
    expect(await page.locator('.odds-ratio-chart figure').count()).toBe(1)
    expect(await areasOf(page, 'odds-ratio')).toEqual(AREAS)
    expect(
      await page
        .locator('.loop-time-chart [data-series]')
        .evaluateAll(
          (nodes) => new Set(nodes.map((node) => node.getAttribute('data-series'))).size,
        ),
    ).toBe(2)
    expect(await areasOf(page, 'validity')).toEqual(AREAS)
    expect(await page.getByTestId('model-cv-auc').textContent()).toMatch(/^0\.\d\d$/)
    expect(await page.getByTestId('loop-time-summary').textContent()).toContain(
      'typical loops spend 40%–60% there',
    )
    // Validity over time: no half-year of the demo data reaches the floor for an r, so the
    // panel says so and draws time to hire and retention by half-year.
    const overTime = panel(page, 'Validity over time: is the loop getting better?')
    await overTime.getByTestId('timeline-trends').waitFor()
    expect(await overTime.getByTestId('timeline-too-few').count()).toBe(1)
    expect(await overTime.locator('[data-series="time_to_hire"]').count()).toBeGreaterThan(3)
    const composites = panel(page, 'Composite weights: current, suggested and what-if')
    expect(
      await composites
        .locator('tr[data-composite]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-composite'))),
    ).toEqual(['current', 'suggested', 'proposed'])
    // One quiet menu per chart, in place of three buttons each.
    const menus = page.getByRole('button', { name: 'Download', exact: true })
    expect(await menus.count()).toBe(6)
    expect(
      await menus.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-haspopup'))),
    ).toEqual(['menu', 'menu', 'menu', 'menu', 'menu', 'menu'])
    // What each area adds, and panel sizing: a row per area, and the words the tests allow.
    const increments = panel(page, 'What each area adds beyond the others')
    expect(await increments.locator('tbody tr').count()).toBe(5)
    expect(await page.getByTestId('incremental-summary').textContent()).toMatch(
      /add to what the other areas predict|detects nothing added|cannot tell/,
    )
    const sizing = panel(page, 'Panel sizing: how many interviewers each area needs')
    expect(
      await sizing
        .locator('tbody tr')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-area'))),
    ).toEqual(AREAS)
    expect(await sizing.getByTestId('panel-sizing-notes').textContent()).toContain(
      'interviewer-hours a quarter',
    )
    await page.screenshot({ path: session.screenshot('loop-effectiveness.png'), fullPage: true })
    await screenshotAt768(session, 'loop-effectiveness-768', [
      'All areas together: the multivariable model',
      'Composite weights: current, suggested and what-if',
      'Loop time beside validity',
      'What each area adds beyond the others',
      'Panel sizing: how many interviewers each area needs',
    ])
  })

  it('downloads the validity numbers of the forest plot as CSV', async () => {
    const downloaded = session.page.waitForEvent('download')
    await chooseDownload(panel(session.page, 'Which areas predict hires that stayed'), 'CSV')
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^validity-\d{4}-\d{2}-\d{2}\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toMatch(/^area_key,area,hires,pool,r,r_ci_lower,r_ci_upper,r_corrected,/)
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(AREAS)
  })

  it('downloads the forest plot as a standalone SVG and as a PNG at twice its size', async () => {
    const forest = panel(session.page, 'Which areas predict hires that stayed')
    const drawnWidth = await forest
      .locator('svg.interval-plot__drawing')
      .evaluate((svg) => Math.round(svg.getBoundingClientRect().width))

    const svgDownload = session.page.waitForEvent('download')
    const menu = forest.getByRole('button', { name: 'Download', exact: true })
    await menu.focus()
    await session.page.keyboard.press('ArrowDown')
    expect(await menu.getAttribute('aria-expanded')).toBe('true')
    await session.page.keyboard.press('Escape')
    expect(await menu.getAttribute('aria-expanded')).toBe('false')
    expect(await forest.getByRole('menu').count()).toBe(0)
    await chooseDownload(forest, 'SVG')
    const svgFile = await svgDownload
    expect(svgFile.suggestedFilename()).toMatch(/^validity-\d{4}-\d{2}-\d{2}\.svg$/)
    const svg = readFileSync(await svgFile.path(), 'utf8')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"')
    expect(svg.match(/data-series="observed"/g)).toHaveLength(AREAS.length)
    expect(svg.match(/data-series="corrected"/g)).toHaveLength(AREAS.length)

    const pngDownload = session.page.waitForEvent('download')
    // By keyboard: open, move to the third item, choose it.
    await menu.focus()
    await session.page.keyboard.press('Enter')
    await session.page.keyboard.press('ArrowDown')
    await session.page.keyboard.press('ArrowDown')
    expect(await session.page.evaluate(() => document.activeElement?.textContent)).toMatch(/^PNG/)
    await session.page.keyboard.press('Enter')
    const pngFile = await pngDownload
    expect(pngFile.suggestedFilename()).toMatch(/^validity-\d{4}-\d{2}-\d{2}\.png$/)
    const png = readFileSync(await pngFile.path())
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
    // The IHDR chunk holds the width, then the height, as big-endian 32-bit numbers.
    expect(png.readUInt32BE(16)).toBe(drawnWidth * 2)
    await pngFile.saveAs(session.screenshot('forest-plot-download.png'))
  })

  it('fits a 390 px phone: no sideways page scroll, chart text of 10 px or more, views folded', async () => {
    const { page } = session
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(url())
    await waitForEveryPanel(page)
    // The charts measure their room again after the resize.
    await page.waitForTimeout(300)
    const facts = await page.evaluate(() => {
      const page = document.scrollingElement!
      const sizes = [...document.querySelectorAll('main svg text')]
        .filter((text) => text.getClientRects().length > 0 && text.textContent.trim() !== '')
        .map((text) => {
          const matrix = (text as SVGTextElement).getScreenCTM()!
          return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b)
        })
      const table = document.querySelector('table.validity-table')!.closest('.table-scroll')!
      return {
        pageWidth: page.scrollWidth,
        viewport: page.clientWidth,
        texts: sizes.length,
        smallestText: Math.min(...sizes),
        tableScrolls: table.scrollWidth > table.clientWidth,
        tableCue: getComputedStyle(table).backgroundImage,
      }
    })
    expect(facts.pageWidth).toBeLessThanOrEqual(facts.viewport)
    expect(facts.texts).toBeGreaterThan(20)
    expect(facts.smallestText).toBeGreaterThanOrEqual(10)
    // A wide table scrolls inside its panel, with shadows at its edges saying there is more.
    expect(facts.tableScrolls).toBe(true)
    expect(facts.tableCue).toContain('radial-gradient')
    // The views fold behind one button.
    const views = page.getByRole('navigation', { name: 'Views' })
    expect(await views.getByRole('link', { name: 'Sources' }).isVisible()).toBe(false)
    await views.getByRole('button', { name: 'Views' }).click()
    await views.getByRole('link', { name: 'Sources' }).click()
    await page.getByRole('heading', { name: 'Sources', level: 1 }).waitFor()
    await page.getByTestId('sources-table').waitFor()
    expect(await views.getByRole('link', { name: 'Sources' }).isVisible()).toBe(false)
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: session.screenshot('sources-390.png'), fullPage: true })
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(url())
    await waitForEveryPanel(page)
  })

  it('scores a what-if weighting, keeps it in the URL and shows it beside current and suggested', async () => {
    const { page } = session
    const proposed = page.locator('tr[data-composite="proposed"]')
    expect(await proposed.textContent()).toContain('Change a weight above')
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/composite') && response.url().includes('weights='),
    )
    const judgment = page.getByLabel('Your weight for Judgment')
    await judgment.fill('2')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(page.url()).searchParams.get('weights')).toMatch(/judgment:2$/)
    await expect.poll(() => proposed.textContent()).not.toContain('Change a weight above')
    expect(await proposed.locator('.composite-table__cv').textContent()).toMatch(/^0\.\d\d$/)
    expect(await page.getByTestId('weight-sum').textContent()).toBe('2.80')

    await page.getByLabel('Your weight for Ownership & lifetimes').fill('-1')
    expect(await page.getByRole('alert').textContent()).toBe(
      'Ownership & lifetimes: a weight cannot be negative.',
    )
    expect(new URL(page.url()).searchParams.get('weights')).toMatch(/judgment:2$/)
    await page.getByLabel('Your weight for Ownership & lifetimes').fill('0.2')
    await panel(page, 'Composite weights: current, suggested and what-if').screenshot({
      path: session.screenshot('loop-effectiveness-what-if.png'),
    })
  })

  it('updates the URL and every chart when the level changes, keeping the proposal', async () => {
    const { page } = session
    const counts = page.locator('p.counts')
    const shareBars = () =>
      page
        .locator('[data-series="share"]')
        .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('width')))
    const [countsBefore, barsBefore, modelBefore] = [
      await counts.textContent(),
      await shareBars(),
      await page.getByTestId('model-summary').textContent(),
    ]
    const answered = Promise.all(
      PANEL_ENDPOINTS.map((path) =>
        page.waitForResponse(
          (response) => response.url().includes(path) && response.url().includes('level=senior'),
        ),
      ),
    )
    await page.getByLabel('Level').selectOption('senior')
    expect((await answered).map((response) => response.status())).toEqual(
      PANEL_ENDPOINTS.map(() => 200),
    )
    const params = () => new URL(page.url()).searchParams
    await expect.poll(() => params().get('level')).toBe('senior')
    expect(params().get('weights')).toMatch(/judgment:2$/)
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).not.toBe(countsBefore)
    await expect.poll(shareBars).not.toEqual(barsBefore)
    await expect.poll(() => page.getByTestId('model-summary').textContent()).not.toBe(modelBefore)
    expect(await page.getByTestId('validity-summary').textContent()).toContain('senior')
    await expect.poll(() => areasOf(page, 'observed')).toEqual(AREAS)
    expect(await page.getByRole('columnheader', { name: 'senior', exact: true }).count()).toBe(1)
    await page.screenshot({
      path: session.screenshot('loop-effectiveness-senior.png'),
      fullPage: true,
    })
  })

  it('explains a model it cannot fit instead of printing its numbers', async () => {
    const { page } = session
    await page.goto(`${url()}/?level=staff`)
    await expect.poll(() => page.getByLabel('Level').inputValue()).toBe('staff')
    const summary = page.getByTestId('model-summary')
    await expect
      .poll(() => summary.textContent(), { timeout: 20_000 })
      .toMatch(/No odds ratios are shown\.$/)
    expect(await page.locator('[data-series="odds-ratio"]').count()).toBe(0)
    await panel(page, 'All areas together: the multivariable model').screenshot({
      path: session.screenshot('loop-effectiveness-staff-model.png'),
    })
    await page.goto(`${url()}/how-its-computed`)
    await page.getByRole('heading', { name: "How it's computed" }).waitFor()
    expect(await page.getByText('Thorndike').count()).toBeGreaterThan(0)
  })

  it('shows an API error plainly in each panel instead of a blank page', async () => {
    for (const path of PANEL_ENDPOINTS) session.watch.allow(400, path)
    await session.page.goto(`${url()}/?as_of=2026-02-30`)
    const alerts = session.page.getByRole('alert')
    await expect.poll(() => alerts.count(), { timeout: 10_000 }).toBe(7)
    for (const text of await alerts.allTextContents()) {
      expect(text).toContain('as_of must be a calendar date')
    }
    expect(await session.page.getByRole('button', { name: 'Try again' }).count()).toBe(7)
    await session.page.screenshot({ path: session.screenshot('loop-effectiveness-error.png') })
  })
})

describe('the loop effectiveness view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')
  const url = session.url

  it('draws every panel over the organisation when there are enough hires', async () => {
    const { page } = session
    await page.goto(url())
    await page.getByRole('banner').getByText('manager@demo.test · Hiring manager').waitFor()
    await expect
      .poll(() =>
        page
          .getByRole('navigation', { name: 'Views' })
          .getByRole('link', { name: 'Loop effectiveness' })
          .count(),
      )
      .toBe(1)
    await waitForEveryPanel(page)
    // The figures say they are the organisation's as of the last quarter end, and why.
    expect(
      await page.getByRole('note', { name: 'How these figures are limited' }).textContent(),
    ).toContain(
      'Organisation-wide figures for hiring managers: as of the end of the last complete quarter',
    )
    expect(await areasOf(page, 'odds-ratio')).toEqual(AREAS)
    expect(
      await page
        .locator('.loop-time-chart [data-series]')
        .evaluateAll(
          (nodes) => new Set(nodes.map((node) => node.getAttribute('data-series'))).size,
        ),
    ).toBe(2)
    await page.getByLabel('Your weight for Judgment').fill('1')
    await expect.poll(() => new URL(page.url()).searchParams.get('weights')).toMatch(/judgment:1$/)
    await expect
      .poll(() => page.locator('tr[data-composite="proposed"]').textContent())
      .not.toContain('Change a weight above')
    await page.screenshot({
      path: session.screenshot('loop-effectiveness-manager.png'),
      fullPage: true,
    })
  })

  it('filters by application dates and shows how disclosure control widened them', async () => {
    const { page } = session
    // The demo's three years end today: a range from two years back into last year.
    const year = new Date().getUTCFullYear()
    const [from, to, before] = [`${year - 2}-03-01`, `${year - 1}-05-31`, `${year - 2}-02-01`]
    await page.getByLabel('Applied from').fill(from)
    await page.getByLabel('Applied to').fill(before)
    expect(await page.getByRole('alert').first().textContent()).toContain(
      '“Applied from” must be on or before “applied to”.',
    )
    expect(new URL(page.url()).searchParams.get('to')).toBeNull()
    await page.getByLabel('Applied to').fill(to)
    await expect.poll(() => new URL(page.url()).searchParams.get('to')).toBe(to)
    // A hiring manager's organisation-wide figures cover whole years: the server says which.
    const note = page.getByRole('note', { name: 'How these figures are limited' })
    await expect.poll(() => note.textContent()).toContain(`(asked: ${from} to ${to}).`)
    expect(await note.textContent()).toContain(`Shown: applications of ${year - 2} to `)
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBeNull()
    expect(new URL(page.url()).searchParams.get('to')).toBeNull()
  })

  it("shows the server's reason in each panel withheld below ten hires", async () => {
    const { page } = session
    for (const path of PANEL_ENDPOINTS) session.watch.allow(403, path)
    await page.getByLabel('Level').selectOption('principal')
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('principal')
    const withheld = page.locator('.panel-state--withheld')
    await expect.poll(() => withheld.count(), { timeout: 10_000 }).toBe(7)
    for (const text of await withheld.allTextContents()) {
      expect(text).toContain('shown to hiring managers over at least 10 hires')
    }
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await screenshotAt768(session, 'loop-effectiveness-manager-withheld-768')
  })
})
