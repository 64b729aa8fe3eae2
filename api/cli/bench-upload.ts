import { execFileSync, fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { sqliteStore } from '../../db/store'
import { createApiToken, createUser } from '../auth/accounts'
import { generatePassword, PasswordChecker } from '../auth/passwords'

/**
 * Peak RSS of the server and its event-loop delay while it receives and imports a 200 MB
 * upload, sent as a text/csv body and as multipart/form-data, over loopback. Prints a
 * markdown table. The server runs in a child process of its own, started fresh per upload.
 */

const ROOT = join(import.meta.dirname, '..', '..')
const AS_OF = '2026-11-24'
const MB = 1024 * 1024

const { values } = parseArgs({
  options: {
    // About 200 MB of scores.csv (3.4 million ratings) beside a 60 MB applications.csv.
    applications: { type: 'string', default: '356000' },
    keep: { type: 'boolean', default: false },
  },
})
const applications = Number(values.applications)
if (!Number.isInteger(applications) || applications < 100) {
  console.error('--applications takes a whole number ≥ 100')
  process.exit(2)
}

const work = mkdtempSync(join(tmpdir(), 'loopscope-bench-upload-'))
const data = join(work, 'data')
const generateStart = performance.now()
execFileSync(
  join(ROOT, 'node_modules', '.bin', 'tsx'),
  [
    join(ROOT, 'api', 'cli', 'gen.ts'),
    '--applications',
    String(applications),
    '--seed',
    '1',
    '--until',
    AS_OF,
    '--out',
    data,
  ],
  { stdio: 'ignore' },
)
const generateSeconds = (performance.now() - generateStart) / 1000
const files = ['applications.csv', 'scores.csv'].map((name) => ({
  name,
  path: join(data, name),
  size: statSync(join(data, name)).size,
}))

interface ServerMeasure {
  p99Ms: number
  maxMs: number
  peakRssBytes: number
}

interface Server {
  child: ChildProcess
  origin: string
  token: string
  measure: (message: 'start' | 'stop') => Promise<ServerMeasure | null>
}

/** A fresh database with an admin's API token, and the real server on it. */
async function startServer(name: string): Promise<Server> {
  const databasePath = join(work, `${name}.db`)
  const db = openDatabase(databasePath)
  const store = sqliteStore(db)
  const admin = await createUser(
    store,
    new PasswordChecker(),
    { email: 'bench@localhost', role: 'admin', password: generatePassword() },
    { command: 'bench' },
  )
  const { token } = await createApiToken(store, admin, 'bench', { command: 'bench' }, new Date())
  db.$client.close()
  const child = fork(join(ROOT, 'api', 'cli', 'upload-bench-server.ts'), {
    // As npm start runs it.
    execArgv: ['--max-semi-space-size=16', '--import', 'tsx'],
    env: { ...process.env, DATABASE_PATH: databasePath, DEMO_DATA: 'false', PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  })
  const origin = await new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const found = /serving (http:\/\/\S+)/.exec(output)
      if (found) resolve(found[1]!)
    })
    child.once('exit', (code) => reject(new Error(`the server stopped (${code}): ${output}`)))
  })
  const measure = async (message: 'start' | 'stop') => {
    child.send(message)
    if (message === 'start') return null
    const [answer] = (await once(child, 'message')) as [ServerMeasure]
    return answer
  }
  return { child, origin, token, measure }
}

interface Upload {
  status: number
  progressLines: number
  largestRowsReported: number
  rows: number
}

