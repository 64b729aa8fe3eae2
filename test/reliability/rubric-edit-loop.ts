import { writeSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { openDatabase } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { replaceLevelWeights } from '../../api/settings/rubric-weights'
import { WEIGHTS_A, WEIGHTS_B, rustWeights } from './rubric-weight-sets'

/**
 * Replaces the rust rubric's weights with set A, then B, then A... until killed, printing
 * "edited N" after each commit. It starts with the set not stored, so that across runs the
 * audit entries alternate A, B, A, ...
 */

const [databasePath] = process.argv.slice(2)
if (!databasePath) throw new Error('Usage: rubric-edit-loop.ts <database path>')

const db = openDatabase(databasePath)
const store = sqliteStore(db)
let next = isDeepStrictEqual(await rustWeights(db), WEIGHTS_A) ? WEIGHTS_B : WEIGHTS_A

// An orphan left by a crashed test run stops by itself.
const deadline = Date.now() + 60_000
for (let edits = 1; Date.now() < deadline; edits++) {
  await replaceLevelWeights(store, 'rust', next, { command: 'test' }, new Date())
  // Synchronous, so the line is out before the next edit starts.
  writeSync(1, `edited ${edits}\n`)
  next = next === WEIGHTS_A ? WEIGHTS_B : WEIGHTS_A
}
db.$client.close()
