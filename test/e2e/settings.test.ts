import { describe, expect, it } from 'vitest'
import type { UserRole } from '../../db/domain'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'

async function openSettings(session: SignedInBrowser) {
  await session.page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await session.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor()
}

async function screenshotBothWidths(session: SignedInBrowser, name: string) {
  await session.page.screenshot({ path: session.screenshot(`${name}.png`), fullPage: true })
  await session.page.setViewportSize({ width: 768, height: 1000 })
  await session.page.screenshot({ path: session.screenshot(`${name}-768.png`), fullPage: true })
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

describe('settings in Chromium, as an admin', () => {
  const session = useSignedInBrowser('admin')

  it('saves a level weight that is still there after a reload', async () => {
    const { page } = session
    await openSettings(session)
    expect(new URL(page.url()).pathname).toBe('/settings/rubrics')
    const ownership = page.getByRole('spinbutton', { name: 'Senior, Ownership & lifetimes' })
    const judgment = page.getByRole('spinbutton', { name: 'Senior, Judgment' })
    expect(await ownership.inputValue()).toBe('0.15')
    expect(await judgment.inputValue()).toBe('0.25')

    await ownership.fill('0.2')
    await expect
      .poll(() => page.getByText('Senior: the weights sum to 1.05; they must sum to 1').count())
      .toBe(1)
    await page.screenshot({ path: session.screenshot('settings-rubrics-invalid.png') })
    await judgment.fill('0.2')
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/rubrics/rust/weights') && response.ok(),
    )
    await page.getByRole('button', { name: 'Save weights' }).click()
    await saved
    await page.getByText('Saved: the analytics now use these weights.').waitFor()

    await page.reload()
    await expect.poll(() => ownership.inputValue(), { timeout: 10_000 }).toBe('0.2')
    expect(await judgment.inputValue()).toBe('0.2')
    await screenshotBothWidths(session, 'settings-rubrics')
  })

  it('adds a salary band with its source and date', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Settings sections' })
      .getByRole('link', { name: 'Benchmarks' })
      .click()
    expect(new URL(page.url()).pathname).toBe('/settings/benchmarks')
    await page.getByText('Glassdoor (Rust developer, US average and common range)').waitFor()
    await page.getByLabel('Level').selectOption('senior')
    await page.getByLabel('Metro').fill('Berlin')
    await page.getByLabel('Band low').fill('150000')
    await page.getByLabel('Band high').fill('200000')
    await page.getByLabel('Source', { exact: true }).fill('Offers we made in 2025')
    await page.getByLabel('Source date').fill('2026-01')
    await page.getByRole('button', { name: 'Add benchmark' }).click()
    const row = page.getByRole('row').filter({ hasText: 'Offers we made in 2025' })
    await row.waitFor()
    expect(await row.textContent()).toContain('range 150,000–200,000 USD')
    expect(await row.textContent()).toContain('2026-01')
    await screenshotBothWidths(session, 'settings-benchmarks')
  })

  it('adds a user with a generated password, shown once', async () => {
    const { page } = session
    await page.goto(`${session.url()}/settings/users`)
    await page.getByText('lead@demo.test').waitFor()
    await page.getByLabel('Email').fill('new.lead@demo.test')
    await page.getByLabel('Name', { exact: true }).fill('New Lead')
    await page.getByLabel('Role', { exact: true }).selectOption('talent_lead')
    await page.getByRole('button', { name: 'Add user' }).click()
    await page.getByText(/New password for new\.lead@demo\.test/).waitFor()
    expect(
      (await page.locator('.one-time-password code').textContent())!.length,
    ).toBeGreaterThanOrEqual(12)
    const row = page.getByRole('row').filter({ hasText: 'new.lead@demo.test' })
    await row.waitFor()
    expect(await row.getByRole('combobox').inputValue()).toBe('talent_lead')
    await screenshotBothWidths(session, 'settings-users')
  })
})

function readOnlyFor(role: UserRole) {
  describe(`settings in Chromium, as a ${role}`, () => {
    const session = useSignedInBrowser(role)

    it('shows the weights and benchmarks read-only, without users', async () => {
      const { page } = session
      await openSettings(session)
      await page.getByRole('heading', { name: 'Rust engineer rust' }).waitFor()
      expect(await page.getByRole('spinbutton').count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Save weights' }).count()).toBe(0)
      await page.getByText('only an admin can change them').waitFor()
      const sections = page.getByRole('navigation', { name: 'Settings sections' })
      expect(await sections.getByRole('link').allTextContents()).toEqual([
        'Rubrics',
        'Benchmarks',
        'API tokens',
      ])
      await screenshotBothWidths(session, `settings-${role}`)

      await sections.getByRole('link', { name: 'Benchmarks' }).click()
      await page.getByText('IT staffing firm, direct-hire placements').waitFor()
      expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0)
      expect(await page.getByRole('heading', { name: 'Add a benchmark' }).count()).toBe(0)

      await page.goto(`${session.url()}/settings/users`)
      await page.getByText('Only admins manage users.').waitFor()

      await page.goto(`${session.url()}/settings/tokens`)
      await page.getByLabel('New token name').fill('weekly report')
      await page.getByRole('button', { name: 'Create token' }).click()
      await page.getByText(/shown only now/).waitFor()
      await page.getByRole('row').filter({ hasText: 'weekly report' }).waitFor()
      await page.screenshot({ path: session.screenshot(`settings-tokens-${role}.png`) })
    })
  })
}

readOnlyFor('talent_lead')
readOnlyFor('hiring_manager')
