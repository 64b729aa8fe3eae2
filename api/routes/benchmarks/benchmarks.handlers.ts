import type { Context } from 'hono'
import { asc, eq } from 'drizzle-orm'
import { atomically, type Db } from '../../../db/client'
import { commitDataChange } from '../../dataset/data-change'
import { benchmarks } from '../../../db/schema'
import { recordAudit, type AuditAction } from '../../auth/audit'
import { ApiError } from '../../lib/errors'
import type { AppBindings, AppRouteHandler } from '../../lib/types'
import { signedIn } from '../../auth/scope'
import type * as routes from './benchmarks.routes'
import type { BenchmarkInput } from './benchmarks.routes'

const columns = {
  id: benchmarks.id,
  metric: benchmarks.metric,
  level: benchmarks.level,
  metro: benchmarks.metro,
  value: benchmarks.value,
  low: benchmarks.low,
  high: benchmarks.high,
  unit: benchmarks.unit,
  source: benchmarks.source,
  source_date: benchmarks.sourceDate,
  note: benchmarks.note,
}

const toRow = ({ source_date, ...input }: BenchmarkInput) => ({ ...input, sourceDate: source_date })

export const list: AppRouteHandler<typeof routes.list> = (c) =>
  c.json(
    { benchmarks: c.var.db.select(columns).from(benchmarks).orderBy(asc(benchmarks.id)).all() },
    200,
  )

/** One benchmark change with its audit entry, and analytics told the data changed. */
function change<Result>(
  c: Context<AppBindings>,
  action: AuditAction,
  target: number | null,
  write: (db: Db) => Result,
): Result {
  const db = c.var.db
  return atomically(db, () => {
    const result = write(db)
    if (result === undefined) return result
    const id = target ?? (result as { id: number }).id
    recordAudit(
      db,
      { actor: signedIn(c).viewer, action, target: `benchmark ${id}`, details: { result } },
      c.var.now(),
    )
    commitDataChange(db, 'settings')
    return result
  })
}

const notFound = (id: number) => new ApiError(404, 'not_found', `There is no benchmark ${id}`)

export const create: AppRouteHandler<typeof routes.create> = (c) => {
  const input = c.req.valid('json')
  const created = change(c, 'benchmark_create', null, (db) =>
    db.insert(benchmarks).values(toRow(input)).returning(columns).get(),
  )
  return c.json(created, 201)
}

export const replace: AppRouteHandler<typeof routes.replace> = (c) => {
  const { id } = c.req.valid('param')
  const input = c.req.valid('json')
  const saved = change(
    c,
    'benchmark_update',
    id,
    (db) =>
      db
        .update(benchmarks)
        .set(toRow(input))
        .where(eq(benchmarks.id, id))
        .returning(columns)
        .all()[0],
  )
  if (!saved) throw notFound(id)
  return c.json(saved, 200)
}

export const remove: AppRouteHandler<typeof routes.remove> = (c) => {
  const { id } = c.req.valid('param')
  const removed = change(
    c,
    'benchmark_delete',
    id,
    (db) => db.delete(benchmarks).where(eq(benchmarks.id, id)).returning(columns).all()[0],
  )
  if (!removed) throw notFound(id)
  return c.body(null, 204)
}
