import { once } from 'node:events'
import type { Writable } from 'node:stream'
import { Zip, ZipDeflate } from 'fflate'
import { openReader, type Db } from '../../db/client'
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

/** Runs an export on a consistent snapshot, from a connection of its own where there is a file. */
async function withSnapshot(db: Db, run: (reader: Db) => Promise<void>): Promise<void> {
  const reader = openReader(db)
  reader.$client.exec('BEGIN')
  try {
    await run(reader)
  } finally {
    reader.$client.exec('COMMIT')
    if (reader !== db) reader.$client.close()
  }
}

/** CSV text of the rows, batch by batch, every cell safe to open in a spreadsheet. */
function* csvChunks<Row extends Record<string, string>>(
  header: readonly (keyof Row & string)[],
  rows: Iterable<Row>,
): Generator<string> {
  yield `${csvRecord(header)}\n`
  let batch: string[] = []
  for (const row of rows) {
    batch.push(`${csvRecord(header.map((column) => row[column] ?? ''))}\n`)
    if (batch.length === BATCH) {
      yield batch.join('')
      batch = []
    }
  }
  if (batch.length > 0) yield batch.join('')
}

/** The two canonical files as CSV text, for `npm run export` and the zip. */
export function canonicalCsv(reader: Db) {
  return {
    'applications.csv': () => csvChunks(APPLICATION_HEADER, applicationRecords(reader)),
    'scores.csv': () => csvChunks(SCORE_HEADER, scoreRecords(reader)),
  }
}

/** Writes each canonical CSV to its own destination; they can be imported as they are. */
export async function exportCsvFiles(
  db: Db,
  destination: (file: string) => Writable,
): Promise<void> {
  await withSnapshot(db, async (reader) => {
    for (const [file, chunks] of Object.entries(canonicalCsv(reader))) {
      const out = destination(file)
      for (const chunk of chunks()) await write(out, chunk)
      out.end()
      await once(out, 'finish')
    }
  })
}

/** A zip of applications.csv and scores.csv, streamed as it is made. */
export async function exportZip(db: Db, out: Writable): Promise<void> {
  await withSnapshot(db, async (reader) => {
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
      for (const chunk of chunks()) {
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
function* jsonChunks(rows: Iterable<object>): Generator<string> {
  let batch: string[] = []
  let first = true
  for (const row of rows) {
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
export async function exportJson(db: Db, out: Writable, exportedAt: string): Promise<void> {
  await withSnapshot(db, async (reader) => {
    await write(
      out,
      `{"format":"loopscope","version":1,"exported_at":${JSON.stringify(exportedAt)},"applications":[`,
    )
    for (const chunk of jsonChunks(applicationRecords(reader))) await write(out, chunk)
    await write(out, '\n],"scores":[')
    for (const chunk of jsonChunks(scoreRecords(reader))) await write(out, chunk)
    await write(out, '\n]}\n')
  })
  out.end()
}
