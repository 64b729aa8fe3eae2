import { Writable } from 'node:stream'
import { exportCsvFiles } from '../../api/export/write-export'
import { sqliteStore, type Store } from '../../db/store'
import type { Db } from '../../db/client'

/** A writable that keeps what it is given. */
export function sink(): { stream: Writable; text: () => string; bytes: () => Buffer } {
  const chunks: Buffer[] = []
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.from(chunk))
      done()
    },
  })
  return {
    stream,
    text: () => Buffer.concat(chunks).toString('utf8'),
    bytes: () => Buffer.concat(chunks),
  }
}

/** The canonical CSV files a database exports, by name: of a SQLite connection or a store. */
export async function exportCsv(from: Db | Store): Promise<Record<string, string>> {
  const files: Record<string, ReturnType<typeof sink>> = {}
  await exportCsvFiles('$client' in from ? sqliteStore(from) : from, (file) => {
    files[file] = sink()
    return files[file].stream
  })
  return Object.fromEntries(Object.entries(files).map(([file, out]) => [file, out.text()]))
}
