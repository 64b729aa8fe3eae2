import type { Readable } from 'node:stream'
import { CsvError, parse } from 'csv-parse'

/** One CSV record and the line of the file it starts on (1-based, as an editor shows it). */
export interface CsvRecord {
  line: number
  fields: string[]
}

/** A CSV file that could not be read to the end; `line` is where the bad record starts. */
export class CsvReadError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message)
  }
}

/** Longest record accepted, in bytes: a bound on memory for hostile files. */
export const MAX_RECORD_BYTES = 1_000_000

const READ_ERROR_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (missing closing ")',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside an unquoted field; double it ("") or quote the field',
  CSV_INVALID_OPENING_QUOTE: 'a quote inside an unquoted field; double it ("") or quote the field',
  CSV_MAX_RECORD_SIZE: `the record is longer than ${MAX_RECORD_BYTES.toLocaleString('en')} bytes`,
}

function lineBreaks(fields: string[]): number {
  let breaks = 0
  for (const field of fields) {
    for (let i = 0; i < field.length; i++) {
      const code = field.charCodeAt(i)
      if (code === 10) breaks++
      else if (code === 13 && field.charCodeAt(i + 1) !== 10) breaks++
    }
  }
  return breaks
}

/**
 * Streams the records of an RFC 4180 file (BOM, CRLF or LF, quoted newlines), skipping blank
 * lines and counting lines itself so every record knows where it starts.
 */
export async function* readCsvRecords(input: Readable): AsyncGenerator<CsvRecord> {
  const parser = input.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: MAX_RECORD_BYTES,
    }),
  )
  input.on('error', (error) => parser.destroy(error))
  let line = 1
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const start = line
      line += 1 + lineBreaks(fields)
      if (fields.length === 1 && fields[0] === '') continue
      yield { line: start, fields }
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new CsvReadError(READ_ERROR_MESSAGES[error.code] ?? error.message, line)
    }
    throw error
  }
}
