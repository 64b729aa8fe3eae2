import { Writable } from 'node:stream'
import { exportCsvFiles } from '../../api/export/write-export'
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

export async function exportCsv(db: Db): Promise<Record<string, string>> {
  const files: Record<string, ReturnType<typeof sink>> = {}
  await exportCsvFiles(db, (file) => {
    files[file] = sink()
    return files[file].stream
  })
  return Object.fromEntries(Object.entries(files).map(([file, out]) => [file, out.text()]))
}
