import { count } from 'drizzle-orm'
import { DATA_VERSION_KEY, DEMO_DATA_KEY, readMeta } from '../../../db/meta'
import { applications } from '../../../db/schema'
import packageJson from '../../../package.json' with { type: 'json' }
import type { AppRouteHandler } from '../../lib/types'
import type { health as healthRoute } from './health.routes'

export const health: AppRouteHandler<typeof healthRoute> = (c) => {
  const db = c.var.db
  const [stored] = db.select({ n: count() }).from(applications).all()
  return c.json(
    {
      status: 'ok' as const,
      version: packageJson.version,
      demo_data: readMeta(db, DEMO_DATA_KEY) === 'true',
      data_version: Number(readMeta(db, DATA_VERSION_KEY) ?? 0),
      applications: stored?.n ?? 0,
    },
    200,
  )
}
