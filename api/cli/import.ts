import { createReadStream, statSync } from 'node:fs'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { readEnv } from '../env'
import { openToolDatabase } from './database'
import {
  IMPORT_FORMATS,
  importInto,
  type ImportFormat,
  type ImportProgress,
} from '../import/import-files'
import { CHANGED_ENTITIES } from '../import/import-session'

const USAGE = 'usage: npm run import -- FILE... [--dry-run] [--format canonical|greenhouse|lever]'

const { values, positionals } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    format: { type: 'string' },
    help: { type: 'boolean' },
  },
  allowPositionals: true,
})
if (values.help) {
  console.log(USAGE)
  process.exit(0)
}
if (positionals.length === 0) {
  console.error(`Give at least one file.\n${USAGE}`)
  process.exit(2)
}
const format = values.format as ImportFormat | undefined
if (format !== undefined && !IMPORT_FORMATS.includes(format)) {
  console.error(`--format must be one of ${IMPORT_FORMATS.join(', ')} (got "${format}")`)
  process.exit(2)
}
const sizes = positionals.map((path) => {
  try {
    const stats = statSync(path)
    if (stats.isFile()) return stats.size
  } catch {
    // reported below
  }
  console.error(`${path}: no such file`)
  return process.exit(2)
})

/** A progress bar on a terminal; nothing when the output goes to a file or a pipe. */
function showProgress(progress: ImportProgress): void {
  if (!process.stderr.isTTY) return
  const share = progress.totalBytes ? progress.bytes / progress.totalBytes : 0
  const width = 30
  const filled = Math.round(share * width)
  process.stderr.write(
    `\r${progress.file.slice(0, 30).padEnd(30)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${progress.rows.toLocaleString('en')} rows `,
  )
}

const env = readEnv()
const database = await openToolDatabase(env)
const dryRun = values['dry-run']
const started = performance.now()
const report = await importInto(
  database.into,
  positionals.map((path, index) => ({
    name: basename(path),
    size: sizes[index]!,
    stream: createReadStream(path),
  })),
  {
    dryRun,
    ...(format ? { format } : {}),
    onProgress: showProgress,
    audit: { actor: { command: 'import' } },
  },
)
const seconds = (performance.now() - started) / 1000
await database.close()
if (process.stderr.isTTY) process.stderr.write('\n')

for (const file of report.files) {
  const what = file.kind ? `${file.format} ${file.kind}` : 'unrecognised'
  console.log(`${file.file}: ${what}, ${file.rows.toLocaleString('en')} rows`)
}
for (const problem of report.problems) {
  const where =
    problem.line !== null ? `:${problem.line}` : problem.path !== null ? ` ${problem.path}` : ''
  const column = problem.column === null ? '' : ` [${problem.column}]`
  console.error(`${problem.file}${where}${column} ${problem.message}`)
}
if (report.problem_count > report.problems.length) {
  console.error(`… and ${report.problem_count - report.problems.length} more problems`)
}
for (const attribute of report.unmapped_attributes) {
  console.error(
    `Not imported: ${attribute.source} attribute "${attribute.attribute}" (${attribute.ratings} ratings, first at ${attribute.file} ${attribute.path}) maps to no rubric area; map it with npm run mapping`,
  )
}
if (!report.ok) {
  console.error(`${report.problem_count} problems; nothing was written to ${database.name}.`)
  process.exit(1)
}
const rows = report.files.reduce((total, file) => total + file.rows, 0)
console.log(
  dryRun ? 'Dry run: nothing was written. It would change:' : `Imported into ${database.name}:`,
)
for (const entity of CHANGED_ENTITIES) {
  const change = report.changes![entity]
  console.log(
    `  ${entity.padEnd(13)} ${change.insert} new, ${change.update} updated, ${change.unchanged} unchanged` +
      (change.delete > 0 ? `, ${change.delete} removed` : ''),
  )
}
console.log(`${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds)} rows/s)`)
