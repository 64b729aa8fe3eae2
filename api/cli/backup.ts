import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { recordAudit } from '../auth/audit'
import { readEnv } from '../env'
import { backupDatabase } from '../export/backup'

const USAGE = 'usage: npm run backup -- FILE'

const { positionals } = parseArgs({ allowPositionals: true })
const file = positionals[0]
if (positionals.length !== 1 || file === undefined) {
  console.error(`Give the file to write the backup to.\n${USAGE}`)
  process.exit(2)
}
if (existsSync(file)) {
  console.error(`${file} exists already: choose a new file name`)
  process.exit(2)
}
const env = readEnv()
if (env.DATABASE_URL !== undefined) {
  console.error(
    'The data is in PostgreSQL (DATABASE_URL): back it up with pg_dump, as the README shows; this command copies the SQLite file at DATABASE_PATH',
  )
  process.exit(2)
}
const db = openDatabase(env.DATABASE_PATH)
const started = performance.now()
recordAudit(db, { actor: { command: 'backup' }, action: 'backup', details: { file } })
const { pages } = await backupDatabase(db, file)
db.$client.close()
console.log(
  `Backed up ${env.DATABASE_PATH} to ${file} (${pages} pages) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
