import type { InferResponseType } from 'hono/client'
import { ApiRequestError, client, responseError } from '../../../lib/api-client'

const streamEndpoint = client.api.import.stream.$post

export type ImportReport = InferResponseType<typeof client.api.import.$post, 200>
export type ImportProblem = ImportReport['problems'][number]
export type UnmappedAttribute = ImportReport['unmapped_attributes'][number]
export type ChangeSummary = NonNullable<ImportReport['changes']>

/** One line of the progress stream: how far the server has read into a file. */
export interface ImportProgress {
  file: string
  rows: number
  bytes: number
  totalBytes: number | null
}

type StreamLine =
  | { progress: ImportProgress }
  | { result: { status: number; body: ImportReport | ImportErrorBody } }

interface ImportErrorBody {
  error: { code: string; message: string; details: unknown }
}

/** The parsed lines of a newline-delimited JSON body, as they arrive. */
export async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator {
  // A reader rather than `for await`: not every browser iterates a ReadableStream.
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let pending = ''
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    pending += decoder.decode(chunk.value, { stream: true })
    const lines = pending.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) if (line.trim() !== '') yield JSON.parse(line)
  }
  pending += decoder.decode()
  if (pending.trim() !== '') yield JSON.parse(pending)
}

/** What the server concluded: the report, and whether the files passed (422: nothing written). */
export interface ImportOutcome {
  status: 200 | 422
  message: string | null
  report: ImportReport
}

function outcomeOf(result: {
  status: number
  body: ImportReport | ImportErrorBody
}): ImportOutcome {
  if (result.status === 200)
    return { status: 200, message: null, report: result.body as ImportReport }
  const { error } = result.body as ImportErrorBody
  if (result.status === 422) {
    return { status: 422, message: error.message, report: error.details as ImportReport }
  }
  throw new ApiRequestError(result.status, error.code, error.message, error.details)
}

/**
 * Sends the files in one multipart request to the streaming import, reporting progress as the
 * server reads; a dry run validates and counts without writing.
 */
export async function runImport(
  files: readonly File[],
  { dryRun, onProgress }: { dryRun: boolean; onProgress: (progress: ImportProgress) => void },
): Promise<ImportOutcome> {
  const form = new FormData()
  for (const file of files) form.append('files', file, file.name)
  // The typed client knows only JSON answers, not this route's stream: read it as a plain Response.
  const response: Response = await streamEndpoint(
    { query: { dry_run: dryRun ? '1' : '0' } },
    { init: { body: form } },
  )
  if (!response.ok) throw await responseError(response)
  if (response.body === null) throw new Error('The server answered without a body')
  for await (const line of ndjsonLines(response.body)) {
    const parsed = line as StreamLine
    if ('progress' in parsed) onProgress(parsed.progress)
    else return outcomeOf(parsed.result)
  }
  throw new Error('The import stopped before it reported a result: nothing was written')
}
