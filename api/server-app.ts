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
