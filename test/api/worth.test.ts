import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createReferenceApp } from '../helpers/app'

const expected = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'worth', 'expected.json'), 'utf8'),
)
const reference = expected.reference

type App = Awaited<ReturnType<typeof createReferenceApp>>['app']
let app: App

beforeAll(async () => {
  ;({ app } = await createReferenceApp())
})

const get = async (path: string) => {
  const response = await app.request(path)
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

describe('expectancy and utility on the reference data set', () => {
  it('prints', async () => {
    const { body } = await get('/api/analytics/utility?weights=ownership:0.1,concurrency:0.1,unsafe_ffi:0.1,traits_errors:0.1,judgment:0.6')
    console.log(JSON.stringify(body, null, 1))
    const e = await get('/api/analytics/expectancy')
    console.log(JSON.stringify(e.body, null, 1))
  })
})
