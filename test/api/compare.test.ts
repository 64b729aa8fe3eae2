import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { requisitions } from '../../db/schema'
import { createBareApp, createReferenceApp, type ErrorResponseBody } from '../helpers/app'
import { asBearer, userWithToken } from '../helpers/auth'
import { createTestDatabase, importTexts } from '../helpers/database'

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']

interface Comparison {
  requisition: { id: string; level: string }
  areas: { key: string; weight: number }[]
  salary_band: { low: number; high: number; source: string } | null
  model: { status: string; n: number; message: string | null }
  adjustment: {
    status: string
    note: string | null
    shrinkage: { between_variance: number | null; within_variance: number | null } | null
    unadjusted_interviewers: string[]
  }
  applications: {
    id: string
    areas: {
      key: string
      score: number | null
      adjusted_score: number | null
      ratings: {
        interviewer: string
        rating: number
        leniency_shrunk: number | null
        adjusted_rating: number | null
      }[]
    }[]
    composite: number | null
    adjusted_composite: number | null
    missing_areas: string[]
    red_flags: { key: string; name: string; count: number }[]
    offer: {
      salary: number | null
      band_position: string | null
      compa_ratio: number | null
    } | null
    predicted_retention: { probability: number; ci: [number, number] } | null
    prediction_note: string | null
  }[]
}

interface Model {
  model: { status: string; n: number; terms: string[]; coefficients: number[] }
}

