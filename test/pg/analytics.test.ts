import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compareCandidatesQuerySchema } from '../../api/analyses/compare-candidates'
import {
  analyticsFiltersSchema,
  compositeQuerySchema,
  questionsQuerySchema,
  utilityQuerySchema,
} from '../../api/analyses/filters'
import { scopeForViewer, type Scope } from '../../api/analyses/scope'
import { AnalysesService, type QueryOf, type Report } from '../../api/analyses/service'
import { ApiError } from '../../api/lib/errors'
import { seedDemoIfEmpty } from '../../api/seed-demo'
import { openDatabase, type Db } from '../../db/client'
import { copyIntoPostgres } from '../../db/copy'
import { openPostgresStore, type PostgresStore } from '../../db/store'
import { temporaryDatabase } from './temporary-database'

const TODAY = '2026-06-30'

/** A report's answer, or the refusal it ended in, as something to compare. */
async function answerOf<Name extends Report>(
  service: AnalysesService,
  report: Name,
  scope: Scope,
  query: QueryOf<Name>,
): Promise<unknown> {
  try {
    return { answer: await service.run(report, scope, query) }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error
    return { refused: error.status, body: error.body() }
  }
}

type Asked = { [Name in Report]: [Name, QueryOf<Name>] }[Report]

describe('the analytics of a database copied into PostgreSQL', () => {
  let sqlite: Db
  let database: Awaited<ReturnType<typeof temporaryDatabase>>
  let postgres: PostgresStore
  let onSqlite: AnalysesService
  let onPostgres: AnalysesService
  let lead: Scope
  let manager: Scope
  let managerRequisition: string
  let compared: string[]

  beforeAll(async () => {
    sqlite = openDatabase(':memory:')
    await seedDemoIfEmpty(sqlite, TODAY)
    // A hiring manager owning every third requisition, so restricted answers are compared too.
    const { id } = sqlite.$client
      .prepare(
        "INSERT INTO users (email, role) VALUES ('owner@example.test', 'hiring_manager') RETURNING id",
      )
      .get() as { id: number }
    sqlite.$client.prepare('UPDATE requisitions SET owner_user_id = ? WHERE rowid % 3 = 0').run(id)
    managerRequisition = sqlite.$client
      .prepare('SELECT id FROM requisitions WHERE owner_user_id = ? ORDER BY id LIMIT 1')
      .pluck()
      .get(id) as string
    compared = sqlite.$client
      .prepare('SELECT id FROM applications WHERE requisition_id = ? ORDER BY id LIMIT 3')
      .pluck()
      .all(managerRequisition) as string[]
    lead = scopeForViewer({ id: 1, role: 'talent_lead' })
    manager = scopeForViewer({ id, role: 'hiring_manager' })

    database = await temporaryDatabase()
    await copyIntoPostgres(sqlite, database.url)
    postgres = await openPostgresStore(database.url)
    const today = () => TODAY
    onSqlite = new AnalysesService({ db: sqlite, today, workers: 0 })
    onPostgres = new AnalysesService({ store: postgres.store, today, workers: 0 })
  }, 120_000)

  afterAll(async () => {
    await onSqlite.close()
    await onPostgres.close()
    await postgres.close()
    await database.drop()
    sqlite.$client.close()
  })

  const filters = analyticsFiltersSchema.parse({})
  const senior = analyticsFiltersSchema.parse({ level: 'senior' })
  const asked = (): Asked[] => [
    ['validity', filters],
    ['validity', senior],
    ['validity', analyticsFiltersSchema.parse({ requisition_id: managerRequisition })],
    ['model', filters],
    ['composite', compositeQuerySchema.parse({ weights: 'ownership:0.5,judgment:0.5' })],
    ['expectancy', filters],
    ['utility', utilityQuerySchema.parse({})],
    ['retention', filters],
    ['timeToHire', filters],
    ['salary', filters],
    ['interviewers', filters],
    ['redFlags', filters],
    ['backgrounds', filters],
    ['sources', filters],
    ['loopTime', filters],
    ['incrementalValidity', filters],
    ['panelSizing', filters],
    ['validityOverTime', filters],
    ['adverseImpact', filters],
    ['questions', questionsQuerySchema.parse({})],
    ['compare', compared],
    [
      'compareCandidates',
      compareCandidatesQuerySchema.parse({ requisition_id: managerRequisition }),
    ],
  ]

  it.each([
    ['a talent lead', () => lead],
    ['a hiring manager', () => manager],
  ])('answers %s every report as on SQLite, figure for figure', async (_who, scopeOf) => {
    const scope = scopeOf()
    let answered = 0
    for (const [report, query] of asked()) {
      const fromSqlite = await answerOf(onSqlite, report, scope, query as never)
      const fromPostgres = await answerOf(onPostgres, report, scope, query as never)
      expect(fromPostgres, report).toEqual(fromSqlite)
      if ('answer' in (fromSqlite as object)) answered++
    }
    // Most reports answer: the comparison is of figures, not of refusals.
    expect(answered).toBeGreaterThanOrEqual(15)
  })

  it('answers from a worker thread with its own connection to PostgreSQL', async () => {
    const pooled = new AnalysesService({
      store: postgres.store,
      postgresUrl: database.url,
      today: () => TODAY,
      workers: 1,
    })
    try {
      const fromWorker = await pooled.run('validity', lead, filters)
      expect(pooled.completedInWorkers).toBeGreaterThan(0)
      expect(fromWorker).toEqual(await onSqlite.run('validity', lead, filters))
    } finally {
      await pooled.close()
    }
  })
})
