import { eq } from 'drizzle-orm'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { recordAudit } from '../auth/audit'
import { ATS_SOURCES, type AtsSource } from '../../db/domain'
import { attributeMappings, rubricAreas, rubrics } from '../../db/schema'
import { readEnv } from '../env'
import { saveMappings } from '../import/attribute-mapping'

const USAGE = `usage:
  npm run mapping -- list [--rubric rust]
  npm run mapping -- set --source greenhouse|lever --attribute "Problem Solving" --area judgment [--rubric rust]
  npm run mapping -- ignore --source greenhouse|lever --attribute "Overall recommendation" [--rubric rust]`

const { values, positionals } = parseArgs({
  options: {
    source: { type: 'string' },
    attribute: { type: 'string' },
    area: { type: 'string' },
    rubric: { type: 'string', default: 'rust' },
  },
  allowPositionals: true,
})
const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

const env = readEnv()
const db = openDatabase(env.DATABASE_PATH)
const rubric = db.select().from(rubrics).where(eq(rubrics.key, values.rubric)).get()
if (!rubric) fail(`There is no rubric "${values.rubric}"`)
const command = positionals[0]

if (command === 'list') {
  const rows = db
    .select({
      source: attributeMappings.source,
      attribute: attributeMappings.attribute,
      area: rubricAreas.key,
    })
    .from(attributeMappings)
    .leftJoin(rubricAreas, eq(rubricAreas.id, attributeMappings.areaId))
    .where(eq(attributeMappings.rubricId, rubric!.id))
    .all()
  if (rows.length === 0) console.log('No saved mappings: attributes named like an area map to it.')
  for (const row of rows)
    console.log(`${row.source.padEnd(10)} ${row.attribute} → ${row.area ?? '(ignored)'}`)
} else if (command === 'set' || command === 'ignore') {
  const source = values.source as AtsSource | undefined
  if (!source || !ATS_SOURCES.includes(source)) fail('--source must be greenhouse or lever')
  if (!values.attribute?.trim()) fail('--attribute is required')
  if (command === 'set' && !values.area) fail('--area is required')
  const unknown = saveMappings(db, rubric!.id, [
    {
      source: source!,
      attribute: values.attribute!,
      area: command === 'set' ? values.area! : null,
    },
  ])
  if (unknown.length > 0) fail(`"${unknown[0]}" is not an area of the ${rubric!.name} rubric`)
  recordAudit(db, {
    actor: { command: 'mapping' },
    action: 'attribute_mapping_update',
    target: rubric!.key,
    details: { source, attribute: values.attribute, area: command === 'set' ? values.area : null },
  })
  console.log(
    command === 'set'
      ? `${source} "${values.attribute}" now maps to ${values.area}`
      : `${source} "${values.attribute}" is now ignored`,
  )
} else {
  fail(`Unknown command "${command ?? ''}"`)
}
db.$client.close()
