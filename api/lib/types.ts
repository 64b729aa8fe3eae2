import type { OpenAPIHono, RouteConfig, RouteHandler } from '@hono/zod-openapi'
import type { Db } from '../../db/client'
import type { Store } from '../../db/store'
import type { Authentication } from '../auth/accounts'
import type { LoginThrottle } from '../auth/login-throttle'
import type { PasswordChecker } from '../auth/passwords'
import type { AnalysesService } from '../analyses/service'

export interface AppBindings {
  Variables: {
    /** The SQLite connection; null when the data is in PostgreSQL. */
    db: Db | null
    /** The PostgreSQL database, when the data is there (imports connect to it). */
    postgresUrl: string | null
    /** The database, whichever it is, for everything written once for both. */
    store: Store
    /** Today's date as YYYY-MM-DD: the default as_of. Injected so tests can fix it. */
    today: () => string
    /** Every analytics report, with the dataset and results kept while the data version holds. */
    analyses: AnalysesService
    /** The current instant; injected so tests can move the clock (session expiry). */
    now: () => Date
    passwords: PasswordChecker
    loginThrottle: LoginThrottle
    /** Who is asking; null only on public routes. */
    auth: Authentication | null
    /** Where uploads are written while they arrive. */
    uploadDirectory: string
  }
}

export type AppOpenApi = OpenAPIHono<AppBindings>

export type AppRouteHandler<Route extends RouteConfig> = RouteHandler<Route, AppBindings>
