import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { auditEntry } from '../auth/audit'
import { readEnv } from '../env'
import { openToolDatabase } from './database'
import {
  EXPORT_FORMATS,
  exportCsvFiles,
  exportJson,
  type ExportFormat,
} from '../export/write-export'

const USAGE = 'usage: npm run export -- DIR [--format csv|json]'

const { values, positionals } = parseArgs({
  options: { format: { type: 'string', default: 'csv' } },
  allowPositionals: true,
})
const directory = positionals[0]
if (positionals.length !== 1 || directory === undefined) {
  console.error(`Give one directory to write to.\n${USAGE}`)
  process.exit(2)
}
if (!EXPORT_FORMATS.includes(values.format as ExportFormat)) {
  console.error(`--format must be csv or json (got "${values.format}")\n${USAGE}`)
  process.exit(2)
}

const env = readEnv()
const { store, close } = await openToolDatabase(env)
mkdirSync(directory, { recursive: true })
const started = performance.now()
await store.run((queries) =>
  auditEntry(queries, {
    actor: { command: 'export' },
    action: 'export',
    details: { format: values.format, directory },
  }),
)
if (values.format === 'json') {
  const file = join(directory, 'loopscope-export.json')
  await exportJson(store, createWriteStream(file), new Date().toISOString())
  console.log(`Wrote ${file}`)
} else {
  await exportCsvFiles(store, (file) => createWriteStream(join(directory, file)))
  console.log(`Wrote ${join(directory, 'applications.csv')} and ${join(directory, 'scores.csv')}`)
}
console.log(`in ${((performance.now() - started) / 1000).toFixed(1)} s`)
await close()
