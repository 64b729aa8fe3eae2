import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { asc, eq, getTableColumns, getTableName, inArray, sql, type SQL } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import pg from 'pg'
import { openDatabase, type Db } from '../../db/client'
import * as sqliteTables from '../../db/schema'
import { DEFAULT_RUBRIC_KEY } from '../../db/seed/reference-data'
import { rows, write, type Operation, type Queries, type Store } from '../../db/store'
import { auditEntry } from '../auth/audit'
import { dataChanged } from '../dataset/data-change'
import { runImport, type ImportOptions, type ImportReport, type ImportRows } from './import-files'
import { ImportSession, CHANGED_ENTITIES, type ChangeSummary } from './import-session'
import type { ImportSource } from './row-checks'
import { IMPORTED_COLUMNS } from './statements'

/** The advisory lock an import into PostgreSQL holds, whichever instance runs it ("lsim"). */
export const POSTGRES_IMPORT_LOCK = 0x6c73696d

/** How long an import waits for another's lock before answering 503. */
const LOCK_WAIT_MS = 2000

/** Rows read or written per statement. */
const BATCH = 1000

/**
 * The keys a file's rows name, gathered by a first pass through the same pipeline that
 * checks them: the applications, their candidates and requisitions.
 */
class KeyCollector implements ImportRows {
  readonly applications = new Set<string>()
  readonly candidates = new Set<string>()
  readonly summary = Object.fromEntries(
    CHANGED_ENTITIES.map((entity) => [entity, { insert: 0, update: 0, unchanged: 0, delete: 0 }]),
  ) as ChangeSummary

  constructor(private readonly defaultRubricId: number) {}

  application(row: { application_id: string; candidate_id: string }): void {
    this.applications.add(row.application_id)
    this.candidates.add(row.candidate_id)
  }
  rejectApplication(id: string): void {
    if (id !== '') this.applications.add(id)
  }
  wasRejected(): boolean {
    return false
  }
  rubricOf(applicationId: string): number {
    this.applications.add(applicationId)
    return this.defaultRubricId
  }
  score(row: { application_id: string }): void {
    this.applications.add(row.application_id)
  }
  finishApplications(): void {}
  flushScores(): void {}
  finish(): void {}
  close(): void {}
}

/** Tables whose every row is staged: the vocabularies and the small tables rows point to. */
const STAGED_WHOLE = [
  'rubrics',
  'rubricAreas',
  'rubricLevelWeights',
  'rubricRedFlags',
  'attributeMappings',
  'users',
  'interviewers',
  'requisitions',
] as const

/** What an import writes, by table: the key it is found by and the columns it sets. */
const WRITTEN = {
  requisitions: { key: 'id', columns: IMPORTED_COLUMNS.requisitions },
  candidates: { key: 'id', columns: IMPORTED_COLUMNS.candidates },
  applications: { key: 'id', columns: IMPORTED_COLUMNS.applications },
  offers: { key: 'applicationId', columns: IMPORTED_COLUMNS.offers },
  employments: { key: 'applicationId', columns: IMPORTED_COLUMNS.employments },
  scores: { key: 'id', columns: IMPORTED_COLUMNS.scores },
  interviewers: { key: 'id', columns: [] },
} as const satisfies Record<string, { key: string; columns: readonly string[] }>
type WrittenTable = keyof typeof WRITTEN

const columnOf = (table: SQLiteTable, key: string) =>
  (getTableColumns(table) as Record<string, SQLiteColumn>)[key]!

/**
 * Imports files into PostgreSQL with the same checks, report and all-or-nothing result as
 * into SQLite. Under an advisory lock (one import at a time, whichever instance runs it), the
 * rows the files name are copied into a SQLite staging database: the vocabularies, every
 * requisition and interviewer, and the named applications with their candidates, offers,
 * employments and ratings. The import runs there unchanged; what it changed (noted by
 * triggers) is then written to PostgreSQL in one transaction, with the audit entry and the
 * new data version. A failed or dry run writes nothing there.
 *
 * `openSources` is called twice: a first pass gathers the keys the files name. `url` is the
 * store's database, where the lock is held on a connection of its own.
 */
