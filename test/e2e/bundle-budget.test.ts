import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../api/auth/first-users'
import { signInThroughForm, watchPage } from './page-checks'
import { launchBrowser, startServer } from './server'

/** The JavaScript a first visit downloads, gzip-compressed, up to the home view's charts. */
const BUDGET_BYTES = 250 * 1000

describe('the JavaScript of the first view', () => {
  it(`stays within ${String(BUDGET_BYTES / 1000)} KB gzip, from sign-in to the home view`, async () => {
    const server = await startServer()
    const browser = await launchBrowser()
    try {
      const page = await browser.context.newPage()
      const watch = await watchPage(page)
      const scripts = new Map<string, Promise<Buffer>>()
      page.on('response', (response) => {
        const url = new URL(response.url())
        if (url.pathname.endsWith('.js') && !scripts.has(url.pathname)) {
          scripts.set(url.pathname, response.body())
        }
      })
      watch.allow(401, '/api/auth/session')
      await page.goto(`${server.url}/`)
      await page.getByLabel('Email').waitFor()
      await signInThroughForm(
        page,
        DEMO_USERS.find((user) => user.role === 'talent_lead')!,
      )
      await page.getByRole('heading', { name: 'Loop effectiveness', level: 1 }).waitFor()
      await page.getByTestId('validity-summary').waitFor({ timeout: 30_000 })
      await page
        .locator('.forest-plot [data-series="observed"]')
        .first()
        .waitFor({ timeout: 30_000 })
      // Every panel of the view has asked for its code by the time its state shows.
      await page.waitForTimeout(1000)

      const rows = await Promise.all(
        [...scripts].map(async ([path, body]) => {
          const bytes = await body
          return { path, raw: bytes.length, gzip: gzipSync(bytes).length }
        }),
      )
      rows.sort((a, b) => b.gzip - a.gzip)
      const total = rows.reduce((sum, row) => sum + row.gzip, 0)
      const kb = (bytes: number) => (bytes / 1000).toFixed(1).padStart(8)
      console.log(
        [
          `First view JavaScript (${String(rows.length)} files), KB:`,
          `${'gzip'.padStart(8)} ${'raw'.padStart(8)}  file`,
          ...rows.map((row) => `${kb(row.gzip)} ${kb(row.raw)}  ${row.path}`),
          `${kb(total)} ${kb(rows.reduce((sum, row) => sum + row.raw, 0))}  total (budget ${String(BUDGET_BYTES / 1000)})`,
        ].join('\n'),
      )
      expect(watch.takeProblems()).toEqual([])
      expect(rows.length).toBeGreaterThan(1)
      expect(total).toBeLessThanOrEqual(BUDGET_BYTES)
    } finally {
      await browser.close()
      await server.stop()
    }
  })
})
