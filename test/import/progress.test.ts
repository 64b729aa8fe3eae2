import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { importFiles, type ImportProgress } from '../../api/import/import-files'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'
import { createTestDatabase } from '../helpers/database'

/** A text as a stream of small chunks, as a file read from disk arrives. */
function chunked(text: string, size = 4096): Readable {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size))
  return Readable.from(chunks)
}

describe('import progress', () => {
  it('counts the rows read so far, file by file, up to each file’s total', async () => {
    const applications = Array.from({ length: 3000 }, (_, index) =>
      applicationRow({ application_id: `APP-${index}`, candidate_id: `CAND-${index}` }),
    )
    const scores = applications.map((row) => scoreRow({ application_id: row.application_id! }))
    const seen: ImportProgress[] = []
    const report = await importFiles(
      createTestDatabase(),
      [
        { name: 'applications.csv', stream: chunked(csv(APPLICATION_HEADER, applications)) },
        { name: 'scores.csv', stream: chunked(csv(SCORE_HEADER, scores)) },
      ],
      { dryRun: true, onProgress: (progress) => seen.push({ ...progress }) },
    )
    expect(report.ok).toBe(true)
    for (const file of report.files) {
      const rows = seen.filter((progress) => progress.file === file.file).map(({ rows }) => rows)
      expect(rows.some((count) => count > 0 && count < file.rows)).toBe(true)
      expect(rows).toEqual([...rows].sort((a, b) => a - b))
      expect(rows.at(-1)).toBe(file.rows)
      expect(file.rows).toBe(3000)
    }
  })
})
