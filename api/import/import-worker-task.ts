import { Readable } from 'node:stream'
import { parentPort, workerData } from 'node:worker_threads'
import { openWriter } from '../../db/client'
import { runImport } from './import-files'
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

/** The report, or what stopped the import, once the connection is closed. */
async function outcome(): Promise<FromImportThread> {
  const connection = openWriter(task.databasePath, task.busyTimeoutMs)
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
