import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiToken, ServerProcesses, signIn, type ServerProcess } from './server-process'

const TEST_TIMEOUT = 120_000
const REFERENCE = new URL('../fixtures/reference/', import.meta.url)
const AS_OF = '2026-03-31'

interface ValidityBody {
  n_applications: number
  n_hires_outcome: number
  areas: { key: string; n: number; r: number | null }[]
}

/** Where both instances keep their data: the variables each is started with. */
export interface SharedDatabase {
  env: Record<string, string>
  close: () => Promise<void>
}

/**
 * Two real servers in front of one database, as behind a load balancer: what is written
 * through one is read through the other at once, a session opened on one is valid on the
 * other, and failed sign-ins are counted across both.
 */
export function describeTwoInstances(
  name: string,
  open: (servers: ServerProcesses) => Promise<SharedDatabase>,
) {
  const servers = new ServerProcesses()
  let database: SharedDatabase
  let first: ServerProcess
  let second: ServerProcess
  let token: string

  beforeAll(async () => {
    database = await open(servers)
    first = await servers.start(undefined, { ANALYTICS_WORKERS: '1', ...database.env })
    second = await servers.start(first.databasePath, { ANALYTICS_WORKERS: '1', ...database.env })
    token = await apiToken(first)
  }, TEST_TIMEOUT)

  afterAll(async () => {
    servers.stop()
    await database.close()
  })

  const bearer = () => ({ Authorization: `Bearer ${token}` })

  async function validity(server: ServerProcess): Promise<ValidityBody> {
    const response = await fetch(`${server.url}/api/analytics/validity?as_of=${AS_OF}`, {
      headers: bearer(),
    })
    expect(response.status).toBe(200)
    return (await response.json()) as ValidityBody
  }

  async function importFile(server: ServerProcess, name: string) {
    const response = await fetch(`${server.url}/api/import?filename=${name}`, {
      method: 'POST',
      headers: { ...bearer(), 'Content-Type': 'text/csv' },
      body: readFileSync(new URL(name, REFERENCE)),
    })
    const report = (await response.json()) as { written?: boolean }
    expect(response.status, JSON.stringify(report)).toBe(200)
    expect(report.written).toBe(true)
  }

  describe(`two instances on one ${name} database`, () => {
    it(
      'the second started without printing a password: the users are already there',
      () => {
        expect(first.password).not.toBeNull()
        expect(second.password).toBeNull()
      },
      TEST_TIMEOUT,
    )

    it(
      'an import through one is read through the other at once, figure for figure',
      async () => {
        const before = await validity(second)
        expect(before.n_applications).toBe(0)

        await importFile(first, 'applications.csv')
        await importFile(first, 'scores.csv')

        const throughSecond = await validity(second)
        const throughFirst = await validity(first)
        expect(throughSecond.n_applications).toBeGreaterThan(0)
        expect(throughSecond.areas.some((area) => area.r !== null)).toBe(true)
        expect(throughSecond).toEqual(throughFirst)
      },
      TEST_TIMEOUT,
    )

    it(
      'a session opened on one is valid on the other, and signing out on one ends it on both',
      async () => {
        const session = await signIn(first.url, 'admin@localhost', first.password!)
        if (session instanceof Response) throw new Error(`Sign-in refused: ${session.status}`)
        const whoAmI = (server: ServerProcess) =>
          fetch(`${server.url}/api/auth/session`, { headers: { Cookie: session.cookie } })
        expect((await whoAmI(second)).status).toBe(200)

        const signOut = await fetch(`${second.url}/api/auth/sign-out`, {
          method: 'POST',
          headers: { Cookie: session.cookie, 'X-CSRF-Token': session.csrfToken },
        })
        expect(signOut.status).toBeLessThan(300)
        expect((await whoAmI(first)).status).toBe(401)
      },
      TEST_TIMEOUT,
    )

    it(
      'failed sign-ins to either count against the account on both',
      async () => {
        const email = 'admin@localhost'
        // Five failures, alternating between the instances: the per-account limit.
        for (let attempt = 0; attempt < 5; attempt++) {
          const server = attempt % 2 === 0 ? first : second
          const refused = await signIn(server.url, email, `wrong-${attempt}`)
          expect(refused instanceof Response && refused.status).toBe(401)
        }
        for (const server of [first, second]) {
          const locked = await signIn(server.url, email, first.password!)
          expect(locked instanceof Response && locked.status).toBe(429)
        }
      },
      TEST_TIMEOUT,
    )
  })
}
