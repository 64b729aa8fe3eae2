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

  it('refuses to start with DATABASE_URL set rather than ignore it and serve from SQLite', () => {
    const { env, errors, exit } = read({ DATABASE_URL: 'postgres://loopscope@127.0.0.1/app' })
    expect(env).toBeNull()
    expect(exit).toBe('exit 1')
    expect(errors.join('\n')).toMatch(/DATABASE_URL: .*unset DATABASE_URL .*DATABASE_PATH/)
  })

  it('names the variable and the problem for a bad value', () => {
    const { exit, errors } = read({ PORT: 'eighty' })
    expect(exit).toBe('exit 1')
    expect(errors.join('\n')).toMatch(/^Invalid environment variable PORT: /)
  })
})