describe('GET /api/compare', () => {
  let app: App
  let pair: string[]
  beforeAll(async () => {
    app = (await createReferenceApp()).app
    const list = (await (await app.request('/api/applications?limit=500')).json()) as {
      items: { id: string; requisition_id: string; ratings: number }[]
    }
    // Two well-rated applications of the same requisition.
    const rated = list.items.filter((item) => item.ratings >= 10)
    const requisition = rated.find((item) =>
      rated.some((other) => other !== item && other.requisition_id === item.requisition_id),
    )!.requisition_id
    pair = rated
      .filter((item) => item.requisition_id === requisition)
      .slice(0, 2)
      .map((item) => item.id)
  })
  const get = async <Body>(query: string) => {
    const response = await app.request(`/api/compare?${query}`)
    return { status: response.status, body: (await response.json()) as Body & ErrorResponseBody }
  }

  it('sets the applications side by side in the order asked for', async () => {
    const { status, body } = await get<Comparison>(`application_ids=${pair[1]},${pair[0]}`)
    expect(status).toBe(200)
    expect(body.applications.map((entry) => entry.id)).toEqual([pair[1], pair[0]])
    expect(body.areas.map((area) => area.key)).toEqual([
      'ownership',
      'concurrency',
      'unsafe_ffi',
      'traits_errors',
      'judgment',
    ])
    for (const entry of body.applications) {
      for (const area of entry.areas) {
        if (area.score === null) expect(area.ratings).toEqual([])
        else expect(area.ratings.length).toBeGreaterThan(0)
      }
    }
  })

  it("scores the composite with the level's weights", async () => {
    const { body } = await get<Comparison>(`application_ids=${pair.join(',')}`)
    const rubrics = (await (await app.request('/api/rubrics')).json()) as {
      rubrics: { areas: { key: string; weights: Record<string, number> }[] }[]
    }
    const weightOf = (key: string) =>
      rubrics.rubrics[0]!.areas.find((area) => area.key === key)!.weights[body.requisition.level]!
    for (const entry of body.applications) {
      const scored = entry.areas.filter((area) => area.score !== null)
      const weight = scored.reduce((total, area) => total + weightOf(area.key), 0)
      const expected =
        scored.reduce((total, area) => total + weightOf(area.key) * area.score!, 0) / weight
      expect(entry.composite).toBeCloseTo(expected, 12)
    }
  })

  it("adjusts each rating by its interviewer's shrunk leniency, as the interviewers report gives it", async () => {
    const { body } = await get<Comparison>(`application_ids=${pair.join(',')}`)
    const report = (await (await app.request('/api/analytics/interviewers')).json()) as {
      interviewers: { interviewer: string; leniency: number | null; leniency_shrunk: number }[]
      leniency_shrinkage: { between_variance: number; within_variance: number }
    }
    const shrunk = new Map(report.interviewers.map((row) => [row.interviewer, row]))
    expect(body.adjustment).toMatchObject({
      status: 'ok',
      shrinkage: report.leniency_shrinkage,
      unadjusted_interviewers: [],
    })
    expect(report.leniency_shrinkage.between_variance).toBeGreaterThan(0)
    let adjusted = 0
    for (const entry of body.applications) {
      for (const area of entry.areas) {
        for (const rating of area.ratings) {
          const row = shrunk.get(rating.interviewer)!
          expect(rating.leniency_shrunk).toBe(row.leniency_shrunk)
          // Shrunk toward 0, never past it.
          expect(Math.abs(row.leniency_shrunk)).toBeLessThan(Math.abs(row.leniency!))
          expect(Math.sign(row.leniency_shrunk)).toBe(Math.sign(row.leniency!))
          expect(rating.adjusted_rating).toBeCloseTo(rating.rating - row.leniency_shrunk, 12)
          if (rating.adjusted_rating !== rating.rating) adjusted++
        }
        if (area.score === null) expect(area.adjusted_score).toBeNull()
        else {
          const sum = area.ratings.reduce((total, rating) => total + rating.adjusted_rating!, 0)
          expect(area.adjusted_score).toBeCloseTo(sum / area.ratings.length, 12)
        }
      }
      expect(entry.adjusted_composite).not.toBeNull()
      expect(entry.adjusted_composite).not.toBe(entry.composite)
    }
    expect(adjusted).toBeGreaterThan(0)
  })

  it("predicts retention from the organisation's model, inside its interval", async () => {
    const { body } = await get<Comparison>(`application_ids=${pair.join(',')}`)
    const { model } = (await (await app.request('/api/analytics/model')).json()) as Model
    expect(body.model).toMatchObject({ status: model.status, n: model.n })
    for (const entry of body.applications) {
      if (entry.missing_areas.length > 0) {
        expect(entry.predicted_retention).toBeNull()
        expect(entry.prediction_note).toMatch(/not scored in/)
        continue
      }
      const eta = entry.areas.reduce(
        (total, area, k) => total + model.coefficients[k + 1]! * area.score!,
        model.coefficients[0]!,
      )
      const predicted = entry.predicted_retention!
      expect(predicted.probability).toBeCloseTo(1 / (1 + Math.exp(-eta)), 12)
      expect(predicted.ci[0]).toBeLessThan(predicted.probability)
      expect(predicted.ci[1]).toBeGreaterThan(predicted.probability)
      expect(predicted.ci[0]).toBeGreaterThan(0)
      expect(predicted.ci[1]).toBeLessThan(1)
    }
  })

  it('refuses fewer than two, more than four, and applications of different requisitions', async () => {
    const one = await get<unknown>(`application_ids=${pair[0]},${pair[0]}`)
    expect(one.status).toBe(400)
    expect(one.body.error.message).toMatch(/application_ids.*at least 2 different/)
    const five = await get<unknown>('application_ids=a,b,c,d,e')
    expect(five.status).toBe(400)
    expect(five.body.error.message).toMatch(/application_ids.*at most 4/)
    const list = (await (await app.request('/api/applications?limit=500')).json()) as {
      items: { id: string; requisition_id: string }[]
    }
    const first = list.items.find((item) => item.id === pair[0])!
    const elsewhere = list.items.find((item) => item.requisition_id !== first.requisition_id)!
    const mixed = await get<unknown>(`application_ids=${pair[0]},${elsewhere.id}`)
    expect(mixed.status).toBe(400)
    expect(mixed.body.error.message).toMatch(/application_ids must all belong to one requisition/)
    const unknown = await get<unknown>(`application_ids=${pair[0]},NOT-THERE`)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toContain('NOT-THERE')
    expect((await get<unknown>('application_ids=a,b&extra=1')).status).toBe(400)
  })
})

