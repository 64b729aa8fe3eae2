import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Db } from '../../db/client'

export interface AppBindings {
  Variables: {
    db: Db
    /** Today's date as YYYY-MM-DD: the default as_of. Injected so tests can fix it. */
    today: () => string
  }
}

export type AppOpenApi = OpenAPIHono<AppBindings>

export type AppRouteHandler<Route extends RouteConfig> = RouteHandler<Route, AppBindings>
