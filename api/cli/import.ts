import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { readEnv } from '../env'
import { importFiles } from '../import/import-files'
import { CHANGED_ENTITIES } from '../import/import-session'

const USAGE = 'usage: npm run import -- FILE... [--dry-run]'

const { values, positionals } = parseArgs({
  options: { 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean' } },
  allowPositionals: true,
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (positionals.length === 0) {
  console.error(`Give at least one CSV file.\n${USAGE}`)
  process.exit(2)
}
for (const path of positionals) {
  let isFile = false
  try {
    isFile = statSync(path).isFile()
  } catch {
    isFile = false
  }
  if (!isFile) {
    console.error(`${path}: no such file`)
    process.exit(2)
  }
}

const env = readEnv()
const db = openDatabase(env.DATABASE_PATH)
const dryRun = values['dry-run']
const started = performance.now()
const report = await importFiles(
  db,
  positionals.map((path) => ({ name: basename(path), stream: createReadStream(path) })),
  { dryRun },
)
const seconds = (performance.now() - started) / 1000
db.$client.close()

for (const file of report.files) {
  console.log(`${file.file}: ${file.kind ?? 'unrecognised'} file, ${file.rows} rows`)
}
for (const problem of report.problems) {
  const line = problem.line === null ? '' : `:${problem.line}`
  const column = problem.column === null ? '' : ` [${problem.column}]`
  console.error(`${problem.file}${line}${column} ${problem.message}`)
}
if (report.problem_count > report.problems.length) {
  console.error(`… and ${report.problem_count - report.problems.length} more problems`)
}
if (!report.ok) {
  console.error(`${report.problem_count} problems; nothing was written to ${env.DATABASE_PATH}.`)
  process.exit(1)
}
const rows = report.files.reduce((total, file) => total + file.rows, 0)
console.log(
  dryRun ? 'Dry run: nothing was written. It would change:' : `Imported into ${env.DATABASE_PATH}:`,
)
for (const entity of CHANGED_ENTITIES) {
  const change = report.changes![entity]
  console.log(
    `  ${entity.padEnd(13)} ${change.insert} new, ${change.update} updated, ${change.unchanged} unchanged` +
      (change.delete > 0 ? `, ${change.delete} removed` : ''),
  )
}
console.log(`${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`)
