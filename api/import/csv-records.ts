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

/**
 * Watches the raw bytes before the parser sees them: a record (delimiters included) over the
 * size limit, or a UTF-16 file, is refused before anything big is built from it.
 */
class RecordSizeGuard {
  private quoted = false
  private recordBytes = 0
  private line = 1
  private recordLine = 1
  private first = true
  private afterCarriageReturn = false

  /** Returns the problem with these bytes, or null. */
  check(chunk: Buffer): CsvReadError | null {
    if (this.first) {
      this.first = false
      const utf16 =
        chunk.length >= 2 &&
        ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))
      if (utf16) return new CsvReadError('the file is UTF-16 text: save it as UTF-8', 1)
    }
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!
      if (byte === 0x22) this.quoted = !this.quoted
      // A line ends at LF, CR or CRLF (counted once); outside quotes it also ends the record.
      const lineEnd = byte === 0x0d || (byte === 0x0a && !this.afterCarriageReturn)
      this.afterCarriageReturn = byte === 0x0d
      if (lineEnd) this.line++
      if ((byte === 0x0a || byte === 0x0d) && !this.quoted) {
        this.recordBytes = 0
        this.recordLine = this.line
        continue
      }
      if (++this.recordBytes > MAX_RECORD_BYTES) {
        return new CsvReadError(READ_ERROR_MESSAGES.CSV_MAX_RECORD_SIZE!, this.recordLine)
      }
    }
    return null
  }
}

/** Records parsed ahead of the reader before the input is paused, and when it resumes. */
const PAUSE_AT = 8192
const RESUME_AT = 1024

/** Longest record accepted, in bytes: a bound on memory for hostile files. */
export const MAX_RECORD_BYTES = 1_000_000

const READ_ERROR_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed (missing closing ")',
  CSV_INVALID_CLOSING_QUOTE: 'a quote inside an unquoted field; double it ("") or quote the field',
  INVALID_OPENING_QUOTE: 'a quote inside an unquoted field; double it ("") or quote the field',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'text after the closing quote of a field',
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
  const parser = parse({
    bom: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_RECORD_BYTES,
  })
  // Records are taken from 'data' events, which all arrive before an 'error': a stream's
  // async iterator would drop the records parsed just before a bad one, and its line. The
  // parser's output is never paused; the input is, while enough records wait to be read.
  const pending: string[][] = []
  let head = 0
  const progress: { finished: boolean; failure: Error | null } = { finished: false, failure: null }
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  parser.on('data', (fields: string[]) => {
    pending.push(fields)
    if (pending.length - head > PAUSE_AT) input.pause()
    notify()
  })
  parser.on('error', (error) => {
    progress.failure = error
    progress.finished = true
    input.pause()
    notify()
  })
  parser.on('end', () => {
    progress.finished = true
    notify()
  })
  const guard = new RecordSizeGuard()
  input.on('error', (error) => parser.destroy(error))
  input.on('data', (chunk: Buffer | string) => {
    if (progress.finished) return
    const refused = guard.check(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
    if (!refused) {
      parser.write(chunk)
      return
    }
    progress.failure = refused
    progress.finished = true
    input.pause()
    notify()
  })
  input.on('end', () => parser.end())

  let line = 1
  try {
    for (;;) {
      if (head < pending.length) {
        const fields = pending[head++]!
        // Drop what has been read, now and then, rather than shifting the array each time.
        if (head > 4096 && head * 2 > pending.length) {
          pending.splice(0, head)
          head = 0
        }
        if (pending.length - head < RESUME_AT && !progress.finished) input.resume()
        const start = line
        line += 1 + lineBreaks(fields)
        // A line of nothing but spaces is a blank line too.
        if (fields.length === 1 && fields[0]!.trim() === '') continue
        yield { line: start, fields }
      } else if (progress.finished) {
        break
      } else {
        await new Promise<void>((resolve) => (wake = resolve))
      }
    }
  } finally {
    // Stops reading when the caller gives up early (e.g. on a bad header).
    input.removeAllListeners('data')
    input.destroy()
    parser.destroy()
  }
  const { failure } = progress
  if (failure instanceof CsvReadError) throw failure
  if (failure instanceof CsvError) {
    throw new CsvReadError(READ_ERROR_MESSAGES[failure.code] ?? failure.message, line)
  }
  if (failure) throw failure
}
