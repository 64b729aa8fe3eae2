import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applicationDetail } from '../../api/analyses/application-detail'
import { scopeForViewer, type Scope } from '../../api/analyses/scope'
import { listApplications } from '../../api/lists/applications'
import { interviewerRatings } from '../../api/lists/interviewer-ratings'
import { findRequisition, listRequisitions } from '../../api/lists/requisitions'
import { ApiError } from '../../api/lib/errors'
import { first, rows, write, type Store } from '../../db/store'
import { DATA_VERSION_KEY, metaValue } from '../../db/meta'
import { eraseCandidate } from '../../api/privacy/erasure'
import { eq } from 'drizzle-orm'
import type { StoresUnderTest } from './accounts-suite'

const PAGE = { limit: 50, offset: 0 }

/**
 * The requisition and application lists, checked the same way on each database the server can
 * keep them in: what a hiring manager may see, search, paging and the counts beside each row.
 */
export function describeLists(name: string, open: () => Promise<StoresUnderTest>) {
  describe(`lists on ${name}`, () => {
    let stores: StoresUnderTest
    let store: Store
    let lead: Scope
    let mine: Scope
    let theirs: Scope
    beforeAll(async () => {
      stores = await open()
      store = stores.store
      const ids = await store.transaction(function* ({ db, tables }) {
        const { applications, candidates, employments, interviewers, requisitions, users } = tables
        const people = yield* rows(
          db
            .insert(users)
            .values([
              { email: 'lists-lead@example.test', role: 'talent_lead' },
              { email: 'lists-mia@example.test', role: 'hiring_manager' },
              { email: 'lists-max@example.test', role: 'hiring_manager' },
            ])
            .returning({ id: users.id }),
        )
        const [rubric] = yield* rows(
          db.insert(tables.rubrics).values({ key: 'lists', name: 'Lists' }).returning(),
        )
        const [area] = yield* rows(
          db
            .insert(tables.rubricAreas)
            .values({ rubricId: rubric!.id, key: 'design', name: 'Design', position: 0 })
            .returning(),
        )
        const [mia, max] = [people[1]!.id, people[2]!.id]
        yield* write(
          db.insert(requisitions).values([
            // Mia's two, Max's one; titles to search with either case.
            {
              id: 'REQ-ALPHA',
              title: 'Platform Engineer',
              level: 'senior',
              rubricId: rubric!.id,
              ownerUserId: mia,
              openedAt: '2026-01-10',
            },
            {
              id: 'REQ-BETA',
              title: 'Compiler engineer',
              level: 'mid',
              rubricId: rubric!.id,
              ownerUserId: mia,
              openedAt: '2026-02-10',
            },
            {
              id: 'REQ-GAMMA',
              title: 'Platform lead',
              level: 'staff',
              rubricId: rubric!.id,
              ownerUserId: max,
              openedAt: '2026-03-10',
            },
          ]),
        )
        yield* write(
          db.insert(candidates).values([
            { id: 'C-1', name: 'Ana Ørsted' },
            { id: 'C-2', name: 'Bo Berg' },
            { id: 'C-3', name: 'Cy 100% Real_Name' },
          ]),
        )
        yield* write(
          db.insert(applications).values([
            {
              id: 'A-1',
              candidateId: 'C-1',
              requisitionId: 'REQ-ALPHA',
              appliedAt: '2026-01-20',
              decision: 'hired',
              selfIdGroup: 'group a',
            },
            {
              id: 'A-2',
              candidateId: 'C-2',
              requisitionId: 'REQ-ALPHA',
              appliedAt: '2026-01-21',
              decision: 'rejected',
            },
            {
              id: 'A-3',
              candidateId: 'C-3',
              requisitionId: 'REQ-BETA',
              appliedAt: '2026-02-20',
              decision: 'rejected',
            },
            {
              id: 'A-4',
              candidateId: 'C-1',
              requisitionId: 'REQ-GAMMA',
              appliedAt: '2026-03-20',
              decision: 'hired',
            },
          ]),
        )
        yield* write(
          db.insert(employments).values([
            { applicationId: 'A-1', startDate: '2026-02-15' },
            { applicationId: 'A-4', startDate: '2026-04-15' },
          ]),
        )
        const panel = yield* rows(
          db
            .insert(interviewers)
            .values(['lists-ivy', 'lists-jo', 'lists-kai'].map((handle) => ({ handle })))
            .returning(),
        )
        yield* write(
          db.insert(requisitions).values({
            id: 'REQ-DELTA',
            title: 'Not yet opened',
            level: 'junior',
            rubricId: rubric!.id,
            ownerUserId: max,
          }),
        )
        yield* write(
          db
            .insert(tables.rubricRedFlags)
            .values({ rubricId: rubric!.id, key: 'clones_everything', name: 'Clones everything' }),
        )
        const [ivy, jo, kai] = panel.map((interviewer) => interviewer.id)
        const rating = (
          applicationId: string,
          interviewerId: number,
          value: number,
          interviewedAt: string | null,
          redFlags: string[] = [],
        ) => ({
          applicationId,
          areaId: area!.id,
          interviewerId,
          rating: value,
          interviewedAt,
          redFlags,
        })
        yield* write(
          db
            .insert(tables.scores)
            .values([
              { ...rating('A-1', ivy!, 3, '2026-01-25'), note: 'Explained lifetimes well' },
              rating('A-1', jo!, 4, '2026-01-26'),
              rating('A-1', kai!, 2, null),
              rating('A-2', kai!, 1, '2026-01-22'),
              rating('A-4', ivy!, 2, '2026-03-25', ['clones_everything']),
            ]),
        )
        // The area totals an import keeps beside the ratings.
        yield* write(
          db.insert(tables.applicationAreaScores).values(
            [
              ['A-1', 9, 3],
              ['A-2', 1, 1],
              ['A-4', 2, 1],
            ].map(([applicationId, ratingSum, ratings]) => ({
              applicationId: applicationId as string,
              areaId: area!.id,
              ratingSum: ratingSum as number,
              ratings: ratings as number,
            })),
          ),
        )
        return { lead: people[0]!.id, mia, max }
      })
      lead = scopeForViewer({ id: ids.lead, role: 'talent_lead' })
      mine = scopeForViewer({ id: ids.mia, role: 'hiring_manager' })
      theirs = scopeForViewer({ id: ids.max, role: 'hiring_manager' })
    })
    afterAll(() => stores.close())

    it('lists requisitions newest first with their owner, applications and hires', async () => {
      const all = await listRequisitions(stores.other, lead, PAGE)
      const ours = all.items.filter((item) => item.id.startsWith('REQ-'))
      // One not yet opened comes last.
      expect(ours.map((item) => item.id)).toEqual([
        'REQ-GAMMA',
        'REQ-BETA',
        'REQ-ALPHA',
        'REQ-DELTA',
      ])
      expect(ours[2]).toEqual({
        id: 'REQ-ALPHA',
        title: 'Platform Engineer',
        level: 'senior',
        hire_type: null,
        opened_at: '2026-01-10',
        owner_email: 'lists-mia@example.test',
        applications: 2,
        hires: 1,
      })
      const page = await listRequisitions(store, lead, { ...PAGE, limit: 1, offset: 1 })
      expect(page.items.map((item) => item.id)).toEqual([all.items[1]!.id])
      expect(page.total).toBe(all.total)
    })

    it("shows a hiring manager their own requisitions and nothing of another's", async () => {
      const seen = await listRequisitions(store, mine, PAGE)
      expect(seen.items.map((item) => item.id)).toEqual(['REQ-BETA', 'REQ-ALPHA'])
      expect(seen.total).toBe(2)
      expect(await findRequisition(store, mine, 'REQ-GAMMA')).toBeUndefined()
      expect(await findRequisition(store, theirs, 'REQ-GAMMA')).toMatchObject({ hires: 1 })
      // Searching or paging for another's rows finds nothing either.
      const searched = await listRequisitions(store, mine, { ...PAGE, q: 'lead' })
      expect(searched).toMatchObject({ total: 0, items: [] })
      const applications = await listApplications(store, mine, {
        ...PAGE,
        requisition_id: 'REQ-GAMMA',
      })
      expect(applications).toMatchObject({ total: 0, items: [] })
      const everyone = await listApplications(store, mine, PAGE)
      expect(everyone.items.map((item) => item.id)).toEqual(['A-3', 'A-2', 'A-1'])
    })

    it('searches ids, names and titles whatever the case, taking % and _ literally', async () => {
      const titled = await listRequisitions(store, lead, { ...PAGE, q: 'PLATFORM' })
      expect(titled.items.map((item) => item.id).sort()).toEqual(['REQ-ALPHA', 'REQ-GAMMA'])
      const byId = await listRequisitions(store, lead, { ...PAGE, q: 'req-be' })
      expect(byId.items.map((item) => item.id)).toEqual(['REQ-BETA'])
      const named = await listApplications(store, lead, { ...PAGE, q: 'bo b' })
      expect(named.items.map((item) => item.id)).toEqual(['A-2'])
      const percent = await listApplications(store, lead, { ...PAGE, q: '100%' })
      expect(percent.items.map((item) => item.id)).toEqual(['A-3'])
      // As wildcards they would match "100" and "Real".
      expect((await listApplications(store, lead, { ...PAGE, q: '1%0' })).total).toBe(0)
      expect((await listApplications(store, lead, { ...PAGE, q: 'e_l' })).total).toBe(0)
      expect((await listApplications(store, lead, { ...PAGE, q: 'L_n' })).total).toBe(1)
    })

    it('lists applications newest first with candidate, requisition and rating count', async () => {
      const hired = await listApplications(stores.other, lead, { ...PAGE, decision: 'hired' })
      const ours = hired.items.filter((item) => item.id.startsWith('A-'))
      expect(ours).toEqual([
        {
          id: 'A-4',
          candidate_id: 'C-1',
          candidate_name: 'Ana Ørsted',
          requisition_id: 'REQ-GAMMA',
          requisition_title: 'Platform lead',
          level: 'staff',
          applied_at: '2026-03-20',
          decision: 'hired',
          ratings: 1,
        },
        expect.objectContaining({ id: 'A-1', ratings: 3 }),
      ])
    })

    it("lists an interviewer's ratings newest first, undated last, within what the viewer may see", async () => {
      const kai = await interviewerRatings(stores.other, lead, 'lists-kai', PAGE)
      expect(kai.items.map((item) => [item.application_id, item.interviewed_at])).toEqual([
        ['A-2', '2026-01-22'],
        ['A-1', null],
      ])
      const ivy = await interviewerRatings(store, lead, 'lists-ivy', PAGE)
      expect(ivy.total).toBe(2)
      expect(ivy.items[0]).toEqual({
        application_id: 'A-4',
        candidate_name: 'Ana Ørsted',
        requisition_id: 'REQ-GAMMA',
        requisition_title: 'Platform lead',
        level: 'staff',
        area: 'design',
        area_name: 'Design',
        rating: 2,
        red_flags: [{ key: 'clones_everything', name: 'Clones everything' }],
        interviewed_at: '2026-03-25',
      })
      // Mia sees Ivy's rating in her own requisition only.
      const seen = await interviewerRatings(store, mine, 'lists-ivy', PAGE)
      expect(seen.items.map((item) => item.application_id)).toEqual(['A-1'])
      expect(seen.total).toBe(1)
      const staff = await interviewerRatings(store, lead, 'lists-ivy', { ...PAGE, level: 'staff' })
      expect(staff.items.map((item) => item.application_id)).toEqual(['A-4'])
      const missing = await interviewerRatings(store, lead, 'nobody', PAGE).catch(
        (error: unknown) => error,
      )
      expect((missing as ApiError).status).toBe(404)
    })

    it("shows one application's loop to who may see its requisition, and to no one else", async () => {
      const detail = await applicationDetail(stores.other, mine, 'A-1')
      expect(detail).toMatchObject({
        id: 'A-1',
        decision: 'hired',
        candidate: { id: 'C-1', name: 'Ana Ørsted', erased_at: null },
        requisition: { id: 'REQ-ALPHA', level: 'senior', opened_at: '2026-01-10' },
        offer: null,
        employment: { start_date: '2026-02-15', end_date: null, departure: null },
        area_scores: [{ key: 'design', name: 'Design', score: 3, ratings: 3 }],
      })
      expect(detail.scores.map((score) => [score.interviewer, score.rating, score.note])).toEqual([
        ['lists-ivy', 3, 'Explained lifetimes well'],
        ['lists-jo', 4, null],
        ['lists-kai', 2, null],
      ])
      const refused = await applicationDetail(store, theirs, 'A-1').catch((error: unknown) => error)
      expect((refused as ApiError).status).toBe(404)
      const missing = await applicationDetail(store, lead, 'A-9').catch((error: unknown) => error)
      expect((missing as ApiError).message).toBe(
        (refused as ApiError).message.replace('A-1', 'A-9'),
      )
      const flagged = await applicationDetail(store, lead, 'A-4')
      expect(flagged.scores[0]!.red_flags).toEqual([
        { key: 'clones_everything', name: 'Clones everything' },
      ])
    })

    // Last: it changes what the lists show.
    it("erases a candidate's name, notes and self-ID group on request, keeping their ratings", async () => {
      const version = async () =>
        Number(await store.run((queries) => metaValue(queries, DATA_VERSION_KEY)))
      const before = await version()
      const now = new Date('2026-06-01T12:00:00.000Z')
      expect(await eraseCandidate(stores.other, 'C-1', { command: 'test' }, now)).toEqual({
        candidate_id: 'C-1',
        erased_at: now.toISOString(),
        notes_erased: 1,
      })
      const left = await store.run(function* ({ db, tables }) {
        const { applications, candidates, scores } = tables
        return {
          candidate: yield* first(db.select().from(candidates).where(eq(candidates.id, 'C-1'))),
          applications: yield* rows(
            db
              .select({ id: applications.id, group: applications.selfIdGroup })
              .from(applications)
              .where(eq(applications.candidateId, 'C-1')),
          ),
          notes: yield* rows(
            db.select({ note: scores.note }).from(scores).where(eq(scores.applicationId, 'A-1')),
          ),
        }
      })
      expect(left.candidate).toMatchObject({ name: null, erasedAt: now.toISOString() })
      expect(left.applications.map((row) => row.group)).toEqual([null, null])
      expect(left.notes).toEqual([{ note: null }, { note: null }, { note: null }])
      const listed = await listApplications(store, lead, { ...PAGE, q: 'C-1' })
      expect(listed.items.map((item) => [item.id, item.candidate_name, item.ratings])).toEqual([
        ['A-4', null, 1],
        ['A-1', null, 3],
      ])
      expect(await version()).toBe(before + 1)
      // Asked again, it keeps the first date.
      const later = new Date('2026-07-01T00:00:00.000Z')
      expect(await eraseCandidate(store, 'C-1', { command: 'test' }, later)).toMatchObject({
        erased_at: now.toISOString(),
        notes_erased: 0,
      })
      const missing = await eraseCandidate(store, 'C-9', { command: 'test' }, now).catch(
        (error: unknown) => error,
      )
      expect((missing as ApiError).status).toBe(404)
    })
  })
}
