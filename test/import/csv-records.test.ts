import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { CsvReadError, readCsvRecords, type CsvRecord } from '../../api/import/csv-records'

async function records(text: string, chunkSize = text.length): Promise<CsvRecord[]> {
  const bytes = Buffer.from(text)
  const chunks: Buffer[] = []
  for (let start = 0; start < bytes.length; start += chunkSize) {
    chunks.push(bytes.subarray(start, start + chunkSize))
  }
  const result: CsvRecord[] = []
  for await (const record of readCsvRecords(Readable.from(chunks))) result.push(record)
  return result
}

const TEXT = '\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n   \r\n2,3\n4,"5\n\n6"\r7,8\n'

describe('readCsvRecords', () => {
  it.each([1, 2, 7, 1000])(
    'counts lines the same whatever the chunk size (%i bytes)',
    async (size) => {
      expect(await records(TEXT, size)).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['1', 'x\r\ny'] },
        { line: 6, fields: ['2', '3'] },
        { line: 7, fields: ['4', '5\n\n6'] },
        { line: 10, fields: ['7', '8'] },
      ])
    },
  )

  it('keeps the records before a broken one and says on which line it starts', async () => {
    const seen: number[] = []
    const reading = (async () => {
      for await (const record of readCsvRecords(
        Readable.from([Buffer.from('a,b\n1,2\n3,"4\n5,6\n')]),
      )) {
        seen.push(record.line)
      }
    })()
    await expect(reading).rejects.toMatchObject({
      line: 3,
      message: expect.stringContaining('never closed') as unknown,
    })
    await expect(reading).rejects.toBeInstanceOf(CsvReadError)
    expect(seen).toEqual([1, 2])
  })
})