describe('GET /api/compare for a hiring manager with few hires', () => {
  it('shows the loops but withholds the estimate, saying why', async () => {
    const db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': [
        'application_id,candidate_id,requisition_id,level,applied_at,decision',
        'S-1,C-1,REQ-S,senior,2025-01-10,rejected',
        'S-2,C-2,REQ-S,senior,2025-01-11,rejected',
      ].join('\n'),
      'scores.csv': [
        'application_id,interviewer,area,rating',
        'S-1,ana,judgment,3',
        'S-2,ana,judgment,2',
      ].join('\n'),
    })
    expect(report.ok).toBe(true)
    const manager = userWithToken(db, 'hiring_manager')
    db.update(requisitions)
      .set({ ownerUserId: manager.id })
      .where(eq(requisitions.id, 'REQ-S'))
      .run()
    const app = asBearer(createBareApp(db), manager.token)
    const response = await app.request('/api/compare?application_ids=S-1,S-2')
    expect(response.status).toBe(200)
    const body = (await response.json()) as Comparison
    expect(body.model.status).toBe('withheld')
    for (const entry of body.applications) {
      expect(entry.predicted_retention).toBeNull()
      expect(entry.prediction_note).toMatch(/at least 10 hires/)
    }
    const judgment = body.applications[0]!.areas.find((area) => area.key === 'judgment')!
    expect(judgment.score).toBe(3)
    expect(body.adjustment.status).toBe('withheld')
    expect(body.adjustment.note).toMatch(
      /^Not adjusted for interviewer leniency: .*at least 10 hires/,
    )
    expect(judgment.adjusted_score).toBeNull()
    expect(judgment.ratings[0]!.adjusted_rating).toBeNull()
    expect(body.applications[0]!.adjusted_composite).toBeNull()
  })
})

interface CandidateList {
  as_of: string
  requisition: { id: string; title: string | null; level: string }
  counts: { all: number; open: number; hired: number; not_hired: number }
  candidates: {
    id: string
    candidate_id: string
    candidate_name: string | null
    decision: string
    status: 'open' | 'hired' | 'not_hired'
    composite: number | null
    ratings: number
  }[]
}

describe('GET /api/compare/candidates', () => {
  let app: App
  let requisition: string
  let list: CandidateList
  beforeAll(async () => {
    app = (await createReferenceApp()).app
    const all = (await (await app.request('/api/applications?limit=500')).json()) as {
      items: { requisition_id: string }[]
    }
    const sizes = new Map<string, number>()
    for (const item of all.items) {
      sizes.set(item.requisition_id, (sizes.get(item.requisition_id) ?? 0) + 1)
    }
    requisition = [...sizes].sort((a, b) => b[1] - a[1])[0]![0]
    list = (await (
      await app.request(`/api/compare/candidates?requisition_id=${requisition}`)
    ).json()) as CandidateList
  })
  const get = async (query: string) => {
    const response = await app.request(`/api/compare/candidates?${query}`)
    return {
      status: response.status,
      body: (await response.json()) as CandidateList & ErrorResponseBody,
    }
  }

  it('lists every candidate of the requisition, best composite first, with the composite the comparison gives', async () => {
    const applications = (await (
      await app.request(`/api/applications?requisition_id=${requisition}&limit=500`)
    ).json()) as { total: number }
    expect(list.requisition.id).toBe(requisition)
    expect(list.candidates).toHaveLength(applications.total)
    expect(list.counts.all).toBe(applications.total)
    const composites = list.candidates.flatMap((entry) =>
      entry.composite === null ? [] : [entry.composite],
    )
    expect(composites.length).toBeGreaterThan(2)
    expect(composites).toEqual([...composites].sort((a, b) => b - a))
    const rated = list.candidates.filter((entry) => entry.composite !== null).slice(0, 2)
    const { applications: compared } = (await (
      await app.request(`/api/compare?application_ids=${rated.map((entry) => entry.id).join(',')}`)
    ).json()) as Comparison
    expect(compared.map((entry) => entry.composite)).toEqual(rated.map((entry) => entry.composite))
  })

  it('gives each candidate a status by the one meaning of hire: hired and started by today', async () => {
    expect(list.counts.open + list.counts.hired + list.counts.not_hired).toBe(list.counts.all)
    expect(list.counts.hired).toBeGreaterThan(0)
    expect(list.counts.not_hired).toBeGreaterThan(0)
    for (const entry of list.candidates) {
      const detail = (await (await app.request(`/api/applications/${entry.id}`)).json()) as {
        employment: { start_date: string } | null
      }
      const started =
        entry.decision === 'hired' &&
        detail.employment !== null &&
        detail.employment.start_date <= list.as_of
      const expected = started
        ? 'hired'
        : entry.decision === 'pending' || entry.decision === 'hired'
          ? 'open'
          : 'not_hired'
      expect(entry.status, entry.id).toBe(expected)
    }
  })

  it('filters by status and searches names and ids, counting by status before the filter', async () => {
    for (const status of ['open', 'hired', 'not_hired'] as const) {
      const { status: code, body } = await get(`requisition_id=${requisition}&status=${status}`)
      expect(code).toBe(200)
      expect(body.candidates).toHaveLength(list.counts[status])
      expect(body.candidates.every((entry) => entry.status === status)).toBe(true)
      expect(body.counts).toEqual(list.counts)
    }
    const named = list.candidates.find((entry) => entry.candidate_name !== null)!
    const word = named.candidate_name!.split(' ')[0]!.toUpperCase()
    const byName = await get(`requisition_id=${requisition}&q=${encodeURIComponent(word)}`)
    expect(byName.body.candidates.map((entry) => entry.id)).toContain(named.id)
    expect(
      byName.body.candidates.every((entry) => entry.candidate_name!.toUpperCase().includes(word)),
    ).toBe(true)
    expect(byName.body.counts.all).toBe(byName.body.candidates.length)
    const byId = await get(`requisition_id=${requisition}&q=${named.id.toLowerCase()}`)
    expect(byId.body.candidates.map((entry) => entry.id)).toEqual([named.id])
  })

  it('answers 400 naming the field for a bad status or no requisition, and 404 for an unknown one', async () => {
    const badStatus = await get(`requisition_id=${requisition}&status=maybe`)
    expect(badStatus.status).toBe(400)
    expect(badStatus.body.error.message).toMatch(/status/)
    const none = await get('status=open')
    expect(none.status).toBe(400)
    expect(none.body.error.message).toMatch(/requisition_id/)
    const extra = await get(`requisition_id=${requisition}&sort=name`)
    expect(extra.status).toBe(400)
    const unknown = await get('requisition_id=REQ-NOT-THERE')
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toContain('REQ-NOT-THERE')
  })
})

