import { getTableName, is, type Table } from 'drizzle-orm'
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core'
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core'
import { describe, expect, it } from 'vitest'
import * as pg from '../../db/schema-pg'
import * as sqlite from '../../db/schema'

/**
 * The SQLite schema and its PostgreSQL twin describe the same tables: a column, key, index or
 * check added to one and not the other fails here, before either dialect's migration is made.
 */

/** The PostgreSQL types that hold what each SQLite storage class holds here. */
const PG_TYPES_OF: Record<string, readonly string[]> = {
  integer: ['integer', 'bigint', 'boolean'],
  text: ['text', 'jsonb'],
  real: ['double precision'],
  blob: ['bytea'],
}

interface Shape {
  columns: {
    name: string
    type: string
    notNull: boolean
    primary: boolean
    unique: boolean
    hasDefault: boolean
  }[]
  primaryKeys: string[][]
  indexes: { name: string; columns: string[]; unique: boolean }[]
  foreignKeys: { columns: string[]; table: string; references: string[]; onDelete: string }[]
  checks: string[]
}

const names = (columns: readonly { name: string }[]) => columns.map((column) => column.name)

/** What the shape is read from: the part both dialects' table configs share. */
interface TableConfig<Column> {
  columns: Column[]
  primaryKeys: { columns: { name: string }[] }[]
  indexes: { config: { name?: string | undefined; columns: unknown[]; unique: boolean } }[]
  foreignKeys: {
    onDelete?: string | undefined
    reference(): {
      columns: { name: string }[]
      foreignTable: Table
      foreignColumns: { name: string }[]
    }
  }[]
  checks: { name: string }[]
}

interface ColumnConfig {
  name: string
  getSQLType(): string
  notNull: boolean
  primary: boolean
  isUnique: boolean
}

/** A table's shape; `hasDefault` says whether the application may leave the column out. */
function shapeOf<Column extends ColumnConfig>(
  config: TableConfig<Column>,
  hasDefault: (column: Column) => boolean,
): Shape {
  return {
    columns: config.columns.map((column) => ({
      name: column.name,
      type: column.getSQLType(),
      notNull: column.notNull,
      primary: column.primary,
      unique: column.isUnique,
      hasDefault: hasDefault(column),
    })),
    primaryKeys: config.primaryKeys.map((key) => names(key.columns)),
    indexes: config.indexes.map(({ config: index }) => ({
      name: index.name!,
      columns: names(index.columns as { name: string }[]),
      unique: index.unique,
    })),
    foreignKeys: config.foreignKeys.map((key) => {
      const reference = key.reference()
      return {
        columns: names(reference.columns),
        table: getTableName(reference.foreignTable),
        references: names(reference.foreignColumns),
        onDelete: key.onDelete ?? 'no action',
      }
    }),
    checks: config.checks.map((constraint) => constraint.name),
  }
}

const sqliteShape = (table: SQLiteTable) =>
  shapeOf(
    sqliteConfig(table),
    // An integer primary key is SQLite's row number, numbered when left out; only one that is
    // declared to be numbered (autoincrement) has a default the application relies on.
    (column) =>
      column.hasDefault &&
      !(column.primary && !('autoIncrement' in column && column.autoIncrement === true)),
  )

const pgShape = (table: PgTable) => shapeOf(pgConfig(table), (column) => column.hasDefault)

const sqliteTables = new Map(
  (Object.values(sqlite) as unknown[])
    .filter((value): value is SQLiteTable => is(value, SQLiteTable))
    .map((table) => [sqliteConfig(table).name, sqliteShape(table)]),
)
const pgTables = new Map(
  (Object.values(pg) as unknown[])
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => [pgConfig(table).name, pgShape(table)]),
)

describe('the SQLite and PostgreSQL schemas', () => {
  it('have the same tables', () => {
    expect([...pgTables.keys()].sort()).toEqual([...sqliteTables.keys()].sort())
    expect(sqliteTables.size).toBeGreaterThan(20)
  })

  describe.each([...sqliteTables.keys()])('table %s', (name) => {
    const inSqlite = sqliteTables.get(name)!
    const inPg = pgTables.get(name)

    it('has the same columns, in order, with matching types, keys and defaults', () => {
      expect(inPg).toBeDefined()
      const withoutType = ({ type: _type, ...rest }: Shape['columns'][number]) => rest
      expect(inPg!.columns.map(withoutType)).toEqual(inSqlite.columns.map(withoutType))
      for (const [index, column] of inSqlite.columns.entries()) {
        expect(PG_TYPES_OF[column.type], `${name}.${column.name}`).toContain(
          inPg!.columns[index]!.type,
        )
      }
    })

    it('has the same primary keys, indexes, foreign keys and checks', () => {
      expect(inPg!.primaryKeys).toEqual(inSqlite.primaryKeys)
      expect(inPg!.indexes).toEqual(inSqlite.indexes)
      expect(inPg!.foreignKeys).toEqual(inSqlite.foreignKeys)
      expect(inPg!.checks).toEqual(inSqlite.checks)
    })
  })
})
