import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { openDatabase } from '../db/client'
import { createApp } from './app'
import { notFound } from './lib/create-app'
import { readEnv } from './env'
import { seedDemoIfEmpty } from './seed-demo'

const WEB_ROOT = join(import.meta.dirname, '..', 'dist', 'web')

const env = readEnv()
const db = openDatabase(env.DATABASE_PATH)
const today = new Date().toISOString().slice(0, 10)
if (await seedDemoIfEmpty(db, today)) {
  console.log(`Seeded demo data into ${env.DATABASE_PATH}`)
}
if (!existsSync(join(WEB_ROOT, 'index.html'))) {
  console.warn('The dashboard is not built (run npm run build); serving the API only.')
}

const app = new Hono()
  .route('/', createApp({ db }))
  .all('/api/*', notFound)
  .use('/assets/*', serveStatic({ root: WEB_ROOT }))
  .use('/*', serveStatic({ root: WEB_ROOT }))
  // Every other page is a route of the single-page dashboard.
  .get('*', serveStatic({ root: WEB_ROOT, path: 'index.html' }))

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  console.log(`Loopscope is serving http://${env.HOST}:${info.port}`)
})

function shutDown() {
  server.close(() => {
    db.$client.close()
    process.exit(0)
  })
}
process.on('SIGINT', shutDown)
process.on('SIGTERM', shutDown)
