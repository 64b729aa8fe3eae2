import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { DEMO_USERS } from '../../api/auth/first-users'
import type { UserRole } from '../../db/domain'
import { signInThroughForm, watchPage, type PageWatch } from './page-checks'
import { launchBrowser, startServer, type RunningServer } from './server'

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots')

export interface SignedInBrowser {
  readonly page: Page
  readonly watch: PageWatch
  url: () => string
  /** Where a screenshot of this name goes: an ignored folder, looked at by people. */
  screenshot: (name: string) => string
}

/**
 * For the tests of a describe block: the real server on a fresh demo database, and Chromium
 * signed in through the form as the demo user of the role. Every test fails on console errors,
 * page errors and CSP violations.
 */
export function useSignedInBrowser(role: UserRole): SignedInBrowser {
  let server: RunningServer | undefined
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined
  let page: Page | undefined
  let watch: PageWatch | undefined

  beforeAll(async () => {
    server = await startServer()
    browser = await launchBrowser()
    page = await browser.context.newPage()
    watch = await watchPage(page)
    mkdirSync(SCREENSHOTS, { recursive: true })
    await page.goto(`${server.url}/sign-in`)
    await signInThroughForm(
      page,
      DEMO_USERS.find((user) => user.role === role)!,
    )
    expect(watch.takeProblems()).toEqual([])
  })

  afterEach(() => {
    expect(watch?.takeProblems()).toEqual([])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  return {
    get page() {
      return page!
    },
    get watch() {
      return watch!
    },
    url: () => server!.url,
    screenshot: (name) => join(SCREENSHOTS, name),
  }
}
