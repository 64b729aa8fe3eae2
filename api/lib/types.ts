import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Db } from '../../db/client'
import type { AnalyticsCache } from '../dataset/cache'

export interface AppBindings {
  Variables: {
    db: Db
    /** Today's date as YYYY-MM-DD: the default as_of. Injected so tests can fix it. */
    today: () => string
    /** The analytics dataset and computed results, kept while the data version holds. */
    analytics: AnalyticsCache
  }
}

export type AppOpenApi = OpenAPIHono<AppBindings>

export type AppRouteHandler<Route extends RouteConfig> = RouteHandler<Route, AppBindings>
