import { tmpdir } from 'node:os'
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Db } from '../../db/client'
import { sqliteStore, type Store } from '../../db/store'
import { DEFAULT_THROTTLE, LoginThrottle, type ThrottleLimits } from '../auth/login-throttle'
import { DEFAULT_PASSWORD_COST, PasswordChecker, type PasswordCost } from '../auth/passwords'
import { AnalysesService } from '../analyses/service'
import { ApiError, busyDatabase, describeIssues, type ErrorCode } from './errors'
import type { AppBindings } from './types'

/** A router whose validation failures become 400 `invalid_request` errors naming each field. */
export function createRouter() {
  return new OpenAPIHono<AppBindings>({
    defaultHook: (result) => {
      if (!result.success) {
        const { message, details } = describeIssues(result.error.issues, result.target)
        throw new ApiError(400, 'invalid_request', message, details)
      }
    },
  })
}

const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
}

/** The JSON 404 of any path no route answers. */
export function notFound(c: Context) {
  return c.json(
    {
      error: {
        code: 'not_found' as const,
        message: `There is no ${c.req.method} ${c.req.path}`,
        details: null,
      },
    },
    404,
  )
}

export interface AppDependencies {
  /** The SQLite connection, when the data is in SQLite. */
  db?: Db
  /** The database as a store: a store on `db` by default. */
  store?: Store
  /** The PostgreSQL database the store is on, when it is: imports write there. */
  postgresUrl?: string
  today?: () => string
  now?: () => Date
  /** scrypt cost of new passwords (and of the stand-in hash for unknown accounts). */
  passwordCost?: PasswordCost
  /** Checks sign-in passwords; by default scrypt at `passwordCost`. */
  passwords?: PasswordChecker
  throttleLimits?: ThrottleLimits
  /** Off only in the test that shows the attack disclosure control stops. */
  disclosureControl?: boolean
  /** Worker threads for analytics computations; 0 (the default here) computes inline. */
  analyticsWorkers?: number
  /** The analytics, when the caller runs them (and stops their workers) itself. */
  analyses?: AnalysesService
  /** Where uploads are written while they arrive; the system's temporary folder by default. */
  uploadDirectory?: string
}

/** The bare app: dependencies in the context, one error shape for every failure. */
export function createBaseApp({
  db,
  store = sqliteStore(db!),
  postgresUrl,
  today = () => new Date().toISOString().slice(0, 10),
  now = () => new Date(),
  passwordCost = DEFAULT_PASSWORD_COST,
  passwords = new PasswordChecker(passwordCost),
  throttleLimits = DEFAULT_THROTTLE,
  disclosureControl = true,
  analyticsWorkers = 0,
  uploadDirectory = tmpdir(),
  analyses = new AnalysesService({
    ...(db ? { db } : {}),
    ...(postgresUrl === undefined ? {} : { postgresUrl }),
    store,
    today,
    disclosureControl,
    workers: analyticsWorkers,
  }),
}: AppDependencies) {
  const app = createRouter()
  const loginThrottle = new LoginThrottle(store, throttleLimits)
  app.use(async (c, next) => {
    c.set('db', db ?? null)
    c.set('postgresUrl', postgresUrl ?? null)
    c.set('store', store)
    c.set('today', today)
    c.set('now', now)
    c.set('analyses', analyses)
    c.set('passwords', passwords)
    c.set('loginThrottle', loginThrottle)
    c.set('auth', null)
    c.set('uploadDirectory', uploadDirectory)
    await next()
  })
  app.onError((thrown, c) => {
    const error = busyDatabase(thrown) ?? thrown
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value)
      return c.json(error.body(), error.status)
    }
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status
      const code = CODE_OF_STATUS[status] ?? 'invalid_request'
      // The validators' own 415 says only "Unsupported Media Type": say what was sent and wanted.
      const message =
        status === 415
          ? `Content-Type "${(c.req.header('content-type') ?? 'none').slice(0, 100)}" is not accepted: send the body as application/json`
          : error.message
      return c.json({ error: { code, message, details: null } }, status)
    }
    console.error(error)
    return c.json(
      {
        error: { code: 'internal', message: 'Something went wrong on the server.', details: null },
      },
      500,
    )
  })
  return app
}