export async function importIntoPostgres(
  store: Store,
  url: string,
  openSources: () => ImportSource[],
  options: ImportOptions,
): Promise<ImportReport> {
  const lock = new pg.Client({ connectionString: url })
  await lock.connect()
  const scratch = mkdtempSync(join(tmpdir(), 'loopscope-import-'))
  try {
    // Another import holding the lock longer fails this one with lock_not_available, which
    // the server answers with a 503.
    await lock.query(`SET lock_timeout = ${LOCK_WAIT_MS}`)
    await lock.query('SELECT pg_advisory_lock($1)', [POSTGRES_IMPORT_LOCK])
    const staging = openDatabase(join(scratch, 'staging.db'))
    try {
      await stageRows(store, staging, openSources, options)
      const storedScores = new Set(
        staging.$client.prepare('SELECT id FROM scores').pluck().all() as number[],
      )
      noteChanges(staging)
      return await runImport(staging, openSources(), options, {
        session: (connection, log) => new ImportSession(connection, log, { dataChange: false }),
        publish: (connection, changes, target) =>
          store.transaction((queries) =>
            published(queries, connection, storedScores, { changes, target }, options),
          ),
      })
    } finally {
      staging.$client.close()
      await lock.query('SELECT pg_advisory_unlock($1)', [POSTGRES_IMPORT_LOCK])
    }
  } finally {
    await lock.end()
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** Splits a list into batches. */
function* batches<Item>(items: readonly Item[]): Generator<Item[]> {
  for (let start = 0; start < items.length; start += BATCH) yield items.slice(start, start + BATCH)
}

/**
 * Copies into the staging database what the import reads: whole tables first (replacing what
 * a new database is seeded with), then, once a first pass found the keys the files name, those
 * applications and everything of theirs.
 */
async function stageRows(
  store: Store,
  staging: Db,
  openSources: () => ImportSource[],
  options: ImportOptions,
): Promise<void> {
  const raw = staging.$client
  raw.pragma('foreign_keys = OFF')
  const insert = (table: SQLiteTable, found: readonly Record<string, unknown>[]) => {
    for (const batch of batches(found)) staging.insert(table).values(batch).run()
  }
  const whole = await store.transaction(
    function* ({ db, tables }): Operation<Record<string, unknown>[][]> {
      const found: Record<string, unknown>[][] = []
      for (const name of STAGED_WHOLE) {
        const table = tables[name] as SQLiteTable
        const key = Object.values(getTableColumns(table))[0]!
        found.push(yield* rows(db.select().from(table).orderBy(asc(key))))
      }
      return found
    },
    { snapshot: true },
  )
  raw.transaction(() => {
    for (const name of [...STAGED_WHOLE].reverse()) staging.delete(sqliteTables[name]).run()
    STAGED_WHOLE.forEach((name, at) => insert(sqliteTables[name], whole[at]!))
  })()

  const defaultRubric = staging
    .select({ id: sqliteTables.rubrics.id })
    .from(sqliteTables.rubrics)
    .where(eq(sqliteTables.rubrics.key, DEFAULT_RUBRIC_KEY))
    .get()
  const collector = new KeyCollector(defaultRubric?.id ?? 0)
  // The first pass reports no progress: the second, which checks and writes, does.
  const firstPass: ImportOptions = { dryRun: true }
  if (options.format) firstPass.format = options.format
  await runImport(staging, openSources(), firstPass, { session: () => collector })

  const named = [...collector.applications]
  const found = await store.transaction(
    function* ({ db, tables }) {
      const { applications, candidates, offers, employments, scores } = tables
      const ofApplications = {
        applications: [] as Record<string, unknown>[],
        offers: [] as Record<string, unknown>[],
        employments: [] as Record<string, unknown>[],
        scores: [] as Record<string, unknown>[],
        candidates: [] as Record<string, unknown>[],
      }
      const candidateIds = new Set(collector.candidates)
      for (const ids of batches(named)) {
        for (const row of yield* rows(
          db.select().from(applications).where(inArray(applications.id, ids)),
        )) {
          candidateIds.add(row.candidateId)
          ofApplications.applications.push(row)
        }
        ofApplications.offers.push(
          ...(yield* rows(db.select().from(offers).where(inArray(offers.applicationId, ids)))),
        )
        ofApplications.employments.push(
          ...(yield* rows(
            db.select().from(employments).where(inArray(employments.applicationId, ids)),
          )),
        )
        ofApplications.scores.push(
          ...(yield* rows(
            db
              .select()
              .from(scores)
              .where(inArray(scores.applicationId, ids))
              .orderBy(asc(scores.id)),
          )),
        )
      }
      for (const ids of batches([...candidateIds])) {
        ofApplications.candidates.push(
          ...(yield* rows(db.select().from(candidates).where(inArray(candidates.id, ids)))),
        )
      }
      return ofApplications
    },
    { snapshot: true },
  )
  raw.transaction(() => {
    insert(sqliteTables.candidates, found.candidates)
    insert(sqliteTables.applications, found.applications)
    insert(sqliteTables.offers, found.offers)
    insert(sqliteTables.employments, found.employments)
    insert(sqliteTables.scores, found.scores)
  })()
  raw.pragma('foreign_keys = ON')
}

/** Triggers on the staging copy that note the key of every row the import writes. */
function noteChanges(staging: Db): void {
  const raw = staging.$client
  raw.exec(
    'CREATE TEMP TABLE staged_changes (entity TEXT NOT NULL, key NOT NULL, PRIMARY KEY (entity, key)) WITHOUT ROWID',
  )
  for (const [entity, { key }] of Object.entries(WRITTEN)) {
    const table = sqliteTables[entity as WrittenTable]
    const name = getTableName(table)
    const column = columnOf(table, key).name
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      raw.exec(
        `CREATE TEMP TRIGGER staged_${name}_${event.toLowerCase()} AFTER ${event} ON main."${name}" BEGIN INSERT OR IGNORE INTO staged_changes VALUES ('${entity}', ${row}."${column}"); END`,
      )
    }
  }
}

/** The keys of the rows of a table the import wrote. */
const changedKeys = (staging: Db, entity: WrittenTable) =>
  staging.$client
    .prepare('SELECT key FROM staged_changes WHERE entity = ?')
    .pluck()
    .all(entity) as (string | number)[]

/** Rows of the staging copy with these keys, as the schema reads them. */
function stagedRows(
  staging: Db,
  table: SQLiteTable,
  keyName: string,
  keys: readonly (string | number)[],
): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  for (const batch of batches(keys)) {
    found.push(
      ...staging
        .select()
        .from(table)
        .where(inArray(columnOf(table, keyName), batch))
        .all(),
    )
  }
  return found
}

