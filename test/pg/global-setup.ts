import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCRIPT = fileURLToPath(new URL('../../scripts/pg-test-server', import.meta.url))

/**
 * The PostgreSQL suite's server: the one TEST_DATABASE_URL names, or else a throwaway one
 * started here (PostgreSQL's programs must be installed) and stopped when the suite ends.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.TEST_DATABASE_URL) return undefined
  const directory = mkdtempSync(join(tmpdir(), 'loopscope-pg-'))
  try {
    process.env.TEST_DATABASE_URL = execFileSync(SCRIPT, ['start', directory], {
      encoding: 'utf8',
    }).trim()
  } catch (error) {
    rmSync(directory, { recursive: true, force: true })
    throw new Error(
      `Could not start a PostgreSQL server for the tests (install Debian's postgresql package, or set TEST_DATABASE_URL): ${(error as Error).message}`,
    )
  }
  return () => {
    try {
      execFileSync(SCRIPT, ['stop', directory], { stdio: 'ignore' })
    } finally {
      rmSync(directory, { recursive: true, force: true })
    }
  }
}
