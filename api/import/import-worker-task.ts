import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parentPort, workerData } from 'node:worker_threads'
import { openWriter } from '../../db/client'
import { openPostgresStore } from '../../db/store'
import { runImport } from './import-files'
import { importIntoPostgres } from './postgres-import'
import {
  describeError,
  type FromImportThread,
  type ImportTask,
  type ToImportThread,
} from './import-thread'

/**
 * The import's worker thread: it opens its own connection to the database file, reads each
 * file's bytes as the thread that started it hands them over, runs the import and answers
 * with the report (or the error) as its last message.
 */
const task = workerData as ImportTask
const port = parentPort!
const post = (message: FromImportThread) => port.postMessage(message)

const streams = task.sources.map(
  (_source, index) =>
    new Readable({
      // A few chunks read ahead, so the parser rarely waits for the next.
      highWaterMark: 256 * 1024,
      read() {
        post({ type: 'read', source: index })
      },
      destroy(error, callback) {
        post({ type: 'close', source: index })
        callback(error)
      },
    }),
)
port.on('message', (message: ToImportThread) => {
  const stream = streams[message.source]!
  if (message.type === 'chunk') {
    const { bytes } = message
    stream.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
  } else if (message.type === 'end') {
    stream.push(null)
  } else {
    stream.destroy(new Error(message.message))
  }
})

/** Writes each file to the directory as its bytes arrive: an import into PostgreSQL reads it twice. */
async function spool(directory: string): Promise<void> {
  await Promise.all(
    streams.map((stream, index) =>
      pipeline(stream, createWriteStream(join(directory, String(index)))),
    ),
  )
}

/** An import into PostgreSQL: the files spooled, then read by importIntoPostgres. */
async function postgresOutcome(url: string): Promise<FromImportThread> {
  const directory = await mkdtemp(join(tmpdir(), 'loopscope-import-files-'))
  try {
    await spool(directory)
    const { store, close } = await openPostgresStore(url, { max: 2 })
    try {
      const report = await importIntoPostgres(
        store,
        url,
        () =>
          task.sources.map((source, index) => ({
            ...source,
            stream: createReadStream(join(directory, String(index))),
          })),
        { ...task.options, onProgress: (progress) => post({ type: 'progress', progress }) },
      )
      return { type: 'done', report }
    } finally {
      await close()
    }
  } catch (error) {
    return { type: 'failed', error: describeError(error) }
  } finally {
    await rm(directory, { recursive: true, force: true })
    for (const stream of streams) stream.destroy()
  }
}

/** The report, or what stopped the import, once the connection is closed. */
async function outcome(): Promise<FromImportThread> {
  const { target } = task
  if ('postgres' in target) return postgresOutcome(target.postgres)
  const connection = openWriter(target.sqlite, target.busyTimeoutMs)
  try {
    const report = await runImport(
      connection,
      task.sources.map((source, index) => ({ ...source, stream: streams[index]! })),
      { ...task.options, onProgress: (progress) => post({ type: 'progress', progress }) },
    )
    return { type: 'done', report }
  } catch (error) {
    return { type: 'failed', error: describeError(error) }
  } finally {
    connection.$client.close()
    for (const stream of streams) stream.destroy()
  }
}

// The last message: the thread that started this one ends it on hearing it.
post(await outcome())
