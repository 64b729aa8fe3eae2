import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'

const fileOf = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(text),
})

const validCsv = csv(APPLICATION_HEADER, [
  applicationRow({
    application_id: 'E2E-APP-1',
    candidate_id: 'E2E-CAND-1',
    requisition_id: 'E2E-REQ',
  }),
  applicationRow({
    application_id: 'E2E-APP-2',
    candidate_id: 'E2E-CAND-2',
    requisition_id: 'E2E-REQ',
  }),
])

// One good row, then 60 with a level that is not one: more problems than one page shows.
const BAD_LEVELS = 60
const invalidCsv = csv(APPLICATION_HEADER, [
  applicationRow({
    application_id: 'E2E-BAD-1',
    candidate_id: 'E2E-BAD-C1',
    requisition_id: 'E2E-REQ-BAD',
  }),
  ...Array.from({ length: BAD_LEVELS }, (_, k) =>
    applicationRow({
      application_id: `E2E-BAD-${k + 2}`,
      candidate_id: `E2E-BAD-C${k + 2}`,
      requisition_id: 'E2E-REQ-BAD',
      level: 'wizard',
    }),
  ),
])

// Ratings of an application whose own row is bad: the root cause is reported, not these.
const ratingsOfBadRow = csv(
  SCORE_HEADER,
  ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment'].map((area) =>
    scoreRow({ application_id: 'E2E-BAD-2', area }),
  ),
)

async function screenshotAt768(session: SignedInBrowser, name: string) {
  await session.page.setViewportSize({ width: 768, height: 1000 })
  await session.page.screenshot({ path: session.screenshot(name), fullPage: true })
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

/** How many applications the candidates list finds for a search. */
async function applicationsFound(session: SignedInBrowser, q: string) {
  const { page } = session
  await page.goto(`${session.url()}/candidates?q=${q}`)
  const found = page.getByTestId('applications-table').or(page.getByText('No application matches'))
  await found.first().waitFor({ timeout: 10_000 })
  return page.getByTestId('applications-table').locator('tbody tr').count()
}

/** Notes, in the page, whether the progress bar was ever shown: a small file is read in a blink. */
const watchForProgress = (page: Page) =>
  page.evaluate(() => {
    const flags = window as unknown as { progressSeen?: boolean }
    flags.progressSeen = false
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="import-progress"]')) {
        flags.progressSeen = true
        observer.disconnect()
      }
    }).observe(document.body, { childList: true, subtree: true })
  })

const progressSeen = (page: Page) =>
  page.evaluate(() => (window as unknown as { progressSeen?: boolean }).progressSeen)

describe('the import view in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('checks a valid CSV in a dry run, then imports it with progress', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Import', exact: true })
      .click()
    await page.getByRole('heading', { name: 'Import', level: 1 }).waitFor()
    await page.locator('input[type="file"]').setInputFiles(fileOf('applications.csv', validCsv))
    await page
      .getByRole('list', { name: 'Files to import' })
      .getByText('applications.csv')
      .waitFor()
    await page.getByRole('button', { name: 'Check files (dry run)' }).click()
    const preview = page.getByRole('region', { name: 'Dry run: what would change' })
    await preview.waitFor({ timeout: 20_000 })
    const applications = preview
      .getByTestId('changes-table')
      .getByRole('row', { name: /^Applications/ })
    expect(await applications.locator('td').allTextContents()).toEqual(['2', '0', '0', '0'])
    await page.screenshot({ path: session.screenshot('import-preview.png'), fullPage: true })
    await screenshotAt768(session, 'import-preview-768.png')

    await watchForProgress(page)
    await preview.getByRole('button', { name: 'Import 1 file' }).click()
    const done = page.getByRole('region', { name: 'Import finished' })
    await done.waitFor({ timeout: 20_000 })
    expect(await progressSeen(page)).toBe(true)
    expect(await done.textContent()).toContain('Written to the database.')
    await page.screenshot({ path: session.screenshot('import-done.png'), fullPage: true })
    expect(await applicationsFound(session, 'E2E-APP')).toBe(2)
  })

  it('shows the problems of an invalid CSV with line and column, and writes nothing', async () => {
    const { page } = session
    await page.goto(`${session.url()}/import`)
    await page
      .locator('input[type="file"]')
      .setInputFiles([fileOf('bad.csv', invalidCsv), fileOf('bad scores.csv', ratingsOfBadRow)])
    await page.getByRole('button', { name: 'Check files (dry run)' }).click()
    const problems = page.getByRole('region', { name: 'Problems in the files' })
    await problems.waitFor({ timeout: 20_000 })
    expect(await problems.getByRole('alert').textContent()).toContain('Nothing was written')
    // One problem per bad row; none for the ratings of E2E-BAD-2.
    await problems.getByText(`${BAD_LEVELS} problems found.`).waitFor()
    const rows = problems.getByTestId('problems-table').locator('tbody tr')
    const cells = await rows.first().locator('td').allTextContents()
    expect(cells.slice(0, 3)).toEqual(['bad.csv', 'line 3', 'level'])
    expect(await rows.count()).toBe(50)
    const pages = problems.getByRole('navigation', { name: 'Pages of problems' })
    await pages.getByText('Problems 1–50 of 60').waitFor()
    await pages.getByRole('button', { name: 'Next' }).click()
    await pages.getByText('Problems 51–60 of 60').waitFor()
    expect(await rows.count()).toBe(10)
    expect(await rows.last().locator('td').nth(1).textContent()).toBe('line 62')
    const downloaded = page.waitForEvent('download')
    await problems.getByRole('button', { name: 'Download problems (CSV)' }).click()
    const download = await downloaded
    expect(download.suggestedFilename()).toBe('import-problems.csv')
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe('file,line,path,column,message')
    expect(lines).toHaveLength(BAD_LEVELS + 1)
    expect(lines.every((line) => !line.includes('bad scores.csv'))).toBe(true)
    expect(await page.getByRole('button', { name: /^Import \d/ }).count()).toBe(0)
    await page.screenshot({ path: session.screenshot('import-problems.png'), fullPage: true })
    await screenshotAt768(session, 'import-problems-768.png')
    expect(await applicationsFound(session, 'E2E-BAD')).toBe(0)
  })
})

describe('the import view in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('has no Import entry in the navigation', async () => {
    const nav = session.page.getByRole('navigation', { name: 'Views' })
    await nav.getByRole('link', { name: 'Requisitions', exact: true }).waitFor()
    expect(await nav.getByRole('link', { name: 'Import', exact: true }).count()).toBe(0)
  })
})
