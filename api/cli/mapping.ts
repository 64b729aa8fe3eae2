import { parseArgs } from 'node:util'
import { ATS_SOURCES, type AtsSource } from '../../db/domain'
import { readEnv } from '../env'
import { openToolDatabase } from './database'
import { ApiError } from '../lib/errors'
import { listMappings, saveMappings } from '../settings/attribute-mappings'

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
const { store, close } = await openToolDatabase(env)
const command = positionals[0]

try {
  if (command === 'list') {
    const { mappings } = await listMappings(store, values.rubric)
    if (mappings.length === 0) {
      console.log('No saved mappings: attributes named like an area map to it.')
    }
    for (const row of mappings) {
      console.log(`${row.source.padEnd(10)} ${row.attribute} → ${row.area ?? '(ignored)'}`)
    }
  } else if (command === 'set' || command === 'ignore') {
    const source = values.source as AtsSource | undefined
    if (!source || !ATS_SOURCES.includes(source)) fail('--source must be greenhouse or lever')
    if (!values.attribute?.trim()) fail('--attribute is required')
    if (command === 'set' && !values.area) fail('--area is required')
    const area = command === 'set' ? values.area! : null
    await saveMappings(
      store,
      values.rubric,
      [{ source: source!, attribute: values.attribute!, area }],
      { command: 'mapping' },
      new Date(),
    )
    console.log(
      command === 'set'
        ? `${source} "${values.attribute}" now maps to ${values.area}`
        : `${source} "${values.attribute}" is now ignored`,
    )
  } else {
    fail(`Unknown command "${command ?? ''}"`)
  }
} catch (error) {
  if (!(error instanceof ApiError)) throw error
  // 400: the one area given is not the rubric's; 404: there is no such rubric.
  fail(
    error.status === 400
      ? `"${values.area}" is not an area of the ${values.rubric} rubric`
      : error.message,
  )
} finally {
  await close()
}
