import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createTestDatabase, importTexts } from '../helpers/database'
import { APPLICATION_HEADER, SCORE_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'

const AREAS = ['ownership', 'concurrency', 'unsafe_ffi', 'traits_errors', 'judgment']
const INTERVIEWERS = ['grace.hopper', 'barbara.liskov']

/** Four applications, each rated in every area by two interviewers (ten ratings each). */
function files(badApplication: Record<string, string | number>) {
  const applications = ['APP-1', 'APP-2', 'APP-3', 'APP-4'].map((id, k) =>
    applicationRow({
      application_id: id,
      candidate_id: `CAND-${k + 1}`,
      ...(id === 'APP-4' ? badApplication : {}),
    }),
  )
  const ratings = applications.flatMap((application) =>
    INTERVIEWERS.flatMap((interviewer) =>
      AREAS.map((area) =>
        scoreRow({ application_id: application.application_id!, interviewer, area }),
      ),
    ),
  )
  return {
    'applications.csv': csv(APPLICATION_HEADER, applications),
    'scores.csv': csv(SCORE_HEADER, ratings),
  }
}

describe('a row that failed its own checks', () => {
  it('is reported once: its ratings are not reported again as rating an unknown application', async () => {
    // APP-4 on line 5 of applications.csv: its level is not one of the five.
    const report = await importTexts(createTestDatabase(), files({ level: 'lead' }))
    expect(report.ok).toBe(false)
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'applications.csv', line: 5, column: 'level' }),
    ])
  })

  it('is reported once whatever failed in it, a date as well as a level', async () => {
    const report = await importTexts(createTestDatabase(), files({ applied_at: '2024-13-45' }))
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'applications.csv', line: 5, column: 'applied_at' }),
    ])
  })

  it("still reports a rating's own problem, and a rating of an application that is nowhere", async () => {
    const given = files({ level: 'lead' })
    const extra = csv(SCORE_HEADER, [
      scoreRow({ application_id: 'APP-4', area: 'judgment', interviewer: 'ada', rating: 7 }),
      scoreRow({ application_id: 'APP-404', area: 'judgment', interviewer: 'ada' }),
    ])
    const report = await importTexts(createTestDatabase(), { ...given, 'more scores.csv': extra })
    expect(report.problems.map(({ file, line, column }) => ({ file, line, column }))).toEqual([
      { file: 'applications.csv', line: 5, column: 'level' },
      { file: 'more scores.csv', line: 2, column: 'rating' },
      { file: 'more scores.csv', line: 3, column: 'application_id' },
    ])
    expect(report.problems[2]!.message).toContain('APP-404 is neither in an applications file')
  })
})

const GREENHOUSE = fileURLToPath(new URL('../fixtures/greenhouse/', import.meta.url))
const greenhouseFile = (name: string) => readFileSync(`${GREENHOUSE}${name}.json`, 'utf8')

describe('a Greenhouse application that failed its own checks', () => {
  it('is reported once: its scorecard does not call it missing', async () => {
    const applications = JSON.parse(greenhouseFile('applications')) as Record<string, unknown>[]
    const broken = applications.find((application) => application.id === 69102003)!
    broken.applied_at = 'the third of March'
    const report = await importTexts(createTestDatabase(), {
      'applications.json': JSON.stringify(applications),
      'jobs.json': greenhouseFile('jobs'),
      'candidates.json': greenhouseFile('candidates'),
      'offers.json': greenhouseFile('offers'),
      'scorecards.json': greenhouseFile('scorecards'),
    })
    expect(report.problems).toEqual([
      expect.objectContaining({ file: 'applications.json', column: 'applied_at' }),
    ])
  })
})
