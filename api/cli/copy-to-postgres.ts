import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openReader, openDatabase } from '../../db/client'
import { copyIntoPostgres, CopyRefused } from '../../db/copy'
import { readEnv } from '../env'

const USAGE = 'usage: npm run copy:postgres -- postgres://user@host:5432/database'

const { positionals } = parseArgs({ allowPositionals: true })
const url = positionals[0]
if (positionals.length !== 1 || url === undefined || !/^postgres(ql)?:\/\//.test(url)) {
  console.error(`Give the PostgreSQL database to copy into, as a postgres:// address.\n${USAGE}`)
  process.exit(2)
}
const env = readEnv()
if (!existsSync(env.DATABASE_PATH)) {
  console.error(`There is no database at ${env.DATABASE_PATH} to copy (set DATABASE_PATH)`)
  process.exit(2)
}
// Migrated first, so the copy reads the schema it writes; then read from a connection of its
// own, which sees one moment's data while the server goes on writing.
const writer = openDatabase(env.DATABASE_PATH)
const source = openReader(writer)
const started = performance.now()
try {
  source.$client.exec('BEGIN')
  const { rows } = await copyIntoPostgres(source, url)
  const total = Object.values(rows).reduce((sum, count) => sum + count, 0)
  console.log(
    `Copied ${total.toLocaleString('en-US')} rows of ${Object.keys(rows).length} tables from ${env.DATABASE_PATH} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  for (const [table, count] of Object.entries(rows)) {
    console.log(`  ${table.padEnd(24)} ${count.toLocaleString('en-US').padStart(12)}`)
  }
} catch (error) {
  if (!(error instanceof CopyRefused)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  source.$client.exec('COMMIT')
  source.$client.close()
  writer.$client.close()
}
