import { describe, expect, it } from 'vitest'
import type { UserRole } from '../../db/domain'
import { expectNoSidewaysScroll } from './page-checks'
import { useSignedInBrowser } from './signed-in-browser'

const ANALYTICS = [
  'Loop effectiveness',
  'Worth',
  'Retention',
  'Time to hire',
  'Salary bands',
  'Interviewers',
  'Questions',
  'Sources',
]
const PEOPLE = ['Compare candidates', 'Requisitions', 'Candidates']
const LEAD_VIEWS = [...ANALYTICS, 'Fairness', ...PEOPLE, 'Import', 'Settings', "How it's computed"]

const NAVIGATION: Record<UserRole, string[]> = {
  admin: LEAD_VIEWS,
  talent_lead: LEAD_VIEWS,
  hiring_manager: [...ANALYTICS, ...PEOPLE, 'Settings', "How it's computed"],
}

describe.each(Object.entries(NAVIGATION) as [UserRole, string[]][])(
  'the navigation of a signed-in %s',
  (role, expected) => {
    const session = useSignedInBrowser(role)

    it('lists exactly the views the role may see, and each opens with its heading', async () => {
      const nav = session.page.getByRole('navigation', { name: 'Views' })
      expect(await nav.getByRole('link').allTextContents()).toEqual(expected)
      for (const label of expected) {
        await nav.getByRole('link', { name: label, exact: true }).click()
        await expect.poll(() => nav.locator('a[aria-current="page"]').textContent()).toBe(label)
        await session.page.getByRole('heading', { level: 1 }).first().waitFor()
      }
    })

    it('is usable from the keyboard: a skip link, then the views, with a visible focus ring', async () => {
      const { page } = session
      await page.goto(`${session.url()}/`)
      await page.getByRole('heading', { name: 'Loop effectiveness', level: 1 }).waitFor()
      await page.keyboard.press('Tab')
      const skip = page.getByRole('link', { name: 'Skip to the view' })
      expect(await skip.evaluate((element) => element === document.activeElement)).toBe(true)
      expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0)
      await page.keyboard.press('Enter')
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('view')
      await page.keyboard.press('Shift+Tab')
      await page.keyboard.press('Shift+Tab')
      const outline = await page.evaluate(() => {
        const active = document.activeElement!
        return getComputedStyle(active).outlineStyle
      })
      expect(outline).not.toBe('none')
    })

    it('fits a 768 px wide window without sideways scrolling', async () => {
      const { page } = session
      await page.setViewportSize({ width: 768, height: 1000 })
      await page.goto(`${session.url()}/`)
      await page.getByRole('heading', { name: 'Loop effectiveness', level: 1 }).waitFor()
      await page.getByTestId('validity-summary').waitFor({ timeout: 30_000 })
      await expectNoSidewaysScroll(page)
      await page.screenshot({ path: session.screenshot(`home-768-${role}.png`), fullPage: true })
      await page.setViewportSize({ width: 1280, height: 900 })
    })
  },
)
