import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/client'
import type { FieldProblem } from './canonical-format'
import { describe, type Where } from './row-checks'

/** Rows read back a page at a time, so no query stays open while the caller writes. */
const PAGE = 1000

const TABLES = `
  CREATE TEMP TABLE import_applications (
    id TEXT PRIMARY KEY, requisition_id TEXT NOT NULL,
    file INTEGER NOT NULL, line INTEGER, path TEXT
  ) WITHOUT ROWID;
  CREATE TEMP TABLE import_ratings (
    score_id INTEGER PRIMARY KEY, file INTEGER NOT NULL, line INTEGER, path TEXT
  );
  CREATE TEMP TABLE import_rated_applications (id TEXT PRIMARY KEY) WITHOUT ROWID;
  CREATE TEMP TABLE import_facts (
    entity TEXT NOT NULL, id TEXT NOT NULL, fact TEXT NOT NULL,
    file INTEGER NOT NULL, line INTEGER, path TEXT,
    UNIQUE (entity, id)
  );
`
const DROP = `
  DROP TABLE IF EXISTS temp.import_applications;
  DROP TABLE IF EXISTS temp.import_ratings;
  DROP TABLE IF EXISTS temp.import_rated_applications;
  DROP TABLE IF EXISTS temp.import_facts;
`

interface Located {
  file: number
  line: number | null
  path: string | null
}

/**
 * What an import has seen so far (each application, candidate and requisition, with where it
 * was first stated, and where each rating it wrote was), kept in temporary tables of the
 * import's connection rather than in memory: a file of any size costs pages on disk, not heap.
 * A rating is known by the id of the stored row it wrote: the ratings table's own unique key
 * finds a repeat. The tables are written inside the import's transaction and dropped when it
 * ends.
 */
export class ImportLedger {
  private readonly fileNames: string[] = []
  private readonly fileIds = new Map<string, number>()
  private readonly statements: Record<string, Statement>
  private lastRequisition: { applicationId: string; requisitionId: string | undefined } | null =
    null
  /** Statements noting that many ratings at once, and their values. */
  private readonly ratingBatches = new Map<number, Statement>()
  private readonly ratingValues: unknown[] = []
  private lastRated: string | null = null

