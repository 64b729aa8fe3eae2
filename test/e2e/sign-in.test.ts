import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../api/auth/first-users'
import { signInThroughForm, watchPage, type PageWatch } from './page-checks'
import { launchBrowser, startServer, type RunningServer } from './server'

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')
// Each panel of the home view asks for its own figures.
const HOME_PANELS = [
  'validity',
  'model',
  'composite',
  'loop-time',
  'incremental-validity',
  'panel-sizing',
  'validity-over-time',
]

const demoUser = (email: string) => {
  const user = DEMO_USERS.find((candidate) => candidate.email === email)
  if (!user) throw new Error(`No demo user ${email}`)
  return user
}

describe('signing in and out in Chromium', () => {
  let server: RunningServer | undefined
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined
  let page: Page
  let watch: PageWatch
  const url = () => server!.url

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    mkdirSync(SCREENSHOTS, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  beforeEach(async () => {
    await browser!.context.clearCookies()
    page = await browser!.context.newPage()
    watch = await watchPage(page)
  })

  afterEach(async () => {
    await page.close()
    expect(watch.takeProblems()).toEqual([])
  })

  it('sends a signed-out visit to the home view to the sign-in page', async () => {
    watch.allow(401, '/api/auth/session')
    await page.goto(url())
    await page.waitForURL((current) => current.pathname === '/sign-in')
    expect(new URL(page.url()).searchParams.get('next')).toBe('/')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect(await page.getByLabel('Email').getAttribute('autocomplete')).toBe('username')
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in.png') })
  })

  it("shows the server's message for a wrong password and stays on the page", async () => {
    watch.allow(401, '/api/auth/sign-in')
    await page.goto(`${url()}/sign-in`)
    await page.getByLabel('Email').fill('lead@demo.test')
    await page.getByLabel('Password').fill('not-the-password')
    await page.getByRole('button', { name: 'Sign in' }).click()
    const alert = page.getByRole('alert')
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toBe('The email or the password is wrong')
    expect(new URL(page.url()).pathname).toBe('/sign-in')
    await page.screenshot({ path: join(SCREENSHOTS, 'sign-in-wrong-password.png') })
  })

  it('signs an admin in, shows who it is, and signs out for good', async () => {
    await page.goto(`${url()}/sign-in`)
    await signInThroughForm(page, demoUser('admin@demo.test'))
    expect(new URL(page.url()).pathname).toBe('/')
    const header = page.getByRole('banner')
    await header.getByText('Ada Admin').waitFor()
    await header.getByText('admin@demo.test · Admin').waitFor()
    await expect
      .poll(() => page.locator('[data-series="observed"]').count(), { timeout: 20_000 })
      .toBe(5)
    await page.screenshot({ path: join(SCREENSHOTS, 'signed-in-admin.png'), fullPage: true })

    await header.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL((current) => current.pathname === '/sign-in')
    expect(new URL(page.url()).search).toBe('')
    await page.getByRole('heading', { name: 'Sign in' }).waitFor()
    expect((await page.request.get(`${url()}/api/auth/session`)).status()).toBe(401)
  })

  it('brings a hiring manager back to the page asked for, with the figures or the reason', async () => {
    watch.allow(401, '/api/auth/session')
    for (const panel of HOME_PANELS) {
      watch.allow(403, `/api/analytics/${panel}`)
    }
    await page.goto(`${url()}/?level=senior`)
    await page.waitForURL((current) => current.pathname === '/sign-in')
    await signInThroughForm(page, demoUser('manager@demo.test'))
    expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/?level=senior')
    await page.getByRole('banner').getByText('manager@demo.test · Hiring manager').waitFor()
    const figures = page.locator('[data-series="observed"]')
    const withheld = page.getByText('not shown to you for this selection')
    await expect
      .poll(
        async () =>
          (await figures.count()) === 5 || (await withheld.count()) === HOME_PANELS.length,
        {
          timeout: 20_000,
        },
      )
      .toBe(true)
    await page.screenshot({ path: join(SCREENSHOTS, 'signed-in-manager.png'), fullPage: true })
  })

  it('tells a hiring manager plainly why organisation-wide figures over too few outcomes are withheld', async () => {
    // Each panel of the home view asks for its own figures, and each is withheld.
    for (const panel of HOME_PANELS) {
      watch.allow(403, `/api/analytics/${panel}`)
    }
    await page.goto(`${url()}/sign-in?next=${encodeURIComponent('/?level=senior')}`)
    await signInThroughForm(page, demoUser('manager@demo.test'))
    const states = page.getByRole('status').filter({ hasText: 'not shown to you' })
    await expect.poll(() => states.count(), { timeout: 20_000 }).toBe(HOME_PANELS.length)
    for (const text of await states.allTextContents()) {
      expect(text).toContain("fewer than 10 of other managers' hires in it stayed twelve months")
    }
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0)
    await page.screenshot({ path: join(SCREENSHOTS, 'manager-withheld.png'), fullPage: true })
  })
})
