// @vitest-environment jsdom
import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type {
  Question,
  QuestionArea,
  Questions,
} from '../../web/src/features/questions/api/get-questions'
import {
  areaSummary,
  questionChartData,
  questionsCsv,
} from '../../web/src/features/questions/components/questions-data'
import { QuestionsView } from '../../web/src/features/questions/components/questions-view'
import { downloadMenus } from './download-menu'
import { json, mockFetch } from './fetch-mock'
import { itShowsWithheldAndFailedStates, renderView, useChartEnvironment } from './render-view'

const ENDPOINT = 'GET /api/analytics/questions'

function question(
  text: string,
  hires: [n: number, left: number],
  r: [number, [number, number]] | null,
  shrunk: [number, [number, number], number] | null,
): Question {
  const [n, left] = hires
  return {
    question: text,
    loops: n * 8,
    ratings: n * 12,
    mean_rating: 2.7,
    r_area: 0.85,
    r_area_ci: [0.83, 0.87],
    n,
    stayed: n - left,
    left,
    r: r?.[0] ?? null,
    r_ci: r?.[1] ?? null,
    shrunk: shrunk ? { r: shrunk[0], ci: shrunk[1], weight: shrunk[2] } : null,
    insufficient:
      r === null
        ? `Too few hires to tell: ${n} with a known twelve-month outcome (${n - left} stayed, ${left} left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.`
        : null,
  }
}

const WRONG_TOOL = question(
  'Tell us about a time Rust was the wrong tool',
  [97, 21],
  [0.331, [0.14, 0.5]],
  [0.329, [0.15, 0.48], 0.64],
)
const REMOVE = question(
  'Which Rust feature would you remove?',
  [88, 18],
  [0.093, [-0.12, 0.3]],
  [0.185, [0.02, 0.34], 0.62],
)
const REWRITE = question('Would you rewrite this Python service in Rust?', [15, 3], null, null)

const JUDGMENT: QuestionArea = {
  key: 'judgment',
  name: 'Judgment',
  n: 108,
  r: 0.326,
  r_ci: [0.147, 0.485],
  between_variance: 0.019,
  heterogeneity: { statistic: 5.12, df: 2, p: 0.0773 },
  note: null,
  questions: [WRONG_TOOL, REMOVE, REWRITE],
}

const CONCURRENCY: QuestionArea = {
  key: 'concurrency',
  name: 'Fearless concurrency',
  n: 108,
  r: 0.27,
  r_ci: [0.086, 0.437],
  between_variance: 0,
  heterogeneity: { statistic: 0.95, df: 2, p: 0.622 },
  note: 'The questions differ no more than their sampling error (τ² = 0): every question is shrunk to the area’s figure.',
  questions: [
    question('Why is Rc not Send?', [93, 22], [0.12, [-0.08, 0.31]], [0.27, [0.27, 0.27], 0]),
    question(
      'What does async/await compile to?',
      [87, 19],
      [0.2, [-0.01, 0.4]],
      [0.27, [0.27, 0.27], 0],
    ),
  ],
}

function questions(areas: QuestionArea[]): Questions {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    outcome: 'retained_12m',
    areas,
  }
}

const open = (entry = '/questions') => renderView('/questions', <QuestionsView />, entry)

describe('areaSummary', () => {
  it('says a question goes with staying only where its own interval lies above zero', () => {
    expect(areaSummary(JUDGMENT)).toBe(
      "Ratings on “Tell us about a time Rust was the wrong tool” (r .33, 95% CI .14 to .50) went with staying twelve months. Whether the questions differ cannot be told from chance yet (Cochran's Q = 5.1, 2 df, p = .077): the shrunk figures pull each toward the area's r, .33, and the data cannot tell yet which works better. Asked of too few hires to tell: “Would you rewrite this Python service in Rust?” (15).",
    )
    expect(
      areaSummary({ ...JUDGMENT, heterogeneity: { statistic: 12.2, df: 3, p: 0.0067 } }),
    ).toMatch(
      /The questions differ by more than chance \(Cochran's Q = 12\.2, 3 df, p = \.007\): the shrunk figures keep part/,
    )
  })

  it('claims nothing when no interval excludes zero, and ranks none when τ² is 0', () => {
    expect(areaSummary(CONCURRENCY)).toBe(
      "No question's own 95% interval rules out no link with staying: the data cannot tell yet whether any one of them predicts retention. The questions differ no more than chance would make them (Cochran's Q = 0.9, 2 df, p = .622), so each is best read as the area's own r, .27: the data cannot tell yet which works better.",
    )
    expect(areaSummary({ ...JUDGMENT, questions: [REWRITE] })).toMatch(
      /^No question of Judgment was asked of enough hires/,
    )
  })

  it('draws only questions with an r, raw and shrunk, and writes every question to CSV', () => {
    const { rows, series } = questionChartData(JUDGMENT)
    expect(rows.map((row) => row.label)).toEqual([
      'Tell us about a time Rust was the wrong tool (97)',
      'Which Rust feature would you remove? (88)',
    ])
    expect(series.map((entry) => entry.key)).toEqual(['raw', 'shrunk'])
    expect(series[1]!.estimates['Which Rust feature would you remove?']).toEqual({
      value: 0.185,
      ci: [0.02, 0.34],
    })
    const lines = questionsCsv([JUDGMENT]).trimEnd().split('\r\n')
    expect(lines).toHaveLength(4)
    expect(lines[3]).toMatch(/^judgment,Would you rewrite this Python service in Rust\?,120,/)
  })
})

describe('QuestionsView', () => {
  useChartEnvironment()
  itShowsWithheldAndFailedStates({
    endpoint: ENDPOINT,
    answer: () => questions([JUDGMENT]),
    open,
    failed: 'The questions could not be loaded.',
    drawn: 'questions-table-judgment',
  })

  it('draws a panel per area: the sentence, the chart, the table and a download menu', async () => {
    const calls = mockFetch({ [ENDPOINT]: () => json(200, questions([JUDGMENT, CONCURRENCY])) })
    open('/questions?level=senior')
    expect(await screen.findByTestId('questions-summary-judgment')).toBeTruthy()
    expect(screen.getByTestId('questions-summary-concurrency').textContent).toMatch(
      /cannot tell yet which works better/,
    )
    expect(document.querySelectorAll('[data-series="raw"]')).toHaveLength(4)
    expect(document.querySelectorAll('[data-series="shrunk"]')).toHaveLength(4)
    expect(downloadMenus()).toEqual([
      ['CSV', 'SVG', 'PNG'],
      ['CSV', 'SVG', 'PNG'],
    ])
    const rows = within(screen.getByTestId('questions-table-judgment')).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual([
      'Tell us about a time Rust was the wrong tool7762.70.8597 (76 / 21).33.14 to .50.33.15 to .48',
      'Which Rust feature would you remove?7042.70.8588 (70 / 18).09-.12 to .30.18.02 to .34',
      `Would you rewrite this Python service in Rust?1202.70.8515 (12 / 3)${REWRITE.insufficient}`,
    ])
    expect(calls[0]!.query.get('level')).toBe('senior')
  })

  it('says how to get questions when no rating names one', async () => {
    mockFetch({ [ENDPOINT]: () => json(200, questions([])) })
    open()
    const none = await screen.findByTestId('questions-none')
    expect(none.textContent).toMatch(/Add a question column to scores\.csv/)
  })
})