  constructor(private readonly db: Db) {
    db.$client.exec(DROP + TABLES)
    const prepare = (text: string) => db.$client.prepare(text)
    this.statements = {
      claimApplication: prepare(
        'INSERT INTO temp.import_applications VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ),
      applicationAt: prepare('SELECT file, line, path FROM temp.import_applications WHERE id = ?'),
      requisitionOf: prepare(
        'SELECT requisition_id FROM temp.import_applications WHERE id = ?',
      ).pluck(),
      noteRating: prepare('INSERT INTO temp.import_ratings VALUES (?, ?, ?, ?)'),
      ratingAt: prepare('SELECT file, line, path FROM temp.import_ratings WHERE score_id = ?'),
      noteRated: prepare(
        'INSERT INTO temp.import_rated_applications VALUES (?) ON CONFLICT DO NOTHING',
      ),
      ratedApplications: prepare(
        'SELECT id FROM temp.import_rated_applications WHERE id > ? ORDER BY id LIMIT ?',
      ).pluck(),
      factOf: prepare(
        'SELECT fact, file, line, path FROM temp.import_facts WHERE entity = ? AND id = ?',
      ),
      addFact: prepare(
        'INSERT INTO temp.import_facts (entity, id, fact, file, line, path) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      setFact: prepare('UPDATE temp.import_facts SET fact = ? WHERE entity = ? AND id = ?'),
      factsAfter: prepare(
        'SELECT rowid, id, fact FROM temp.import_facts WHERE entity = ? AND rowid > ? ORDER BY rowid LIMIT ?',
      ),
    }
  }

  private fileId(name: string): number {
    let id = this.fileIds.get(name)
    if (id === undefined) {
      id = this.fileNames.length
      this.fileNames.push(name)
      this.fileIds.set(name, id)
    }
    return id
  }

  private where(found: Located): Where {
    return { file: this.fileNames[found.file]!, line: found.line, path: found.path }
  }

  /** Records an application of the files; returns where it appeared before, if it did. */
  claimApplication(id: string, requisitionId: string, where: Where): Where | undefined {
    const { changes } = this.statements.claimApplication!.run(
      id,
      requisitionId,
      this.fileId(where.file),
      where.line,
      where.path,
    )
    if (changes > 0) return undefined
    return this.where(this.statements.applicationAt!.get(id) as Located)
  }

  /** The requisition of an application of the files; undefined if no file has it. */
  requisitionOf(applicationId: string): string | undefined {
    // Ratings come grouped by application, mostly: the last answer is usually the one asked for.
    if (this.lastRequisition?.applicationId !== applicationId) {
      const requisitionId = this.statements.requisitionOf!.get(applicationId) as string | undefined
      this.lastRequisition = { applicationId, requisitionId }
    }
    return this.lastRequisition.requisitionId
  }

  /** Notes that the import wrote (or kept) the stored rating `scoreId`, stated here. */
  noteRating(scoreId: number | bigint, applicationId: string, where: Where): void {
    this.statements.noteRating!.run(scoreId, this.fileId(where.file), where.line, where.path)
    this.noteRated(applicationId)
  }

  /** Notes ratings the import wrote with consecutive ids from `firstScoreId`, in one statement. */
  noteRatings(
    firstScoreId: number,
    ratings: readonly { applicationId: string; where: Where }[],
  ): void {
    let statement = this.ratingBatches.get(ratings.length)
    if (!statement) {
      statement = this.db.$client.prepare(
        `INSERT INTO temp.import_ratings VALUES ${Array.from({ length: ratings.length }, () => '(?, ?, ?, ?)').join(', ')}`,
      )
      this.ratingBatches.set(ratings.length, statement)
    }
    const values = this.ratingValues
    values.length = ratings.length * 4
    ratings.forEach(({ applicationId, where }, index) => {
      const at = index * 4
      values[at] = firstScoreId + index
      values[at + 1] = this.fileId(where.file)
      values[at + 2] = where.line
      values[at + 3] = where.path
      this.noteRated(applicationId)
    })
    statement.run(values)
  }

  /** Where the import stated the stored rating `scoreId`; undefined if it did not. */
  ratingAt(scoreId: number): Where | undefined {
    const found = this.statements.ratingAt!.get(scoreId) as Located | undefined
    return found && this.where(found)
  }

  private noteRated(applicationId: string): void {
    // Ratings come grouped by application, mostly: one note per group.
    if (applicationId === this.lastRated) return
    this.statements.noteRated!.run(applicationId)
    this.lastRated = applicationId
  }

  /** Every application rated by the files, a page at a time. */
  *ratedApplications(): Generator<string[]> {
    let after = ''
    for (;;) {
      const page = this.statements.ratedApplications!.all(after, PAGE) as string[]
      if (page.length === 0) return
      yield page
      after = page[page.length - 1]!
    }
  }

  /** Facts the rows state about the candidates or the requisitions. */
  facts<Fact extends object>(entity: string): SharedFacts<Fact> {
    return new SharedFacts<Fact>(entity, {
      find: (id) => {
        const found = this.statements.factOf!.get(entity, id) as
          (Located & { fact: string }) | undefined
        return found && { fact: JSON.parse(found.fact) as Fact, where: this.where(found) }
      },
      add: (id, fact, where) =>
        this.statements.addFact!.run(
          entity,
          id,
          JSON.stringify(fact),
          this.fileId(where.file),
          where.line,
          where.path,
        ),
      update: (id, fact) => this.statements.setFact!.run(JSON.stringify(fact), entity, id),
      after: (rowid) =>
        this.statements.factsAfter!.all(entity, rowid, PAGE) as {
          rowid: number
          id: string
          fact: string
        }[],
    })
  }

  /** Drops the tables; the import's transaction has ended. */
  drop(): void {
    this.db.$client.exec(DROP)
  }
}

interface FactStore<Fact> {
  find(id: string): { fact: Fact; where: Where } | undefined
  add(id: string, fact: Fact, where: Where): unknown
  update(id: string, fact: Fact): unknown
  after(rowid: number): { rowid: number; id: string; fact: string }[]
}

/**
 * Facts that several rows state about one candidate or requisition must agree. A column a
 * file does not have (undefined) is left out of the stored JSON, so it stays undefined.
 */
export class SharedFacts<Fact extends object> {
  constructor(
    private readonly entity: string,
    private readonly store: FactStore<Fact>,
  ) {}

  /** Each id's facts, merged over the rows that state them, in the order first stated. */
  *merged(): Generator<[string, Fact]> {
    let after = 0
    for (;;) {
      const page = this.store.after(after)
      if (page.length === 0) return
      for (const row of page) yield [row.id, JSON.parse(row.fact) as Fact]
      after = page[page.length - 1]!.rowid
    }
  }

  check(id: string, fact: Fact, where: Where): FieldProblem[] {
    const earlier = this.store.find(id)
    if (!earlier) {
      this.store.add(id, fact, where)
      return []
    }
    const problems: FieldProblem[] = []
    const known = earlier.fact as Record<string, string | null | undefined>
    let merged = false
    // Facts are text (or null): a candidate's name, a requisition's level or opening date.
    for (const [column, value] of Object.entries(fact) as [string, string | null | undefined][]) {
      if (value === null || value === undefined) continue
      const stated = known[column]
      if (stated === null || stated === undefined) {
        known[column] = value
        merged = true
      } else if (stated !== value) {
        problems.push({
          column,
          message: `${this.entity} ${id} has ${column} "${value}" here but "${stated}" on ${describe(earlier.where, where.file)}`,
        })
      }
    }
    if (merged) this.store.update(id, earlier.fact)
    return problems
  }
}
