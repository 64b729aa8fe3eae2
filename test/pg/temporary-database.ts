import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * An empty database of its own on the suite's server (`TEST_DATABASE_URL`, a role that may
 * create databases), and a way to drop it.
 */
export async function temporaryDatabase() {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    throw new Error('TEST_DATABASE_URL is not set: start a server with scripts/pg-test-server')
  }
  const name = `loopscope_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    },
  }
}
