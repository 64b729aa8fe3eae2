import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export interface PageWatch {
  /** Expect the browser to log one failed load of this API path with this status. */
  allow: (status: number, path: string) => void
  /** Console errors, uncaught exceptions and CSP violations not allowed; clears the list. */
  takeProblems: () => string[]
}

/**
 * Collects what should fail a browser test. Chromium logs every non-2xx answer as a console
 * error, so a test that expects one (a 401 while signed out) says so with allow().
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  let problems: string[] = []
  let allowed: { status: number; path: string }[] = []
  // An init script runs outside the page's CSP, so it can report what the CSP blocks.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`)
    })
  })
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const path = URL.canParse(message.location().url)
      ? new URL(message.location().url).pathname
      : ''
    const expected = allowed.find(
      (entry) => entry.path === path && text.includes(`status of ${entry.status}`),
    )
    if (expected) allowed = allowed.filter((entry) => entry !== expected)
    else problems.push(`console: ${text} (${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  return {
    allow: (status, path) => allowed.push({ status, path }),
    takeProblems: () => {
      const taken = problems
      problems = []
      allowed = []
      return taken
    },
  }
}

/** Fills in and sends the sign-in form on the current page, then waits for the signed-in shell. */
export async function signInThroughForm(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.getByLabel('Email').fill(credentials.email)
  await page.getByLabel('Password').fill(credentials.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Sign out' }).waitFor()
}

/** Opens the first chart download menu inside the scope and chooses a format (CSV, SVG, PNG). */
export async function chooseDownload(scope: Page | Locator, format: string): Promise<void> {
  await scope.getByRole('button', { name: 'Download', exact: true }).first().click()
  await scope.getByRole('menuitem', { name: format, exact: true }).click()
}

/**
 * Waits until the page has no sideways scroll. After a viewport change the charts measure their
 * room again on the next frames, so one reading straight after the resize can still see the old
 * width.
 */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        ),
      { timeout: 10_000 },
    )
    .toBeLessThanOrEqual(0)
}