/**
 * What the import changed on the staging copy, written to PostgreSQL: each table's written
 * rows inserted or updated (only the columns an import sets, so a requisition's owner set
 * meanwhile stays), removed rows deleted, the area totals of the staged applications
 * replaced, then the audit entry and the new data version.
 */
function* published(
  queries: Queries,
  staging: Db,
  storedScores: ReadonlySet<number>,
  { changes, target }: { changes: ChangeSummary; target: string },
  options: ImportOptions,
): Operation<void> {
  const { db, tables } = queries
  // New interviewers are numbered by PostgreSQL; their ratings follow those numbers.
  const interviewerIds = new Map<number, number>()
  const newInterviewers = stagedRows(
    staging,
    sqliteTables.interviewers,
    'id',
    changedKeys(staging, 'interviewers'),
  )
  for (const batch of batches(newInterviewers)) {
    const inserted = yield* rows(
      db
        .insert(tables.interviewers)
        .values(batch.map((row) => ({ handle: row.handle as string })))
        .returning(),
    )
    const idOfHandle = new Map(inserted.map((row) => [row.handle, row.id]))
    for (const row of batch) {
      interviewerIds.set(row.id as number, idOfHandle.get(row.handle as string)!)
    }
  }

  const removed: [WrittenTable, (string | number)[]][] = []
  for (const entity of [
    'requisitions',
    'candidates',
    'applications',
    'offers',
    'employments',
  ] as const) {
    const { key, columns } = WRITTEN[entity]
    const keys = changedKeys(staging, entity)
    const present = stagedRows(staging, sqliteTables[entity], key, keys)
    const presentKeys = new Set(present.map((row) => row[key]))
    removed.push([entity, keys.filter((value) => !presentKeys.has(value))])
    yield* upsert(queries, entity, present, columns)
  }
  // Ratings read from PostgreSQL are updated by id; new ones inserted in the order written.
  const scoreKeys = changedKeys(staging, 'scores')
  const scoreRows = stagedRows(staging, sqliteTables.scores, 'id', scoreKeys).sort(
    (a, b) => (a.id as number) - (b.id as number),
  )
  yield* upsert(
    queries,
    'scores',
    scoreRows.filter((row) => storedScores.has(row.id as number)),
    WRITTEN.scores.columns,
  )
  const added = scoreRows
    .filter((row) => !storedScores.has(row.id as number))
    .map(({ id: _id, ...row }) => ({
      ...row,
      interviewerId: interviewerIds.get(row.interviewerId as number) ?? row.interviewerId,
    }))
  for (const batch of batches(added)) {
    yield* write(db.insert(tables.scores).values(batch as (typeof tables.scores.$inferInsert)[]))
  }
  const presentScores = new Set(scoreRows.map((row) => row.id))
  removed.push(['scores', scoreKeys.filter((id) => !presentScores.has(id))])
  for (const [entity, keys] of removed.reverse()) {
    const column = columnOf(tables[entity] as SQLiteTable, WRITTEN[entity].key)
    for (const batch of batches(keys)) {
      yield* write(db.delete(tables[entity]).where(inArray(column, batch)))
    }
  }

  // The area totals of every staged application, as the import recomputed them.
  const { applicationAreaScores } = tables
  const stagedApplications = staging.$client
    .prepare('SELECT id FROM applications')
    .pluck()
    .all() as string[]
  for (const ids of batches(stagedApplications)) {
    yield* write(
      db.delete(applicationAreaScores).where(inArray(applicationAreaScores.applicationId, ids)),
    )
    // A row per area of each application: inserted a batch of rows at a time, whatever the
    // number of areas, to stay within PostgreSQL's parameters per statement.
    const totals = stagedRows(staging, sqliteTables.applicationAreaScores, 'applicationId', ids)
    for (const batch of batches(totals)) {
      yield* write(
        db
          .insert(applicationAreaScores)
          .values(batch as (typeof applicationAreaScores.$inferInsert)[]),
      )
    }
  }

  if (options.audit) {
    yield* auditEntry(
      queries,
      { actor: options.audit.actor, action: 'import', target, details: { changes } },
      options.audit.at,
    )
  }
  yield* dataChanged(queries, 'applications')
}

/** Inserts the rows, or sets the given columns of those whose key is taken. */
function* upsert(
  { db, tables }: Queries,
  entity: WrittenTable,
  found: readonly Record<string, unknown>[],
  columns: readonly string[],
): Operation<void> {
  const table = tables[entity] as SQLiteTable
  const set: Record<string, SQL> = {}
  for (const name of columns) set[name] = sql.raw(`excluded."${columnOf(table, name).name}"`)
  const target = columnOf(table, WRITTEN[entity].key)
  for (const batch of batches(found)) {
    const insert = db.insert(table).values(batch)
    yield* write(
      columns.length > 0
        ? insert.onConflictDoUpdate({ target, set })
        : insert.onConflictDoNothing(),
    )
  }
}