/** Sends one body to POST /api/import/stream and reads its progress lines to the result. */
async function upload(
  server: Server,
  contentType: string,
  length: number,
  body: Readable,
  dryRun = false,
) {
  const url = new URL(`/api/import/stream${dryRun ? '?dry_run=1' : ''}`, server.origin)
  return new Promise<Upload>((resolve, reject) => {
    const sending = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${server.token}`,
          'content-type': contentType,
          'content-length': length,
        },
      },
      (response) => {
        let buffered = ''
        const seen: Upload = {
          status: response.statusCode ?? 0,
          progressLines: 0,
          largestRowsReported: 0,
          rows: 0,
        }
        response.setEncoding('utf8')
        response.on('data', (text: string) => {
          buffered += text
          let end = buffered.indexOf('\n')
          while (end !== -1) {
            const line = JSON.parse(buffered.slice(0, end)) as {
              progress?: { rows: number }
              result?: { status: number; body: { files?: { rows: number }[] } }
            }
            buffered = buffered.slice(end + 1)
            end = buffered.indexOf('\n')
            if (line.progress) {
              seen.progressLines++
              seen.largestRowsReported = Math.max(seen.largestRowsReported, line.progress.rows)
            }
            if (line.result) {
              seen.status = line.result.status
              seen.rows = (line.result.body.files ?? []).reduce(
                (total, file) => total + file.rows,
                0,
              )
            }
          }
        })
        response.on('end', () => resolve(seen))
        response.on('error', reject)
      },
    )
    sending.on('error', reject)
    pipeline(body, sending).catch(reject)
  })
}

/** A multipart/form-data body of the files, streamed from disk. */
function multipart(boundary: string) {
  const head = (name: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`
  const tail = `--${boundary}--\r\n`
  const length =
    files.reduce((total, file) => total + Buffer.byteLength(head(file.name)) + file.size + 2, 0) +
    Buffer.byteLength(tail)
  const body = new PassThrough()
  void (async () => {
    for (const file of files) {
      body.write(head(file.name))
      await pipeline(createReadStream(file.path), body, { end: false })
      body.write('\r\n')
    }
    body.end(tail)
  })()
  return { length, body }
}

interface Row {
  upload: string
  bodyMb: number
  rows: number
  seconds: number
  measure: ServerMeasure
  progress: string
}
const rows: Row[] = []

async function measured(
  label: string,
  server: Server,
  send: () => Promise<Upload>,
  bodyBytes: number,
) {
  await server.measure('start')
  const started = performance.now()
  const result = await send()
  const seconds = (performance.now() - started) / 1000
  const measure = (await server.measure('stop'))!
  if (result.status !== 200) throw new Error(`${label}: the import answered ${result.status}`)
  rows.push({
    upload: label,
    bodyMb: bodyBytes / MB,
    rows: result.rows,
    seconds,
    measure,
    progress: `${result.progressLines} (up to ${result.largestRowsReported.toLocaleString('en')} rows)`,
  })
}

async function stop(server: Server) {
  server.child.kill('SIGTERM')
  await once(server.child, 'exit')
}

const [applicationsFile, scoresFile] = files as [(typeof files)[0], (typeof files)[0]]

// A text/csv body carries one file: applications first, then the 200 MB scores.csv measured.
const csvServer = await startServer('csv')
const first = await upload(
  csvServer,
  'text/csv',
  applicationsFile.size,
  createReadStream(applicationsFile.path),
)
if (first.status !== 200) throw new Error(`applications.csv: the import answered ${first.status}`)
// A dry run reads, checks and rolls back: the upload and the importer on their own. Writing
// adds the import's last step (area means and the analytics snapshot, before the commit).
for (const dryRun of [true, false]) {
  await measured(
    `scores.csv as text/csv${dryRun ? ', dry run' : ''}`,
    csvServer,
    () => upload(csvServer, 'text/csv', scoresFile.size, createReadStream(scoresFile.path), dryRun),
    scoresFile.size,
  )
}
await stop(csvServer)

const formServer = await startServer('form')
const boundary = 'loopscope-bench-boundary'
for (const dryRun of [true, false]) {
  const form = multipart(boundary)
  await measured(
    `both files as multipart/form-data${dryRun ? ', dry run' : ''}`,
    formServer,
    () =>
      upload(
        formServer,
        `multipart/form-data; boundary=${boundary}`,
        form.length,
        form.body,
        dryRun,
      ),
    form.length,
  )
}
await stop(formServer)

const format = (value: number, digits = 0) =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })
console.log(
  `\nLoopscope upload benchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}: ${format(applications)} generated applications (${format(generateSeconds, 1)} s to generate), each upload to a fresh server over loopback\n`,
)
console.log(
  '| upload | body MB | rows | s | peak RSS MB | event-loop delay p99 ms | max ms | progress lines |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
for (const row of rows) {
  console.log(
    `| ${row.upload} | ${format(row.bodyMb)} | ${format(row.rows)} | ${format(row.seconds, 1)} | ${format(row.measure.peakRssBytes / MB)} | ${format(row.measure.p99Ms, 1)} | ${format(row.measure.maxMs, 1)} | ${row.progress} |`,
  )
}
console.log(
  '\nTargets: peak RSS ≤ 400 MB for a 200 MB upload in either encoding; event-loop delay p99 ≤ 20 ms.',
)
if (!values.keep) rmSync(work, { recursive: true, force: true })
