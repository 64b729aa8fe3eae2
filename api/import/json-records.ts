import type { Readable } from 'node:stream'
import { parser } from 'stream-json'

/** One record of a JSON export and where it sits in the file, as a JSONPath. */
export interface JsonRecord {
  path: string
  value: unknown
}

/** A JSON file that could not be read to the end; `path` is where the problem is. */
export class JsonReadError extends Error {
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message)
  }
}

/** Bounds on what one file may hold, so hostile input costs bounded memory and time. */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays, the file's own outer levels included. */
  depth: 64,
  /** Characters in one string or key. */
  stringLength: 1_000_000,
  /** Tokens (keys, values, brackets) in one record. */
  recordTokens: 200_000,
}

/** The tokens that each begin or are one value; chunks and ends are parts of those. */
const VALUE_TOKENS = new Set([
  'startObject',
  'startArray',
  'startString',
  'startNumber',
  'nullValue',
  'trueValue',
  'falseValue',
])

/** Records parsed ahead of the reader before the input is paused, and when it resumes. */
const PAUSE_AT = 2048
const RESUME_AT = 256

/** Where records can be found in an object at the top: Lever's `data`, or any array. */
const RECORD_KEYS = new Set([
  'data',
  'results',
  'items',
  'records',
  'scorecards',
  'applications',
  'jobs',
  'offers',
  'candidates',
  'feedback',
])

/** An object or array being built; `value` is null inside a part of the file being skipped. */
type Container =
  | { kind: 'object'; value: Record<string, unknown> | null; key: string | null }
  | { kind: 'array'; value: unknown[] | null }

interface Token {
  name: string
  value?: string
}

/**
 * Builds the records of a JSON export from the parser's tokens: the elements of the array at
 * the top of the file, or of the records array inside an object at the top ({"data": [...]}).
 * Every string arrives in chunks and every record is bounded, so no input can make it build
 * an object bigger than the limits allow.
 */
class RecordAssembler {
  private readonly stack: Container[] = []
  /** Depth of the array whose elements are records, once known (1 or 2). */
  private recordsDepth: number | null = null
  /** While skipping a value the records are not in: the depth it started at. */
  private skipping: number | null = null
  private index = -1
  private recordsKey = ''
  private text: string[] = []
  private textLength = 0
  private tokens = 0
  private topLevelSeen = false

  constructor(private readonly emit: (record: JsonRecord) => void) {}

  get path(): string {
    if (this.recordsDepth === null) return '$'
    const base = this.recordsDepth === 2 ? `$.${this.recordsKey}` : '$'
    return this.index < 0 ? base : `${base}[${this.index}]`
  }

  private fail(message: string): never {
    throw new JsonReadError(message, this.path)
  }

  /** Appends a finished value to the container it belongs to, or emits it as a record. */
  private place(value: unknown): void {
    const depth = this.stack.length
    if (this.recordsDepth !== null && depth === this.recordsDepth) {
      this.emit({ path: this.path, value })
      return
    }
    const parent = this.stack[depth - 1]
    if (parent?.kind === 'array') parent.value?.push(value)
    else if (parent?.value && parent.key !== null) {
      // As JSON.parse: a "__proto__" key is an own property, never the object's prototype.
      Object.defineProperty(parent.value, parent.key, {
        value,
        writable: true,
        enumerable: true,
        configurable: true,
      })
      parent.key = null
    }
  }

  private startContainer(kind: 'object' | 'array'): void {
    const depth = this.stack.length
    if (depth + 1 > JSON_LIMITS.depth) this.fail(`nesting deeper than ${JSON_LIMITS.depth} levels`)
    if (depth === 0) {
      if (this.topLevelSeen) this.fail('more than one JSON value at the top of the file')
      this.topLevelSeen = true
      if (kind === 'array') this.recordsDepth = 1
    } else if (depth === 1 && this.stack[0]!.kind === 'object' && this.skipping === null) {
      const key = this.stack[0]!.key
      if (kind === 'array' && this.recordsDepth === null && key !== null && RECORD_KEYS.has(key)) {
        this.recordsDepth = 2
        this.recordsKey = key
      } else {
        // Any other value at the top of an object is read past, never built.
        this.skipping = depth
      }
    }
    if (this.recordsDepth !== null && depth === this.recordsDepth && this.skipping === null) {
      this.index++
      this.tokens = 0
    }
    const build = this.skipping === null
    this.stack.push(
      kind === 'object'
        ? { kind, value: build ? {} : null, key: null }
        : { kind, value: build ? [] : null },
    )
  }

