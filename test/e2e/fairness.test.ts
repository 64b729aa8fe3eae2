import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'
import { chooseDownload } from './page-checks'

const views = (page: Page) => page.getByRole('navigation', { name: 'Views' })

const barsOf = (page: Page, chart: string) =>
  page.locator(`figure[data-chart="${chart}"] .recharts-bar-rectangle`).count()

async function screenshotAt768(session: SignedInBrowser, name: string) {
  await session.page.setViewportSize({ width: 768, height: 1000 })
  await session.page.waitForTimeout(300)
  await session.page.screenshot({ path: session.screenshot(name), fullPage: true })
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

describe('the fairness view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws selection rates and impact ratios against the four-fifths line', async () => {
    const { page } = session
    await page.setViewportSize({ width: 1280, height: 900 })
    await views(page).getByRole('link', { name: 'Fairness' }).click()
    await page.getByRole('heading', { name: 'Fairness', level: 1 }).waitFor()
    const summary = page.getByTestId('fairness-summary')
    await summary.waitFor({ timeout: 20_000 })
    const groups = await page.getByTestId('fairness-table').locator('tbody tr').count()
    expect(groups).toBeGreaterThanOrEqual(2)
    expect(await barsOf(page, 'impact-ratio')).toBe(groups)
    expect(await barsOf(page, 'selection-rate')).toBe(groups)
    expect(
      await page.locator('figure[data-chart="impact-ratio"] .recharts-reference-line').count(),
    ).toBe(1)
    expect(await page.getByText('Four-fifths (0.8)').count()).toBeGreaterThan(0)
    await page.screenshot({ path: session.screenshot('fairness.png'), fullPage: true })
    await screenshotAt768(session, 'fairness-768.png')
  })

  it('downloads the numbers as CSV', async () => {
    const { page } = session
    const downloaded = page.waitForEvent('download')
    await chooseDownload(page, 'CSV')
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/^fairness-\d{4}-\d{2}-\d{2}-impact-ratio\.csv$/)
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'group,applicants,selected,selection_rate,impact_ratio,impact_ratio_ci_low,impact_ratio_ci_high,below_four_fifths,z_ir,z_ir_p,fisher_p,fisher_p_holm,flagged,reference',
    )
  })

  it('keeps the level in the URL and says why one level of the demo data is withheld', async () => {
    const { page } = session
    // One level beside all levels would differ by fewer than 5 applicants of a group.
    session.watch.allow(403, '/api/analytics/adverse-impact')
    const answered = page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/adverse-impact') &&
        response.url().includes('level=junior'),
    )
    await page.getByRole('combobox', { name: 'Level' }).selectOption('junior')
    expect((await answered).status()).toBe(403)
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('junior')
    const state = page.getByRole('status').filter({ hasText: 'not shown to you' })
    await state.waitFor()
    expect(await state.textContent()).toContain(
      'fewer than 5 applicants of one self-identified group',
    )
    expect(await page.getByTestId('fairness-table').count()).toBe(0)
    await page.screenshot({ path: session.screenshot('fairness-junior.png'), fullPage: true })
  })
})

describe('the fairness view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('has no nav entry, and a direct visit shows the withheld state', async () => {
    const { page } = session
    await views(page).getByRole('link', { name: 'Retention' }).waitFor()
    expect(await views(page).getByRole('link', { name: 'Fairness' }).count()).toBe(0)
    session.watch.allow(403, '/api/analytics/adverse-impact')
    await page.goto(`${session.url()}/fairness`)
    const withheld = page.getByRole('status').filter({ hasText: 'not shown to you' })
    await withheld.waitFor({ timeout: 20_000 })
    expect(await page.getByTestId('fairness-summary').count()).toBe(0)
    await page.screenshot({ path: session.screenshot('fairness-withheld.png'), fullPage: true })
  })
})
