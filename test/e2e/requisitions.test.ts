import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useSignedInBrowser, type SignedInBrowser } from './signed-in-browser'

const table = (page: Page, name: string) => page.getByTestId(name).locator('tbody tr')

/** The text of one column of a list table, row by row (the row header is column 0). */
const column = (page: Page, name: string, index: number) =>
  table(page, name).evaluateAll(
    (rows, at) => rows.map((row) => (row as HTMLTableRowElement).cells[at]?.textContent ?? ''),
    index,
  )

const search = (page: Page) => new URL(page.url()).searchParams

async function screenshotAt768(session: SignedInBrowser, name: string) {
  await session.page.setViewportSize({ width: 768, height: 1000 })
  await session.page.screenshot({ path: session.screenshot(name), fullPage: true })
  await session.page.setViewportSize({ width: 1280, height: 900 })
}

/** A requisition of the second demo manager, found by the talent lead for the manager's test. */
let othersRequisition: string | undefined
let leadTotal = 0

describe('requisitions and candidates in Chromium, as a talent lead', () => {
  const session = useSignedInBrowser('talent_lead')

  it('lists requisitions and pages through them with the page in the URL', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Requisitions', exact: true })
      .click()
    await page.getByRole('heading', { name: 'Requisitions', level: 1 }).waitFor()
    await expect.poll(() => table(page, 'requisitions-table').count(), { timeout: 20_000 }).toBe(25)
    const range = await page.locator('.pager__range').textContent()
    leadTotal = Number(/of (\d+)/.exec(range ?? '')?.[1])
    expect(leadTotal).toBeGreaterThan(25)
    const firstPage = await column(page, 'requisitions-table', 0)
    const owners = await column(page, 'requisitions-table', 3)
    const othersRow = owners.indexOf('manager2@demo.test')
    expect(othersRow).toBeGreaterThanOrEqual(0)
    othersRequisition = /REQ-[\w-]+$/.exec(firstPage[othersRow] ?? '')?.[0]
    expect(othersRequisition).toBeDefined()

    await page.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => search(page).get('page')).toBe('2')
    await expect.poll(() => column(page, 'requisitions-table', 0)).not.toEqual(firstPage)
    expect(await page.locator('.pager__range').textContent()).toContain('Showing 26–')
    await page.screenshot({ path: session.screenshot('requisitions.png'), fullPage: true })
    await screenshotAt768(session, 'requisitions-768.png')
  })

  it('searches by title, with the search in the URL and back at page 1', async () => {
    const { page } = session
    const title = (await table(page, 'requisitions-table').first().locator('th a').textContent())!
    const word = title.split(/\W+/).find((part) => part.length > 3)!
    await page.getByRole('searchbox').fill(word)
    await page.getByRole('searchbox').press('Enter')
    await expect.poll(() => search(page).get('q')).toBe(word)
    expect(search(page).get('page')).toBeNull()
    await expect
      .poll(async () => {
        const titles = await column(page, 'requisitions-table', 0)
        return (
          titles.length > 0 &&
          titles.every((text) => text.toLowerCase().includes(word.toLowerCase()))
        )
      })
      .toBe(true)
  })

  it('opens a requisition, its applications and a candidate with the loop per area', async () => {
    const { page } = session
    await table(page, 'requisitions-table').first().locator('th a').click()
    await page.getByRole('heading', { name: 'Applications', level: 2 }).waitFor()
    await expect
      .poll(() => table(page, 'applications-table').count(), { timeout: 10_000 })
      .toBeGreaterThan(0)
    await table(page, 'applications-table').first().locator('th a').click()
    await page.getByRole('heading', { name: 'Interview loop', level: 2 }).waitFor()
    expect(page.url()).toMatch(/\/applications\/[^/]+$/)
    expect(await page.locator('section.loop-area').count()).toBe(5)
    expect(await page.getByTestId('loop-summary').textContent()).toMatch(
      /ratings? from \d+ interviewer/,
    )
    await page.getByRole('heading', { name: 'Offer and outcome', level: 2 }).waitFor()
    await page.screenshot({ path: session.screenshot('candidate.png'), fullPage: true })
    await screenshotAt768(session, 'candidate-768.png')
  })

  it('filters candidates by decision in the URL', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Candidates', exact: true })
      .click()
    await expect.poll(() => table(page, 'applications-table').count(), { timeout: 10_000 }).toBe(25)
    await page.getByLabel('Decision').selectOption('hired')
    await expect.poll(() => search(page).get('decision')).toBe('hired')
    await expect
      .poll(async () => new Set(await column(page, 'applications-table', 5)))
      .toEqual(new Set(['Hired']))
    await page.screenshot({ path: session.screenshot('candidates.png'), fullPage: true })
    await screenshotAt768(session, 'candidates-768.png')
  })
})

describe('requisitions in Chromium, as a hiring manager', () => {
  const session = useSignedInBrowser('hiring_manager')

  it('lists only their own requisitions', async () => {
    const { page } = session
    await page
      .getByRole('navigation', { name: 'Views' })
      .getByRole('link', { name: 'Requisitions', exact: true })
      .click()
    await expect
      .poll(() => table(page, 'requisitions-table').count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
    expect(new Set(await column(page, 'requisitions-table', 3))).toEqual(
      new Set(['manager@demo.test']),
    )
    const range = await page.locator('.pager__range').textContent()
    expect(Number(/of (\d+)/.exec(range ?? '')?.[1])).toBeLessThan(leadTotal)
  })

  it("says another manager's requisition is not found or not theirs", async () => {
    const { page } = session
    const path = `/api/requisitions/${othersRequisition!}`
    session.watch.allow(404, path)
    await page.goto(`${session.url()}/requisitions/${othersRequisition!}`)
    await page.getByText('was not found, or it is not one of yours.').waitFor()
    await page.screenshot({ path: session.screenshot('requisition-not-yours.png'), fullPage: true })
  })
})