  private endContainer(): void {
    const container = this.stack.pop()!
    const depth = this.stack.length
    if (this.skipping !== null) {
      if (depth === this.skipping) {
        this.skipping = null
        const top = this.stack[0]
        if (top?.kind === 'object') top.key = null
      }
      return
    }
    if (this.recordsDepth !== null && depth < this.recordsDepth) return
    this.place(container.value)
  }

  private scalar(value: unknown): void {
    const depth = this.stack.length
    if (depth === 0) this.fail('expected a JSON array of records, or an object holding one')
    if (this.skipping !== null) return
    const top = this.stack[0]!
    if (depth === 1 && top.kind === 'object') {
      top.key = null
      return
    }
    if (this.recordsDepth !== null && depth === this.recordsDepth) {
      this.index++
      this.emit({ path: this.path, value })
      return
    }
    this.place(value)
  }

  private collectText(chunk: string): void {
    this.textLength += chunk.length
    if (this.textLength > JSON_LIMITS.stringLength) {
      this.fail(`a string longer than ${JSON_LIMITS.stringLength.toLocaleString('en')} characters`)
    }
    this.text.push(chunk)
  }

  private takeText(): string {
    const value = this.text.join('')
    this.text = []
    this.textLength = 0
    return value
  }

  token({ name, value = '' }: Token): void {
    const inRecord = this.recordsDepth !== null && this.stack.length > this.recordsDepth
    if (inRecord && VALUE_TOKENS.has(name)) {
      if (++this.tokens > JSON_LIMITS.recordTokens) {
        this.fail(`a record of more than ${JSON_LIMITS.recordTokens.toLocaleString('en')} values`)
      }
    }
    switch (name) {
      case 'startObject':
        this.startContainer('object')
        break
      case 'startArray':
        this.startContainer('array')
        break
      case 'endObject':
      case 'endArray':
        this.endContainer()
        break
      case 'stringChunk':
      case 'numberChunk':
        this.collectText(value)
        break
      case 'endKey': {
        const parent = this.stack[this.stack.length - 1]
        const key = this.takeText()
        if (parent?.kind === 'object') parent.key = key
        break
      }
      case 'endString':
        this.scalar(this.takeText())
        break
      case 'endNumber':
        this.scalar(Number(this.takeText()))
        break
      case 'nullValue':
        this.scalar(null)
        break
      case 'trueValue':
        this.scalar(true)
        break
      case 'falseValue':
        this.scalar(false)
        break
      default:
        break
    }
  }

  finish(): void {
    if (!this.topLevelSeen || this.recordsDepth === null) {
      this.fail('expected a JSON array of records, or an object holding one under "data"')
    }
  }
}

/**
 * Streams the records of a JSON export (array elements) with their JSONPath, in bounded memory:
 * the input is paused while records wait to be read.
 */
export async function* readJsonRecords(input: Readable): AsyncGenerator<JsonRecord> {
  const tokens = parser.asStream({ packValues: false, streamValues: true })
  const pending: JsonRecord[] = []
  let head = 0
  const progress: { finished: boolean; failure: Error | null } = { finished: false, failure: null }
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  const assembler = new RecordAssembler((record) => {
    pending.push(record)
    if (pending.length - head > PAUSE_AT) input.pause()
  })
  const stop = (error: Error | null) => {
    if (progress.finished) return
    progress.failure = error
    progress.finished = true
    input.pause()
    notify()
  }
  tokens.on('data', (token: Token) => {
    if (progress.finished) return
    try {
      assembler.token(token)
      notify()
    } catch (error) {
      stop(error as Error)
    }
  })
  tokens.on('error', (error: Error) => stop(new JsonReadError(error.message, assembler.path)))
  tokens.on('end', () => {
    try {
      assembler.finish()
      stop(null)
    } catch (error) {
      stop(error as Error)
    }
  })
  input.on('error', (error) => stop(error))
  input.on('data', (chunk: Buffer | string) => tokens.write(chunk))
  input.on('end', () => tokens.end())

  try {
    for (;;) {
      if (head < pending.length) {
        const record = pending[head++]!
        if (head > 1024 && head * 2 > pending.length) {
          pending.splice(0, head)
          head = 0
        }
        if (pending.length - head < RESUME_AT && !progress.finished) input.resume()
        yield record
      } else if (progress.finished) {
        break
      } else {
        await new Promise<void>((resolve) => (wake = resolve))
      }
    }
  } finally {
    input.removeAllListeners('data')
    input.destroy()
    tokens.destroy()
  }
  if (progress.failure) throw progress.failure
}
