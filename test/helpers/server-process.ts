import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const START_TIMEOUT_MS = 60_000

export interface ServerProcess {
  child: ChildProcess
  url: string
  /** The first admin's printed password; null when the database already had users. */
  password: string | null
  databasePath: string
  output: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Real servers (`api/server.ts`) on free ports, each in a process of its own, and the folders
 * of their databases; `stop` kills what still runs and removes the folders.
 */
export class ServerProcesses {
  private readonly servers: ServerProcess[] = []
  private readonly directories: string[] = []

  /** A new, demo-free database file in a folder of its own. */
  databasePath(): string {
    const directory = mkdtempSync(join(tmpdir(), 'loopscope-server-'))
    this.directories.push(directory)
    return join(directory, 'server.db')
  }

  /** A server on the database (a new one unless given), once it says it is serving. */
  async start(
    databasePath = this.databasePath(),
    env: Record<string, string> = {},
  ): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_PATH: databasePath,
        DEMO_DATA: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    )
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`The server did not start:\n${output}`))
      }, START_TIMEOUT_MS)
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        // The first admin's password is printed before the server starts serving.
        const serving = /serving (http:\/\/\S+)/.exec(output)?.[1]
        if (serving) {
          clearTimeout(timer)
          resolve(serving)
        }
      }
      child.stdout.on('data', onData)
      child.stderr.on('data', onData)
      void exited.then(({ code, signal }) => {
        clearTimeout(timer)
        reject(new Error(`The server exited (${code ?? signal}) before serving:\n${output}`))
      })
    })
    const password = /first admin: admin@localhost with password (\S+)/.exec(output)?.[1] ?? null
    const server = { child, url, password, databasePath, output: () => output, exited }
    this.servers.push(server)
    return server
  }

  stop(): void {
    for (const server of this.servers.splice(0)) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL')
      }
    }
    for (const directory of this.directories.splice(0)) {
      rmSync(directory, { recursive: true, force: true })
    }
  }
}

/** A signed-in session: the cookie to send and the CSRF token its writes need. */
export interface Session {
  cookie: string
  csrfToken: string
}

/** Signs in to the server; the response when it is refused, else the session. */
export async function signIn(
  url: string,
  email: string,
  password: string,
): Promise<Session | Response> {
  const response = await fetch(`${url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200) return response
  const { csrf_token } = (await response.json()) as { csrf_token: string }
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0]!)
    .find((pair) => pair.startsWith('loopscope_session='))
  expect(cookie).toBeDefined()
  return { cookie: cookie!, csrfToken: csrf_token }
}

/** An API token of the first admin, signing in with the printed password. */
export async function apiToken(server: ServerProcess): Promise<string> {
  expect(server.password, 'the server printed no first-admin password').not.toBeNull()
  const session = await signIn(server.url, 'admin@localhost', server.password!)
  if (session instanceof Response) throw new Error(`Sign-in refused: ${session.status}`)
  const created = await fetch(`${server.url}/api/auth/tokens`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Cookie: session.cookie,
      'X-CSRF-Token': session.csrfToken,
    },
    body: JSON.stringify({ name: 't' }),
  })
  expect(created.status).toBe(201)
  return ((await created.json()) as { token: string }).token
}
