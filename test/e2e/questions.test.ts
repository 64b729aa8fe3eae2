import { describe, expect, it } from 'vitest'
import { expectNoSidewaysScroll } from './page-checks'
import { useSignedInBrowser } from './signed-in-browser'

describe('the questions view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws a panel per area on the demo data: sentence, raw and shrunk intervals, table', async () => {
    const { page } = session
    await page.setViewportSize({ width: 1280, height: 900 })
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Questions' })
      .click()
    await page.getByRole('heading', { name: 'Questions', level: 1 }).waitFor()
    const judgment = page.getByTestId('questions-table-judgment')
    await judgment.waitFor({ timeout: 30_000 })
    // Five areas, each with a bank of three questions; the third is asked too rarely to tell.
    expect(await page.locator('table.questions-table').count()).toBe(5)
    expect(await judgment.locator('tbody tr').count()).toBe(3)
    expect(await judgment.locator('tbody tr.is-insufficient').count()).toBe(1)
    expect(await page.locator('[data-series="raw"]').count()).toBe(10)
    expect(await page.locator('[data-series="shrunk"]').count()).toBe(10)
    expect(await page.getByTestId('questions-summary-judgment').textContent()).toMatch(
      /went with staying twelve months/,
    )
    await page.screenshot({ path: session.screenshot('questions.png'), fullPage: true })
    await page
      .locator('section', { has: judgment })
      .screenshot({ path: session.screenshot('questions-judgment.png') })
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.waitForTimeout(300)
    await expectNoSidewaysScroll(page)
    await page.screenshot({ path: session.screenshot('questions-768-screen.png') })
    await page.setViewportSize({ width: 1280, height: 900 })
  })
})
