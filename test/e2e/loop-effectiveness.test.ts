import { describe, expect, it } from 'vitest'
import { useSignedInBrowser } from './signed-in-browser'

describe('the loop effectiveness view in Chromium', () => {
  const session = useSignedInBrowser('talent_lead')
  const url = session.url

  it('plots five areas, observed and corrected, on the demo data', async () => {
    await session.page.goto(url())
    await session.page.getByRole('heading', { name: 'Loop effectiveness' }).waitFor()
    await session.page.getByText('generated demo data').waitFor()
    await session.page.getByRole('banner').getByText('lead@demo.test · Talent lead').waitFor()
    const observed = session.page.locator('[data-series="observed"]')
    await expect.poll(() => observed.count(), { timeout: 20_000 }).toBe(5)
    expect(await session.page.locator('[data-series="corrected"]').count()).toBe(5)
    const areas = await observed.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-area')),
    )
    expect(areas).toEqual(['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'])
    expect(await session.page.locator('table.validity-table tbody tr').count()).toBe(5)
    await session.page.screenshot({
      path: session.screenshot('loop-effectiveness.png'),
      fullPage: true,
    })
  })

  it('updates the URL, the counts and the chart when the level changes', async () => {
    const counts = session.page.locator('p.counts')
    const before = await counts.textContent()
    const answered = session.page.waitForResponse(
      (response) =>
        response.url().includes('/api/analytics/validity') &&
        response.url().includes('level=senior'),
    )
    await session.page.getByLabel('Level').selectOption('senior')
    expect((await answered).status()).toBe(200)
    await expect.poll(() => new URL(session.page.url()).searchParams.get('level')).toBe('senior')
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).not.toBe(before)
    expect(await session.page.getByTestId('validity-summary').textContent()).toContain('senior')
    await expect.poll(() => session.page.locator('[data-series="observed"]').count()).toBe(5)
    await session.page.screenshot({
      path: session.screenshot('loop-effectiveness-senior.png'),
      fullPage: true,
    })
  })

  it('opens a shared link with its filters applied', async () => {
    await session.page.goto(`${url()}/?level=staff`)
    await expect.poll(() => session.page.getByLabel('Level').inputValue()).toBe('staff')
    await session.page.goto(`${url()}/how-its-computed`)
    await session.page.getByRole('heading', { name: "How it's computed" }).waitFor()
    expect(await session.page.getByText('Thorndike').count()).toBeGreaterThan(0)
  })

  it('shows an API error plainly instead of a blank page', async () => {
    session.watch.allow(400, '/api/analytics/validity')
    await session.page.goto(`${url()}/?as_of=2026-02-30`)
    const alert = session.page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('as_of must be a calendar date')
    expect(await session.page.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    await session.page.screenshot({ path: session.screenshot('loop-effectiveness-error.png') })
  })
})
