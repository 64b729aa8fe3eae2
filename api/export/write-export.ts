import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { Zip, ZipDeflate } from 'fflate'
import type { SnapshotReader, Store } from '../../db/store'
import { csvRecord } from '../../common/csv'
import {
  APPLICATION_HEADER,
  SCORE_HEADER,
  applicationRecords,
  scoreRecords,
} from './canonical-rows'

export const EXPORT_FORMATS = ['csv', 'json'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Rows gathered before they are written out together. */
const BATCH = 2000

/** Writes, waiting whenever the destination asks to slow down. */
async function write(out: Writable, chunk: string | Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

/** CSV text of the rows, batch by batch, every cell safe to open in a spreadsheet. */
async function* csvChunks<Row extends Record<string, string>>(
  header: readonly (keyof Row & string)[],
  rows: AsyncIterable<Row>,
): AsyncGenerator<string> {
  yield `${csvRecord(header)}\n`
  let batch: string[] = []
  for await (const row of rows) {
    batch.push(`${csvRecord(header.map((column) => row[column] ?? ''))}\n`)
    if (batch.length === BATCH) {
      yield batch.join('')
      batch = []
    }
  }
  if (batch.length > 0) yield batch.join('')
}

/** The two canonical files as CSV text, for `npm run export` and the zip. */
export function canonicalCsv(reader: SnapshotReader) {
  return {
    'applications.csv': () => csvChunks(APPLICATION_HEADER, applicationRecords(reader)),
    'scores.csv': () => csvChunks(SCORE_HEADER, scoreRecords(reader)),
  }
}

/** Writes each canonical CSV to its own destination; they can be imported as they are. */
export async function exportCsvFiles(
  store: Store,
  destination: (file: string) => Writable,
): Promise<void> {
  await store.read(async (reader) => {
    for (const [file, chunks] of Object.entries(canonicalCsv(reader))) {
      const out = destination(file)
      for await (const chunk of chunks()) await write(out, chunk)
      out.end()
      await once(out, 'finish')
    }
  })
}

/** A zip of applications.csv and scores.csv, streamed as it is made. */
export async function exportZip(store: Store, out: Writable): Promise<void> {
  await store.read(async (reader) => {
    const pending: Uint8Array[] = []
    const zip = new Zip((error, data) => {
      if (error) throw error
      pending.push(data)
    })
    const flush = async () => {
      while (pending.length > 0) await write(out, pending.shift()!)
    }
    const encoder = new TextEncoder()
    for (const [file, chunks] of Object.entries(canonicalCsv(reader))) {
      const entry = new ZipDeflate(file, { level: 6 })
      zip.add(entry)
      for await (const chunk of chunks()) {
        entry.push(encoder.encode(chunk))
        await flush()
      }
      entry.push(new Uint8Array(0), true)
    }
    zip.end()
    await flush()
  })
  out.end()
}

/** JSON array elements of the rows, batch by batch. */
async function* jsonChunks(rows: AsyncIterable<object>): AsyncGenerator<string> {
  let batch: string[] = []
  let first = true
  for await (const row of rows) {
    batch.push(`${first ? '' : ','}\n${JSON.stringify(row)}`)
    first = false
    if (batch.length === BATCH) {
      yield batch.join('')
      batch = []
    }
  }
  if (batch.length > 0) yield batch.join('')
}

/** One JSON document with every application and rating, streamed as it is made. */
export async function exportJson(store: Store, out: Writable, exportedAt: string): Promise<void> {
  await store.read(async (reader) => {
    await write(
      out,
      `{"format":"loopscope","version":1,"exported_at":${JSON.stringify(exportedAt)},"applications":[`,
    )
    for await (const chunk of jsonChunks(applicationRecords(reader))) await write(out, chunk)
    await write(out, '\n],"scores":[')
    for await (const chunk of jsonChunks(scoreRecords(reader))) await write(out, chunk)
    await write(out, '\n]}\n')
  })
  out.end()
}
