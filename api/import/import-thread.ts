import { Worker } from 'node:worker_threads'
import { busyTimeoutOf, type Db } from '../../db/client'
import type { ImportOptions, ImportProgress, ImportReport } from './import-files'
import type { ImportSource } from './row-checks'

/**
 * How long an import waits for another connection's write lock before it fails with
 * SQLITE_BUSY. The wait is in the import's own thread, so the server does not stall on it; it
 * rides out the short writes other connections make (a sign-in, a session, in this instance or
 * another on the same database) rather than failing for meeting one.
 */
export const IMPORT_LOCK_WAIT_MS = 2000

/** Where an import writes: a SQLite file (waiting so long for its lock), or PostgreSQL. */
export type ImportTarget = { sqlite: string; busyTimeoutMs: number } | { postgres: string }

/** What the import's thread is given: where to write, how, and the files by name. */
export interface ImportTask {
  target: ImportTarget
  options: Omit<ImportOptions, 'onProgress'>
  sources: { name: string; size?: number }[]
}

/** An error of the import's thread, as plain data. */
export interface ThreadError {
  name: string
  message: string
  code?: string
  stack?: string
}

/** Messages from the import's thread. */
export type FromImportThread =
  /** It wants the next bytes of a file. */
  | { type: 'read'; source: number }
  /** It reads no more of a file. */
  | { type: 'close'; source: number }
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: ThreadError }

/** Messages to the import's thread: the bytes of a file, a chunk per request. */
export type ToImportThread =
  | { type: 'chunk'; source: number; bytes: Uint8Array }
  | { type: 'end'; source: number }
  | { type: 'unreadable'; source: number; message: string }

export function describeError(error: unknown): ThreadError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) }
  const code = (error as { code?: unknown }).code
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  }
}

/** The error again on this side, with its code (SQLITE_BUSY answers 503). */
function errorFrom(described: ThreadError): Error {
  const error = Object.assign(
    new Error(described.message),
    described.code ? { code: described.code } : {},
  )
  error.name = described.name
  if (described.stack) error.stack = described.stack
  return error
}

/**
 * Runs the import in a worker thread of its own, with its own connection to the database
 * file. This thread only hands it each file's bytes when it asks for them and passes on its
 * progress; the parsing, checking and writing, the area means and the analytics snapshot all
 * happen there. Resolves once the thread has ended, so its memory is given back first.
 */
export function importInWorker(
  into: Db | { postgres: string },
  sources: readonly ImportSource[],
  { onProgress, ...options }: ImportOptions,
): Promise<ImportReport> {
  const target: ImportTarget =
    'postgres' in into
      ? { postgres: into.postgres }
      : {
          sqlite: into.$client.name,
          busyTimeoutMs: Math.max(busyTimeoutOf(into), IMPORT_LOCK_WAIT_MS),
        }
  const task: ImportTask = {
    target,
    options,
    sources: sources.map(({ name, size }) => ({ name, ...(size === undefined ? {} : { size }) })),
  }
  const worker = new Worker(new URL('./import-worker.js', import.meta.url), { workerData: task })
  const reading = sources.map((source) =>
    (source.stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator](),
  )
  let outcome: { report: ImportReport } | { error: Error } | null = null
  const send = (message: ToImportThread, transfer: ArrayBuffer[] = []) => {
    if (outcome === null) worker.postMessage(message, transfer)
  }
  const readNext = async (source: number) => {
    try {
      const step = await reading[source]!.next()
      if (step.done) {
        send({ type: 'end', source })
        return
      }
      const chunk = typeof step.value === 'string' ? Buffer.from(step.value) : step.value
      // A copy of its own, moved rather than copied again: the chunk may share a pool.
      const bytes = new Uint8Array(chunk.byteLength)
      bytes.set(chunk)
      send({ type: 'chunk', source, bytes }, [bytes.buffer])
    } catch (error) {
      send({ type: 'unreadable', source, message: (error as Error).message })
    }
  }
  return new Promise<ImportReport>((resolve, reject) => {
    worker.on('message', (message: FromImportThread) => {
      switch (message.type) {
        case 'read':
          void readNext(message.source)
          break
        case 'close':
          sources[message.source]!.stream.destroy()
          break
        case 'progress':
          onProgress?.(message.progress)
          break
        case 'done':
          outcome = { report: message.report }
          void worker.terminate()
          break
        case 'failed':
          outcome = { error: errorFrom(message.error) }
          void worker.terminate()
          break
      }
    })
    worker.on('error', (error) => {
      outcome ??= { error }
    })
    worker.on('exit', (code) => {
      for (const source of sources) source.stream.destroy()
      outcome ??= { error: new Error(`The import's thread stopped with exit code ${code}`) }
      if ('report' in outcome) resolve(outcome.report)
      else reject(outcome.error)
    })
  })
}
