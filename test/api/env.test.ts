import { afterEach, describe, expect, it, vi } from 'vitest'
import { readEnv } from '../../api/env'

afterEach(() => {
  vi.restoreAllMocks()
})

/** readEnv on the variables, with the exit it would make turned into a thrown error. */
function read(variables: NodeJS.ProcessEnv) {
  const errors: string[] = []
  vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line))
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`)
  })
  try {
    return { env: readEnv(variables), errors }
  } catch (error) {
    return { env: null, errors, exit: (error as Error).message }
  }
}

describe('the settings from the environment', () => {
  it('takes the defaults when nothing is set', () => {
    const { env } = read({})
    expect(env?.DATABASE_PATH).toBe('./data/loopscope.db')
    expect(env?.PORT).toBe(8787)
  })

  it('takes a PostgreSQL address in DATABASE_URL, and an empty one as unset', () => {
    const url = 'postgres://loopscope@127.0.0.1/app'
    expect(read({ DATABASE_URL: url }).env?.DATABASE_URL).toBe(url)
    expect(read({ DATABASE_URL: '' }).env?.DATABASE_URL).toBeUndefined()
  })

  it('refuses a DATABASE_URL that is not a PostgreSQL address rather than serve from SQLite', () => {
    const { env, errors, exit } = read({ DATABASE_URL: 'mysql://loopscope@127.0.0.1/app' })
    expect(env).toBeNull()
    expect(exit).toBe('exit 1')
    expect(errors.join('\n')).toMatch(/DATABASE_URL: must be a postgres:\/\/ address/)
  })

  it('names the variable and the problem for a bad value', () => {
    const { exit, errors } = read({ PORT: 'eighty' })
    expect(exit).toBe('exit 1')
    expect(errors.join('\n')).toMatch(/^Invalid environment variable PORT: /)
  })
})
