// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ImportReport } from '../../web/src/features/import/api/run-import'
import { ImportView } from '../../web/src/features/import/components/import-view'
import { LEAD_SESSION, apiError, json, mockFetch, type FetchCall } from './fetch-mock'
import { renderView } from './render-view'

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const count = (insert: number, update = 0, unchanged = 0) => ({
  insert,
  update,
  unchanged,
  delete: 0,
})

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    ok: true,
    dry_run: true,
    written: false,
    files: [{ file: 'applications.csv', format: 'canonical', kind: 'applications', rows: 3 }],
    problem_count: 0,
    problems: [],
    unmapped_attributes: [],
    changes: {
      requisitions: count(1),
      candidates: count(3),
      applications: count(2, 1),
      offers: count(0),
      employments: count(0),
      interviewers: count(0),
      scores: count(0, 0, 5),
    },
    ...overrides,
  }
}

/** The streaming endpoint's answer: progress lines, then the result line. */
const ndjson = (lines: unknown[]) =>
  new Response(
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const line of lines)
          controller.enqueue(new TextEncoder().encode(`${JSON.stringify(line)}\n`))
        controller.close()
      },
    }),
    { status: 200, headers: { 'content-type': 'application/x-ndjson' } },
  )

const progress = (bytes: number) => ({
  progress: { file: 'applications.csv', rows: 2, bytes, totalBytes: 40 },
})

const open = () => renderView('/import', <ImportView />)

const csv = new File(['application_id,candidate_id\n'.padEnd(40, 'x')], 'applications.csv', {
  type: 'text/csv',
})

async function chooseFile() {
  const input = await screen.findByLabelText('Choose files')
  fireEvent.change(input, { target: { files: [csv] } })
  expect(screen.getByRole('list', { name: 'Files to import' }).textContent).toContain(
    'applications.csv',
  )
}

const dryRunOf = (call: FetchCall) => call.query.get('dry_run') === '1'

