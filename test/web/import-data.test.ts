import { describe, expect, it } from 'vitest'
import {
  ndjsonLines,
  type ChangeSummary,
  type UnmappedAttribute,
} from '../../web/src/features/import/api/run-import'
import {
  IGNORE,
  changeRows,
  initialChoices,
  mappingsToSave,
  problemCountText,
  problemPage,
  problemPlace,
  readFraction,
} from '../../web/src/features/import/components/import-data'

const count = (insert: number, update = 0, unchanged = 0) => ({
  insert,
  update,
  unchanged,
  delete: 0,
})

describe('import report shaping', () => {
  it('labels every kind of record and adds a total row', () => {
    const changes: ChangeSummary = {
      requisitions: count(1),
      candidates: count(2, 1),
      applications: count(3, 0, 4),
      offers: count(0),
      employments: count(0),
      interviewers: count(2),
      scores: count(10, 2, 3),
    }
    const { rows, total } = changeRows(changes)
    expect(rows.map((row) => row.entity)).toEqual([
      'Requisitions',
      'Candidates',
      'Applications',
      'Offers',
      'Employments',
      'Interviewers',
      'Ratings',
    ])
    expect(total).toEqual({ entity: 'Total', insert: 18, update: 3, unchanged: 7, delete: 0 })
  })

  it('places a problem on its CSV line, its JSONPath, or the whole file', () => {
    const problem = { file: 'a.csv', line: 4, path: null, column: 'level', message: 'bad' }
    expect(problemPlace(problem)).toBe('line 4')
    expect(problemPlace({ ...problem, line: null, path: '$[2].attributes[0]' })).toBe(
      '$[2].attributes[0]',
    )
    expect(problemPlace({ ...problem, line: null })).toBe('whole file')
    expect(problemCountText(1, 1)).toBe('1 problem found.')
    expect(problemCountText(100, 250)).toBe('250 problems found; the first 100 are listed.')
  })

  it('measures progress over all files by the bytes read of each', () => {
    const files = [
      { name: 'applications.csv', size: 600 },
      { name: 'scores.csv', size: 400 },
    ]
    const latest = new Map([
      ['applications.csv', { file: 'applications.csv', rows: 10, bytes: 600, totalBytes: 600 }],
      ['scores.csv', { file: 'scores.csv', rows: 2, bytes: 100, totalBytes: 400 }],
    ])
    expect(readFraction(latest, files)).toBe(0.7)
    expect(readFraction(new Map(), files)).toBe(0)
    expect(readFraction(latest, [])).toBe(0)
  })
})

describe('attribute mapping choices', () => {
  const unmapped: UnmappedAttribute[] = [
    { source: 'greenhouse', attribute: 'Async Rust', ratings: 12, file: 'gh.json', path: '$[0]' },
    { source: 'lever', attribute: 'Async Rust', ratings: 3, file: 'lever.json', path: '$[1]' },
    { source: 'lever', attribute: 'Culture add', ratings: 5, file: 'lever.json', path: '$[2]' },
  ]

  it('starts from the saved mappings and tells the two ATSs apart', () => {
    const choices = initialChoices(unmapped, [
      { source: 'lever', attribute: 'Async Rust', area: 'concurrency' },
      { source: 'lever', attribute: 'Culture add', area: null },
    ])
    expect(Object.values(choices)).toEqual(['', 'concurrency', IGNORE])
  })

  it('saves only the attributes given an area or set to be ignored', () => {
    const choices = initialChoices(unmapped, [])
    const [greenhouse, , culture] = Object.keys(choices)
    expect(
      mappingsToSave(unmapped, { ...choices, [greenhouse!]: 'concurrency', [culture!]: IGNORE }),
    ).toEqual([
      { source: 'greenhouse', attribute: 'Async Rust', area: 'concurrency' },
      { source: 'lever', attribute: 'Culture add', area: null },
    ])
  })
})

describe('the progress stream', () => {
  it('yields each JSON line, whole, however the bytes are split', async () => {
    const text = '{"progress":{"rows":1}}\n{"progress":{"rows":2}}\n\n{"result":{"status":200}}'
    const bytes = new TextEncoder().encode(text)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7))
        controller.close()
      },
    })
    const lines = []
    for await (const line of ndjsonLines(body)) lines.push(line)
    expect(lines).toEqual([
      { progress: { rows: 1 } },
      { progress: { rows: 2 } },
      { result: { status: 200 } },
    ])
  })
})

describe('problemPage', () => {
  const problems = Array.from({ length: 12 }, (_, k) => ({
    file: 'scores.csv',
    line: k + 2,
    path: null,
    column: null,
    message: `problem ${k}`,
  }))

  it('keeps the page within the list, whatever page is asked for', () => {
    expect(problemPage(problems, 0, 5)).toMatchObject({
      page: 0,
      pages: 3,
      label: 'Problems 1–5 of 12',
    })
    expect(problemPage(problems, 9, 5)).toMatchObject({ page: 2, label: 'Problems 11–12 of 12' })
    expect(problemPage(problems, -1, 5).page).toBe(0)
    expect(problemPage(problems, 2, 5).problems.map((problem) => problem.line)).toEqual([12, 13])
  })

  it('is one page without a label when everything fits, or nothing is listed', () => {
    expect(problemPage(problems, 0, 50)).toMatchObject({ page: 0, pages: 1, label: '' })
    expect(problemPage([], 3, 50)).toMatchObject({ problems: [], page: 0, pages: 1, label: '' })
  })
})
