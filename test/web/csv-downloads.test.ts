import { describe, expect, it } from 'vitest'
import { csvField } from '../../common/csv'
import { interviewersCsv } from '../../web/src/features/interviewers/components/interviewers-data'
import { exportCsv } from '../helpers/export'
import { createTestDatabase, importTexts } from '../helpers/database'
import { SCORE_HEADER, APPLICATION_HEADER, applicationRow, csv, scoreRow } from '../helpers/csv'

const FORMULA = '=HYPERLINK("http://evil.example","click")'

describe('CSV downloads of the dashboard', () => {
  it('write an interviewer handle that is a formula as text, as the server export does', async () => {
    const lines = interviewersCsv([
      {
        interviewer: FORMULA,
        n_ratings: 10,
        n_compared: 8,
        n_applications_compared: 4,
        leniency: -0.5,
        leniency_ci: [-0.9, -0.1],
        leniency_shrunk: -0.45,
        shrinkage_weight: 0.9,
        distribution: [],
        n_hires: 40,
        auc: 0.6,
        auc_ci: [0.45, 0.75],
        auc_variance: 0.006,
        auc_shrunk: 0.62,
        auc_shrinkage_weight: 0.4,
        n_stayed: 20,
        n_left: 12,
        auc_note: null,
        insufficient: false,
      },
    ])
      .trimEnd()
      .split('\r\n')
    const escaped = `"'=HYPERLINK(""http://evil.example"",""click"")"`
    // Negative numbers stay numbers: only text is made formula-safe.
    expect(lines[1]).toBe(
      `${escaped},10,8,-0.5,-0.9,-0.1,-0.45,0.9,40,0.6,0.45,0.75,0.62,0.4,false`,
    )

    const db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [applicationRow()]),
      'scores.csv': csv(SCORE_HEADER, [scoreRow({ interviewer: FORMULA })]),
    })
    expect(report.ok).toBe(true)
    expect((await exportCsv(db))['scores.csv']).toContain(`,${escaped},`)
  })

  it('escape every cell start a spreadsheet runs: = + - @ tab and carriage return', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/)
    }
    expect(csvField(-0.5)).toBe('-0.5')
    expect(csvField('plain')).toBe('plain')
  })
})