describe('GET /api/compare/candidates for a hiring manager', () => {
  it("lists their own requisition's candidates and answers 404 for another's", async () => {
    const db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': [
        'application_id,candidate_id,candidate_name,requisition_id,level,applied_at,decision',
        'M-1,C-1,Ada Lovelace,REQ-MINE,senior,2025-01-10,pending',
        'M-2,C-2,Alan Turing,REQ-MINE,senior,2025-01-11,rejected',
        'O-1,C-3,Grace Hopper,REQ-OTHER,senior,2025-01-12,pending',
      ].join('\n'),
      'scores.csv': [
        'application_id,interviewer,area,rating',
        'M-1,ana,judgment,4',
        'M-1,ana,ownership,2',
        'M-2,ana,judgment,2',
        'O-1,ana,judgment,3',
      ].join('\n'),
    })
    expect(report.ok).toBe(true)
    const manager = userWithToken(db, 'hiring_manager')
    db.update(requisitions)
      .set({ ownerUserId: manager.id })
      .where(eq(requisitions.id, 'REQ-MINE'))
      .run()
    const app = asBearer(createBareApp(db), manager.token)
    const own = await app.request('/api/compare/candidates?requisition_id=REQ-MINE')
    expect(own.status).toBe(200)
    const body = (await own.json()) as CandidateList
    // Senior weights: ownership .15, judgment .25 → (.15·2 + .25·4) / .40 = 3.25.
    expect(body.candidates.map((entry) => [entry.id, entry.status, entry.composite])).toEqual([
      ['M-1', 'open', 3.25],
      ['M-2', 'not_hired', 2],
    ])
    expect(body.counts).toEqual({ all: 2, open: 1, hired: 0, not_hired: 1 })
    const other = await app.request('/api/compare/candidates?requisition_id=REQ-OTHER')
    expect(other.status).toBe(404)
    expect(((await other.json()) as ErrorResponseBody).error.message).toContain('REQ-OTHER')
  })
})
