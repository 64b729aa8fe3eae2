import { createWriteStream, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { isIsoDate } from '../analytics/dates'
import { DEMO_APPLICATIONS, DEMO_SEED, writeDemoCsv } from '../demo/demo-csv'

const USAGE = 'usage: npm run gen -- [--applications N] [--seed S] [--until YYYY-MM-DD] --out DIR'

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const { values } = parseArgs({
  options: {
    applications: { type: 'string', default: String(DEMO_APPLICATIONS) },
    seed: { type: 'string', default: String(DEMO_SEED) },
    until: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    out: { type: 'string' },
  },
})
const applications = Number(values.applications)
const seed = Number(values.seed)
if (!Number.isInteger(applications) || applications < 1 || applications > 10_000_000) {
  fail(`--applications must be a whole number from 1 to 10,000,000 (got "${values.applications}")`)
}
if (!Number.isInteger(seed)) fail(`--seed must be a whole number (got "${values.seed}")`)
if (!isIsoDate(values.until)) fail(`--until must be a date YYYY-MM-DD (got "${values.until}")`)
if (!values.out) fail('--out is required')

mkdirSync(values.out, { recursive: true })
const applicationsPath = join(values.out, 'applications.csv')
const scoresPath = join(values.out, 'scores.csv')
const started = performance.now()
const counts = await writeDemoCsv(
  { applications, seed, until: values.until },
  createWriteStream(applicationsPath),
  createWriteStream(scoresPath),
)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(`${applicationsPath}: ${counts.applications} applications`)
console.log(`${scoresPath}: ${counts.scores} ratings (${seconds} s)`)
