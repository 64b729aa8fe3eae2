import { count } from 'drizzle-orm'
import { DATA_VERSION_KEY, DEMO_DATA_KEY, metaValue } from '../../../db/meta'
import { first } from '../../../db/store'
import packageJson from '../../../package.json' with { type: 'json' }
import type { AppRouteHandler } from '../../lib/types'
import type { health as healthRoute } from './health.routes'

export const health: AppRouteHandler<typeof healthRoute> = async (c) =>
  c.json(
    await c.var.store.run(function* (queries) {
      const { db, tables } = queries
      const stored = yield* first(db.select({ n: count() }).from(tables.applications))
      return {
        status: 'ok' as const,
        version: packageJson.version,
        demo_data: (yield* metaValue(queries, DEMO_DATA_KEY)) === 'true',
        data_version: Number((yield* metaValue(queries, DATA_VERSION_KEY)) ?? 0),
        applications: stored?.n ?? 0,
      }
    }),
    200,
  )
