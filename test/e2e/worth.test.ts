import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'
import { expectNoSidewaysScroll } from './page-checks'

const panel = (page: Page, title: string) =>
  page.locator('section.panel', { has: page.getByRole('heading', { name: title, level: 2 }) })

async function openWorth(session: SignedInBrowser, search = '') {
  const { page } = session
  await page.goto(`${session.url()}/worth${search}`)
  await page.getByTestId('taylor-russell').waitFor({ timeout: 30_000 })
  await page.getByTestId('utility-summary').waitFor({ timeout: 30_000 })
}

describe('the worth view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('draws the expectancy chart and the dollar figure on the demo data, inputs in the link', async () => {
    const { page } = session
    await openWorth(session)
    expect(await page.getByTestId('taylor-russell').textContent()).toMatch(
      /picking at random from the same applicants, about \d+% would have/,
    )
    expect(await page.getByTestId('utility-summary').textContent()).toMatch(/\$/)
    await expect
      .poll(() =>
        panel(page, 'Who stays, by composite score').locator('.recharts-bar-rectangle').count(),
      )
      .toBeGreaterThan(0)
    await page.setViewportSize({ width: 1280, height: 1600 })
    await page.waitForTimeout(300)
    await page.screenshot({ path: session.screenshot('worth.png'), fullPage: true })
    await page.getByLabel(/Interviewer cost per hour/).fill('150')
    await page.getByRole('button', { name: 'Recompute' }).click()
    await expect.poll(() => new URL(page.url()).searchParams.get('hourly_cost')).toBe('150')
    await expect
      .poll(() => panel(page, 'The loop in dollars a year').textContent())
      .toContain('at $150 an hour')
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.waitForTimeout(300)
    await expectNoSidewaysScroll(page)
  })
})

describe('the worth view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('shows the organisation-wide figures within disclosure control', async () => {
    const { page } = session
    await openWorth(session)
    expect(await page.getByTestId('taylor-russell').textContent()).toMatch(/at random/)
    await page.screenshot({ path: session.screenshot('worth-manager.png'), fullPage: true })
  })
})