describe('ImportView', () => {
  it('checks the files in a dry run, previews the counts, then commits with progress', async () => {
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'POST /api/import/stream': (call) =>
        dryRunOf(call)
          ? ndjson([progress(20), { result: { status: 200, body: report() } }])
          : ndjson([
              progress(40),
              { result: { status: 200, body: report({ dry_run: false, written: true }) } },
            ]),
    })
    open()
    await chooseFile()
    fireEvent.click(screen.getByRole('button', { name: 'Check files (dry run)' }))
    const preview = await screen.findByRole('region', { name: 'Dry run: what would change' })
    expect(preview.textContent).toContain('Nothing has been written yet.')
    const total = within(within(preview).getByTestId('changes-table')).getByRole('row', {
      name: /^Total/,
    })
    expect(total.textContent).toBe('Total6150')
    expect(calls.filter((call) => call.path === '/api/import/stream')).toHaveLength(1)

    fireEvent.click(within(preview).getByRole('button', { name: 'Import 1 file' }))
    const done = await screen.findByRole('region', { name: 'Import finished' })
    expect(done.textContent).toContain('Written to the database.')
    const commit = calls.at(-1)!
    expect(commit.query.get('dry_run')).toBe('0')
    expect(commit.headers.get('content-type')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Dry run: what would change' })).toBeNull()
  })

  it('shows the progress bar while the server reads', async () => {
    let finish: (response: Response) => void = () => {}
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'POST /api/import/stream': () =>
        new Promise<Response>((resolve) => {
          finish = resolve
        }),
    })
    open()
    await chooseFile()
    fireEvent.click(screen.getByRole('button', { name: 'Check files (dry run)' }))
    await vi.waitFor(() => expect(calls.at(-1)!.path).toBe('/api/import/stream'))
    expect(screen.getByTestId('import-progress')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Check files (dry run)' })).toHaveProperty(
      'disabled',
      true,
    )
    finish(ndjson([progress(20), { result: { status: 200, body: report() } }]))
    expect(await screen.findByRole('region', { name: 'Dry run: what would change' })).toBeTruthy()
  })

  it('lists every problem with file, line and column, and says nothing was written', async () => {
    const refused = report({
      ok: false,
      changes: null,
      problem_count: 2,
      problems: [
        { file: 'applications.csv', line: 3, path: null, column: 'level', message: 'not a level' },
        {
          file: 'gh.json',
          line: null,
          path: '$[0].attributes[1]',
          column: 'rating',
          message: 'out of range',
        },
      ],
    })
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'POST /api/import/stream': () =>
        ndjson([
          {
            result: {
              status: 422,
              body: {
                error: { code: 'import_invalid', message: '2 problems found', details: refused },
              },
            },
          },
        ]),
    })
    open()
    await chooseFile()
    fireEvent.click(screen.getByRole('button', { name: 'Check files (dry run)' }))
    const problems = await screen.findByRole('region', { name: 'Problems in the files' })
    expect(within(problems).getByRole('alert').textContent).toMatch(/^Nothing was written/)
    const rows = within(within(problems).getByTestId('problems-table')).getAllByRole('row')
    expect(rows.map((row) => row.textContent)).toEqual([
      'FileWhereColumnProblem',
      'applications.csvline 3levelnot a level',
      'gh.json$[0].attributes[1]ratingout of range',
    ])
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull()
  })

  it('shows the busy message with a retry that runs the check again', async () => {
    let attempts = 0
    mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'POST /api/import/stream': () =>
        ++attempts === 1
          ? apiError(503, 'busy', 'An import is being written to the database: try again')
          : ndjson([{ result: { status: 200, body: report() } }]),
    })
    open()
    await chooseFile()
    fireEvent.click(screen.getByRole('button', { name: 'Check files (dry run)' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('The server is busy with another import.')
    expect(alert.textContent).toContain('An import is being written to the database: try again')
    expect(alert.textContent).toContain('Nothing was written.')
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('region', { name: 'Dry run: what would change' })).toBeTruthy()
  })

  it('maps unmapped attributes, saves them and checks again', async () => {
    let checks = 0
    const calls = mockFetch({
      'GET /api/auth/session': () => json(200, LEAD_SESSION),
      'GET /api/attribute-mappings': () => json(200, { rubric: 'rust', mappings: [] }),
      'PUT /api/attribute-mappings': (call) =>
        json(200, { rubric: 'rust', mappings: (call.body as { mappings: unknown[] }).mappings }),
      'GET /api/rubrics': () =>
        json(200, {
          rubrics: [
            {
              key: 'rust',
              name: 'Rust engineer',
              areas: [{ key: 'concurrency', name: 'Concurrency', weights: {} }],
              red_flags: [],
            },
          ],
        }),
      'POST /api/import/stream': () =>
        ndjson([
          {
            result: {
              status: 200,
              body: report({
                unmapped_attributes:
                  ++checks === 1
                    ? [
                        {
                          source: 'greenhouse',
                          attribute: 'Async Rust',
                          ratings: 4,
                          file: 'gh.json',
                          path: '$[0]',
                        },
                      ]
                    : [],
              }),
            },
          },
        ]),
    })
    open()
    await chooseFile()
    fireEvent.click(screen.getByRole('button', { name: 'Check files (dry run)' }))
    const select = await screen.findByLabelText<HTMLSelectElement>('Rubric area for Async Rust')
    await within(select).findByRole('option', { name: 'Concurrency' })
    fireEvent.change(select, { target: { value: 'concurrency' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save mappings and check again' }))
    await vi.waitFor(() =>
      expect(screen.queryByRole('region', { name: 'Unmapped attributes' })).toBeNull(),
    )
    expect(calls.find((call) => call.method === 'PUT')!.body).toEqual({
      mappings: [{ source: 'greenhouse', attribute: 'Async Rust', area: 'concurrency' }],
    })
    expect(checks).toBe(2)
  })

  it('takes dropped files, and a file of the same name replaces the earlier one', async () => {
    mockFetch({ 'GET /api/auth/session': () => json(200, LEAD_SESSION) })
    open()
    const zone = await screen.findByTestId('drop-zone')
    const scores = new File(['application_id\n'], 'scores.csv', { type: 'text/csv' })
    fireEvent.drop(zone, { dataTransfer: { files: [csv, scores] } })
    fireEvent.drop(zone, { dataTransfer: { files: [csv] } })
    const list = screen.getByRole('list', { name: 'Files to import' })
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.firstChild?.textContent),
    ).toEqual(['scores.csv', 'applications.csv'])
    fireEvent.click(within(list).getByRole('button', { name: 'Remove scores.csv' }))
    expect(within(list).getAllByRole('listitem')).toHaveLength(1)
  })

  it('tells a hiring manager that importing is not open to them', async () => {
    mockFetch({
      'GET /api/auth/session': () =>
        json(200, { ...LEAD_SESSION, user: { ...LEAD_SESSION.user, role: 'hiring_manager' } }),
    })
    open()
    expect(await screen.findByText('Importing is open to admins and talent leads.')).toBeTruthy()
    expect(screen.queryByLabelText('Choose files')).toBeNull()
  })
})
