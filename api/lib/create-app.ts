import { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Db } from '../../db/client'
import { AnalyticsCache } from '../dataset/cache'
import { ApiError, describeIssues, type ErrorCode } from './errors'
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
  db: Db
  today?: () => string
}

/** The bare app: dependencies in the context, one error shape for every failure. */
export function createBaseApp({
  db,
  today = () => new Date().toISOString().slice(0, 10),
}: AppDependencies) {
  const app = createRouter()
  const analytics = new AnalyticsCache(db)
  app.use(async (c, next) => {
    c.set('db', db)
    c.set('today', today)
    c.set('analytics', analytics)
    await next()
  })
  app.onError((error, c) => {
    if (error instanceof ApiError) return c.json(error.body(), error.status)
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status
      const code = CODE_OF_STATUS[status] ?? 'invalid_request'
      return c.json({ error: { code, message: error.message, details: null } }, status)
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
