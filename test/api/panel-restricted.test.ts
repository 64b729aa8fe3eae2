import { beforeAll, describe, expect, it } from 'vitest'
import type { IncrementalValidityResponse } from '../../api/analyses/reports/incremental-validity'
import type { PanelSizingResponse } from '../../api/analyses/reports/panel-sizing'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { createTestApp } from '../helpers/app'
import { createTestDatabase } from '../helpers/database'

const TODAY = '2026-11-24'

describe('panel sizing and incremental validity for a hiring manager', () => {
  let manager: ReturnType<typeof createTestApp>['app']
  let lead: ReturnType<typeof createTestApp>['app']
  beforeAll(async () => {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, TODAY)
    manager = createTestApp(db, { role: 'hiring_manager', today: () => TODAY }).app
    lead = createTestApp(db, { role: 'talent_lead', today: () => TODAY }).app
  })

  const get = async <Body>(app: typeof manager, path: string) => {
    const response = await app.request(`/api/analytics/${path}`)
    expect(response.status).toBe(200)
    return (await response.json()) as Body
  }

  it('are restricted organisation-wide answers, as of the end of the last quarter', async () => {
    const increments = await get<IncrementalValidityResponse>(manager, 'incremental-validity')
    const panel = await get<PanelSizingResponse>(manager, 'panel-sizing')
    for (const body of [increments, panel]) {
      expect(body.disclosure.restricted).toBe(true)
      expect(body.disclosure.floor).toBe(10)
      expect(body.as_of).toBe('2026-09-30')
    }
    // The hours carry the test's p as the restricted answer gives it, never another.
    expect(panel.areas.map((area) => area.lr_p)).toEqual(increments.areas.map((area) => area.p))
  })

  it('are exact for a talent lead, and say "adds nothing detectable" only with p ≥ .05', async () => {
    const panel = await get<PanelSizingResponse>(lead, `panel-sizing?as_of=${TODAY}`)
    expect(panel.disclosure.restricted).toBe(false)
    for (const area of panel.areas) {
      if (area.note?.includes('adds nothing detectable')) expect(area.lr_p).toBeGreaterThan(0.05)
      if (area.lr_p !== null && area.lr_p < 0.05) expect(area.note).not.toMatch(/nothing/)
    }
  })
})
