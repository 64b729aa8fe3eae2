import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { openDatabase } from '../db/client'
import { createApp } from './app'
import { notFound, type AppDependencies } from './lib/create-app'
import { securityHeaders } from './lib/security-headers'

/** The API and the built dashboard in one app, with the security headers on every response. */
export function createServerApp(dependencies: AppDependencies, webRoot: string) {
  return (
    new Hono()
      .use(securityHeaders)
      .use('/api/*', async (c, next) => {
        await next()
        // Answers depend on who asks: no shared cache may keep them.
        c.header('Cache-Control', 'no-store')
      })
      .route('/', createApp(dependencies))
      .all('/api/*', notFound)
      .use('/assets/*', serveStatic({ root: webRoot }))
      .use('/*', serveStatic({ root: webRoot }))
      // Every other page is a route of the single-page dashboard.
      .get('*', serveStatic({ root: webRoot, path: 'index.html' }))
  )
}

/**
 * The server's connection to its database file. Requests never wait on another writer's lock
 * (an import, a command-line tool): the wait would block every request, so they answer 503.
 */
export const openServerDatabase = (path: string) => openDatabase(path, { busyTimeoutMs: 0 })

/**
 * How long the HTTP server waits for a client, in milliseconds. A request (headers and body)
 * must arrive whole within `requestTimeout`, 10 minutes: a 512 MB upload at 1 MB/s, while a
 * client trickling a byte a second is cut off then (it holds no lock meanwhile, only its
 * connection). Headers must arrive within `headersTimeout`; an idle kept-alive connection
 * closes after `keepAliveTimeout`.
 */
export const SERVER_TIMEOUTS = {
  requestTimeout: 10 * 60_000,
  headersTimeout: 20_000,
  keepAliveTimeout: 5_000,
  // How often Node checks the two above; its default, 30 s, would let them run over by that.
  connectionsCheckingInterval: 2_000,
}

/** Serves the app over plain HTTP/1.1 with the timeouts set explicitly. */
export function serveApp(
  app: { fetch: (request: Request, env: unknown) => Response | Promise<Response> },
  { hostname, port }: { hostname: string; port: number },
  onListening: (address: AddressInfo) => void = () => undefined,
  timeouts: typeof SERVER_TIMEOUTS = SERVER_TIMEOUTS,
): Server {
  return serve(
    { fetch: app.fetch, hostname, port, serverOptions: { ...timeouts } },
    onListening,
  ) as Server
}
