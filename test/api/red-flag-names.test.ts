import { beforeAll, describe, expect, it } from 'vitest'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { createTestApp, FIXED_TODAY } from '../helpers/app'
import { createTestDatabase } from '../helpers/database'

interface RedFlag {
  key: string
  name: string
}

type App = ReturnType<typeof createTestApp>['app']

const getJson = async <Body>(app: App, path: string) => {
  const response = await app.request(path)
  expect(response.status, path).toBe(200)
  return (await response.json()) as Body
}

/** Every red flag one surface shows, as key → the name it shows. */
function namesShown(flags: readonly RedFlag[], into: Map<string, Set<string>>) {
  for (const flag of flags) {
    const names = into.get(flag.key) ?? new Set<string>()
    names.add(flag.name)
    into.set(flag.key, names)
  }
}

describe('red-flag names on the demo data', () => {
  let app: App
  let rubricNames: Map<string, string>
  beforeAll(async () => {
    const db = createTestDatabase()
    await seedDemoIfEmpty(db, FIXED_TODAY)
    app = createTestApp(db).app
    const { rubrics } = await getJson<{ rubrics: { key: string; red_flags: RedFlag[] }[] }>(
      app,
      '/api/rubrics',
    )
    rubricNames = new Map(rubrics[0]!.red_flags.map((flag) => [flag.key, flag.name]))
  }, 120_000)

  it('are the same on a candidate, the comparison, an interviewer’s ratings and the red-flag rates: the rubric’s', async () => {
    const { items } = await getJson<{
      items: { id: string; requisition_id: string; ratings: number }[]
    }>(app, '/api/applications?limit=500')
    const surfaces = {
      analytics: new Map<string, Set<string>>(),
      application: new Map<string, Set<string>>(),
      compare: new Map<string, Set<string>>(),
      interviewer: new Map<string, Set<string>>(),
    }
    const interviewers = new Set<string>()
    for (const item of items.filter((entry) => entry.ratings > 0).slice(0, 150)) {
      const detail = await getJson<{
        scores: { interviewer: string; red_flags: RedFlag[] }[]
      }>(app, `/api/applications/${item.id}`)
      for (const rating of detail.scores) {
        namesShown(rating.red_flags, surfaces.application)
        if (rating.red_flags.length > 0) interviewers.add(rating.interviewer)
      }
      const other = items.find(
        (entry) => entry.requisition_id === item.requisition_id && entry.id !== item.id,
      )
      if (other && detail.scores.some((rating) => rating.red_flags.length > 0)) {
        const comparison = await getJson<{
          applications: {
            red_flags: (RedFlag & { count: number })[]
            areas: { ratings: { red_flags: RedFlag[] }[] }[]
          }[]
        }>(app, `/api/compare?application_ids=${item.id},${other.id}`)
        for (const entry of comparison.applications) {
          namesShown(entry.red_flags, surfaces.compare)
          for (const area of entry.areas) {
            for (const rating of area.ratings) namesShown(rating.red_flags, surfaces.compare)
          }
        }
      }
    }
    for (const handle of interviewers) {
      const page = await getJson<{ items: { red_flags: RedFlag[] }[] }>(
        app,
        `/api/interviewers/${encodeURIComponent(handle)}/ratings?limit=200`,
      )
      for (const item of page.items) namesShown(item.red_flags, surfaces.interviewer)
    }

    const rates = await getJson<{ groups: RedFlag[] }>(app, '/api/analytics/red-flags')
    namesShown(rates.groups, surfaces.analytics)
    // The demo raises every tag of the rubric, and each surface names it as the rubric does.
    expect([...surfaces.application.keys()].sort()).toEqual([...rubricNames.keys()].sort())
    for (const [surface, shown] of Object.entries(surfaces)) {
      expect(shown.size, surface).toBeGreaterThan(0)
      for (const [key, names] of shown) {
        expect([...names], `${surface}: ${key}`).toEqual([rubricNames.get(key)])
      }
    }
    // One spelling each: no name is its key, nor the key with spaces.
    for (const [key, name] of rubricNames) {
      expect(name).not.toBe(key)
      expect(name).not.toBe(key.replaceAll('_', ' '))
    }
  })
})
