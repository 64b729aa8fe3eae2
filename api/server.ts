import { existsSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { createFirstUsers } from './auth/first-users'
import { AnalysesService } from './analyses/service'
import { PasswordChecker } from './auth/passwords'
import { readEnv } from './env'
import { seedDemoInto } from './seed-demo'
import { createServerApp, openServerDatabase, serveApp } from './server-app'
import { openPostgresStore, sqliteStore } from '../db/store'

const WEB_ROOT = join(import.meta.dirname, '..', 'dist', 'web')

const env = readEnv()
const postgresUrl = env.DATABASE_URL
// SQLite by default; PostgreSQL when DATABASE_URL names one, shared by every instance on it.
const db = postgresUrl === undefined ? openServerDatabase(env.DATABASE_PATH) : undefined
const postgres = postgresUrl === undefined ? undefined : await openPostgresStore(postgresUrl)
const store = postgres?.store ?? sqliteStore(db!)
const where = postgresUrl === undefined ? env.DATABASE_PATH : 'PostgreSQL'
const today = new Date().toISOString().slice(0, 10)
if (env.DEMO_DATA && (await seedDemoInto(store, db ?? { postgres: postgresUrl! }, today))) {
  console.log(`Seeded demo data into ${where}`)
}
for (const line of await createFirstUsers(store, new PasswordChecker())) console.log(line)
if (!existsSync(join(WEB_ROOT, 'index.html'))) {
  console.warn('The dashboard is not built (run npm run build); serving the API only.')
}

const analyses = new AnalysesService({
  ...(db ? { db } : {}),
  ...(postgresUrl === undefined ? {} : { postgresUrl }),
  store,
  today: () => new Date().toISOString().slice(0, 10),
  workers: env.ANALYTICS_WORKERS,
})
const app = createServerApp(
  {
    ...(db ? { db } : {}),
    ...(postgresUrl === undefined ? {} : { postgresUrl }),
    store,
    analyses,
  },
  WEB_ROOT,
)
const server = serveApp(app, { hostname: env.HOST, port: env.PORT }, (info) => {
  console.log(`Loopscope is serving http://${env.HOST}:${info.port}`)
})

let stopping = false
// While stopping, no connection is kept alive for another request: each closes once answered.
server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
  if (stopping) response.shouldKeepAlive = false
  response.on('finish', () => {
    if (stopping) setImmediate(() => server.closeIdleConnections())
  })
})

/**
 * Stops taking connections, lets requests in flight finish (an import commits or rolls back
 * as it would have), then closes the database. After the grace period, whatever is still open
 * is cut: an unfinished import's transaction is then never committed.
 */
function shutDown(signal: string) {
  stopping = true
  console.log(`${signal}: finishing requests in flight, then stopping`)
  const timer = setTimeout(() => {
    console.warn(`Requests still open after ${env.SHUTDOWN_GRACE_SECONDS} s: closing them`)
    server.closeAllConnections()
  }, env.SHUTDOWN_GRACE_SECONDS * 1000)
  timer.unref()
  server.close(() => {
    void analyses
      .close()
      .then(() => postgres?.close())
      .finally(() => {
        db?.$client.close()
        process.exit(0)
      })
  })
  server.closeIdleConnections()
}
process.once('SIGINT', () => shutDown('SIGINT'))
process.once('SIGTERM', () => shutDown('SIGTERM'))
