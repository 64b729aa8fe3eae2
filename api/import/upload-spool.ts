import { createReadStream, createWriteStream, type ReadStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { ApiError } from '../lib/errors'
import type { ImportSource } from './row-checks'

/** Bounds on a multipart form beyond its total size (which the route's body limit sets). */
export const FORM_LIMITS = { files: 20, fields: 20, fieldSize: 64 * 1024, headerPairs: 100 }

/** An upload written to temporary files, read by the import once it has fully arrived. */
export interface SpooledUpload {
  files: { name: string; path: string; size: number }[]
  /** The files as import sources, each read from the start. */
  sources(): ImportSource[]
  /** Deletes the temporary files; safe to call more than once. */
  remove(): Promise<void>
}

const malformed = (message: string) => new ApiError(400, 'invalid_request', message)

/** What busboy's errors mean, said to the client. */
function formProblem(error: Error): ApiError {
  switch (error.message) {
    case 'Multipart: Boundary not found':
      return malformed(
        'The Content-Type multipart/form-data has no boundary parameter (boundary=…): let the client write the header',
      )
    case 'Malformed content type':
      return malformed('The Content-Type header cannot be read')
    case 'Malformed part header':
      return malformed(
        'A part of the multipart body has a malformed header: each part needs a Content-Disposition line',
      )
    case 'Unexpected end of form':
    case 'Unexpected end of file':
      return malformed(
        'The multipart body ends before its closing boundary (--boundary--): the upload is incomplete or malformed',
      )
    default:
      return malformed(`The multipart body cannot be read: ${error.message.slice(0, 200)}`)
  }
}

/**
 * The error an upload failed with, as the client should hear it: the body's own limit (413),
 * a malformed form (400), a body cut off (400); a failure of the disk stays a server error.
 */
function uploadProblem(error: unknown, parsing: boolean): unknown {
  if (error instanceof ApiError) return error
  if (!(error instanceof Error)) return error
  if ('syscall' in error) return error
  if (parsing) return formProblem(error)
  return malformed(`The upload ended before its end: ${error.message.slice(0, 200)}`)
}

/**
 * Writes the request body to temporary files as it arrives: one file for a text/csv or
 * application/json body, one per file part of multipart/form-data (parsed as a stream by
 * busboy). Nothing is held in memory but a chunk, and nothing is locked: a slow client only
 * keeps its own connection open. The files are removed if the upload fails.
 */
export async function spoolUpload(
  body: globalThis.ReadableStream<Uint8Array>,
  contentType: string,
  singleFileName: string | null,
  parent: string,
): Promise<SpooledUpload> {
  const directory = await mkdtemp(join(parent, 'loopscope-upload-'))
  const files: SpooledUpload['files'] = []
  const remove = () => rm(directory, { recursive: true, force: true })
  const request = Readable.fromWeb(body as WebReadableStream<Uint8Array>)
  let parsing = false
  try {
    if (singleFileName !== null) {
      const path = join(directory, '0')
      await pipeline(request, createWriteStream(path))
      files.push({ name: singleFileName, path, size: 0 })
    } else {
      parsing = true
      await spoolForm(request, contentType, directory, files)
    }
    for (const file of files) file.size = (await stat(file.path)).size
  } catch (error) {
    request.destroy()
    await remove()
    throw uploadProblem(error, parsing)
  }
  const opened: ReadStream[] = []
  return {
    files,
    sources: () =>
      files.map((file) => {
        const stream = createReadStream(file.path)
        opened.push(stream)
        return { name: file.name, size: file.size, stream }
      }),
    // A stream the import never read (it failed first) would keep its file open.
    remove: () => {
      for (const stream of opened) stream.destroy()
      return remove()
    },
  }
}

async function spoolForm(
  request: Readable,
  contentType: string,
  directory: string,
  files: SpooledUpload['files'],
): Promise<void> {
  const form = busboy({
    headers: { 'content-type': contentType },
    limits: {
      files: FORM_LIMITS.files,
      fields: FORM_LIMITS.fields,
      fieldSize: FORM_LIMITS.fieldSize,
      headerPairs: FORM_LIMITS.headerPairs,
    },
  })
  const writes: Promise<void>[] = []
  const refuse = (problem: ApiError) => form.destroy(problem)
  form.on('file', (_field, stream, info) => {
    const path = join(directory, String(files.length))
    files.push({ name: info.filename || 'upload', path, size: 0 })
    // Its failure is the form's failure: the pipeline below hears of it through the form.
    writes.push(
      pipeline(stream, createWriteStream(path)).catch((error: unknown) => {
        form.destroy(error as Error)
      }),
    )
  })
  form.on('field', (name, _value, info) => {
    if (info.valueTruncated) {
      refuse(
        malformed(
          `The form field "${name.slice(0, 60)}" is over ${FORM_LIMITS.fieldSize / 1024} KB: attach files as file parts (with a filename)`,
        ),
      )
    }
  })
  form.on('filesLimit', () =>
    refuse(malformed(`The form has more than ${FORM_LIMITS.files} files: send fewer at a time`)),
  )
  form.on('fieldsLimit', () =>
    refuse(malformed(`The form has more than ${FORM_LIMITS.fields} fields besides its files`)),
  )
  await pipeline(request, form)
  await Promise.all(writes)
  if (files.length === 0) {
    throw malformed('The form has no file: attach the CSV or JSON files to import')
  }
}
