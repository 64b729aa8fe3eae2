import { describe, expect, it } from 'vitest'
import type {
  AreaRetention,
  BandCurve,
  Retention,
} from '../../web/src/features/retention/api/get-retention'
import {
  logRankSentence,
  overallSentence,
  twoEstimatesSentence,
} from '../../web/src/features/retention/components/retention-summary'
import {
  survivalAxes,
  survivalChartData,
} from '../../web/src/features/retention/components/survival-chart-data'
import { csvField } from '../../common/csv'
import { survivalCsv } from '../../web/src/features/retention/components/survival-csv'

function band(overrides: Partial<BandCurve> = {}): BandCurve {
  return {
    band: 'ge3',
    label: 'score ≥ 3',
    n: 4,
    events: 2,
    interval_note: null,
    steps: [
      {
        time: 100,
        n_risk: 4,
        n_event: 1,
        n_censor: 0,
        surv: 0.75,
        se_log_surv: 0.33,
        lower: 0.39,
        upper: 1,
      },
      {
        time: 400,
        n_risk: 3,
        n_event: 1,
        n_censor: 1,
        surv: 0.5,
        se_log_surv: 0.5,
        lower: 0.19,
        upper: 1,
      },
      {
        time: 900,
        n_risk: 1,
        n_event: 1,
        n_censor: 0,
        surv: 0,
        se_log_surv: null,
        lower: null,
        upper: null,
      },
    ],
    ...overrides,
  }
}

function area(overrides: Partial<AreaRetention> = {}): AreaRetention {
  return {
    key: 'judgment',
    name: 'Judgment',
    bands: [
      band(),
      band({
        band: 'lt3',
        label: 'score < 3',
        n: 2,
        events: 1,
        steps: [
          {
            time: 0,
            n_risk: 2,
            n_event: 0,
            n_censor: 0,
            surv: 1,
            se_log_surv: 0,
            lower: 1,
            upper: 1,
          },
          {
            time: 200,
            n_risk: 2,
            n_event: 1,
            n_censor: 1,
            surv: 0.5,
            se_log_surv: 0.7,
            lower: 0.13,
            upper: 1,
          },
        ],
      }),
    ],
    logrank: { chisq: 4.12, df: 1, p: 0.042, observed: [3, 1], expected: [2.2, 1.8] },
    too_few: null,
    ...overrides,
  }
}

function retention(overrides: Partial<Retention['overall']> = {}, benchmark = true): Retention {
  return {
    as_of: '2026-03-31',
    rubric: { key: 'rust', name: 'Rust engineer' },
    filters: { level: null, requisition_id: null, hire_type: null, from: null, to: null },
    disclosure: { restricted: false, floor: null, notes: [], withheld: [] },
    threshold: 3,
    areas: [area()],
    overall: {
      n: 120,
      events: 20,
      steps: [],
      interval_note: null,
      at_12_months: { day: 364, surv: 0.86, lower: 0.8, upper: 0.92, note: null },
      n_outcome: 100,
      retained: 85,
      retained_rate: 0.85,
      retained_rate_ci: [0.77, 0.91],
      ...overrides,
    },
    benchmark: benchmark
      ? {
          value: 0.92,
          low: null,
          high: null,
          unit: 'ratio',
          source: 'IT staffing firm, direct-hire placements',
          source_date: '2026',
        }
      : null,
  }
}

describe('survivalChartData', () => {
  const data = survivalChartData(area())

  it('gives two bands per area, score ≥ 3 first, whatever order the API sends them in', () => {
    const reversed = survivalChartData(area({ bands: [...area().bands].reverse() }))
    expect(data.series.map((series) => series.band)).toEqual(['ge3', 'lt3'])
    expect(reversed.series.map((series) => series.band)).toEqual(['ge3', 'lt3'])
  })

  it('starts every band at day 0 with everyone employed, without doubling a day-0 step', () => {
    for (const series of data.series) {
      expect(series.points[0]).toMatchObject({ time: 0, surv: 1, ci: [1, 1] })
    }
    expect(data.series[0].points[0]!.nRisk).toBe(4)
    expect(data.series[1].points.filter((point) => point.time === 0)).toHaveLength(1)
    expect(data.series[0].points).toHaveLength(4)
  })

  it('keeps each interval on the same point as its survival, and none once no one is left', () => {
    const high = data.series[0].points
    expect(high.map((point) => [point.time, point.surv, point.ci])).toEqual([
      [0, 1, [1, 1]],
      [100, 0.75, [0.39, 1]],
      [400, 0.5, [0.19, 1]],
      [900, 0, null],
    ])
  })

  it('spans the longest tenure on x and the lowest interval end on y, with round ticks', () => {
    expect(data.xDomain).toEqual([0, 900])
    expect(data.xTicks).toEqual([0, 365, 730])
    expect(data.yDomain).toEqual([0, 1])
    expect(data.yTicks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1])
    const short = area({
      bands: [band({ steps: [band().steps[0]!] }), { ...band(), band: 'lt3', steps: [] }],
    })
    expect(survivalAxes([short])).toEqual({
      xDomain: [0, 365],
      xTicks: [0, 90, 180, 270, 360],
      yDomain: [0.2, 1],
      yTicks: [0.2, 0.4, 0.6, 0.8, 1],
    })
    const flat = area({ bands: [band({ steps: [] }), { ...band(), band: 'lt3', steps: [] }] })
    expect(survivalAxes([flat]).yTicks).toEqual([0.9, 1])
  })

  it('shares one pair of axes across areas, so the small multiples compare', () => {
    const short = area({
      bands: [band({ steps: [band().steps[0]!] }), { ...band(), band: 'lt3', steps: [] }],
    })
    const axes = survivalAxes([short, area()])
    expect(survivalChartData(short, axes)).toMatchObject(axes)
    expect(axes.xDomain).toEqual([0, 900])
  })

  it('starts an empty band at day 0 too, and refuses curves without a band', () => {
    const empty = survivalChartData(
      area({ bands: [band(), { ...band(), band: 'lt3', n: 0, steps: [] }] }),
    )
    expect(empty.series[1].points).toEqual([
      { time: 0, nRisk: 0, nEvent: 0, nCensor: 0, surv: 1, ci: [1, 1] },
    ])
    expect(() => survivalChartData(area({ bands: [band()] }))).toThrow(/lack the lt3 band/)
  })
})

describe('survivalCsv', () => {
  it('quotes fields with commas, quotes or line breaks, and leaves others bare', () => {
    expect(csvField('Judgment')).toBe('Judgment')
    expect(csvField('Traits, errors')).toBe('"Traits, errors"')
    expect(csvField('the "best"')).toBe('"the ""best"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField(0.75)).toBe('0.75')
    expect(csvField(null)).toBe('')
  })

  it('writes a header and one row per step of both bands', () => {
    const csv = survivalCsv(survivalChartData(area({ name: 'Traits, "errors"' })))
    const lines = csv.trimEnd().split('\r\n')
    expect(lines[0]).toBe('area,band,time_days,at_risk,events,censored,survival,ci_lower,ci_upper')
    expect(lines).toHaveLength(1 + 4 + 2)
    expect(lines[1]).toBe('"Traits, ""errors""",score ≥ 3,0,4,0,0,1,1,1')
    expect(lines[2]).toBe('"Traits, ""errors""",score ≥ 3,100,4,1,0,0.75,0.39,1')
    expect(lines[4]).toBe('"Traits, ""errors""",score ≥ 3,900,1,1,0,0,,')
    expect(lines[6]).toBe('"Traits, ""errors""",score < 3,200,2,1,1,0.5,0.13,1')
    expect(csv.endsWith('\r\n')).toBe(true)
  })
})

describe('logRankSentence', () => {
  it('reports a difference with its statistic', () => {
    expect(logRankSentence(area())).toBe(
      'Tenure differs between the bands (log-rank χ² = 4.1, p = .042).',
    )
  })

  it('does not overstate a result that could be chance', () => {
    const text = logRankSentence(
      area({ logrank: { chisq: 0.8, df: 1, p: 0.37, observed: [2, 1], expected: [2.4, 0.6] } }),
    )
    expect(text).toBe(
      'No detectable difference in tenure between the bands (log-rank χ² = 0.8, p = .370).',
    )
  })

  it('writes a very small p as an inequality', () => {
    const text = logRankSentence(
      area({ logrank: { chisq: 11.9, df: 1, p: 0.0004, observed: [3, 1], expected: [1, 3] } }),
    )
    expect(text).toBe('Tenure differs between the bands (log-rank χ² = 11.9, p < .001).')
  })

  it('below the data floor gives the reason the answer gives, and no statistic', () => {
    const tooFew =
      'Too few hires to tell: 17 with a known twelve-month outcome (14 stayed, 3 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    expect(logRankSentence(area({ logrank: null, too_few: tooFew }))).toBe(tooFew)
    // Even a test sent with the reason is not printed as a finding.
    expect(logRankSentence(area({ too_few: tooFew }))).toBe(tooFew)
  })

  it('says "too few hires" when there is no test or a band is empty', () => {
    expect(logRankSentence(area({ logrank: null }))).toMatch(/^Too few hires/)
    const oneBand = area({ bands: [band(), { ...band(), band: 'lt3', n: 0, steps: [] }] })
    expect(logRankSentence(oneBand)).toMatch(/^Too few hires/)
  })
})

describe('twoEstimatesSentence', () => {
  it('names the day the Kaplan–Meier estimate is read at and why it differs from the share', () => {
    expect(twoEstimatesSentence(retention())).toBe(
      'The Kaplan–Meier estimate of still being employed on day 364 after starting is 0.860 (95% CI 0.800 to 0.920): unlike the share, which counts only the 100 hires whose first year is over (they stayed a year or left before), it also uses the 20 still in their first year, for as long as they have been seen, so the two can differ.',
    )
    expect(twoEstimatesSentence(retention({ n: 100 }))).toContain('count the same hires')
  })

  it('gives the reason the interval is missing', () => {
    const emptied = retention({
      at_12_months: { day: 364, surv: 0, lower: null, upper: null, note: 'Once every hire left.' },
    })
    expect(twoEstimatesSentence(emptied)).toBe(
      'The Kaplan–Meier estimate of still being employed on day 364 after starting is 0.000: unlike the share, which counts only the 100 hires whose first year is over (they stayed a year or left before), it also uses the 20 still in their first year, for as long as they have been seen, so the two can differ. Once every hire left.',
    )
  })
})

describe('overallSentence', () => {
  it('sets the rate against the benchmark, below it only when the interval is', () => {
    expect(overallSentence(retention())).toBe(
      '85% of 100 hires with a known outcome stayed twelve months (95% CI 77% to 91%), below the 92% benchmark (IT staffing firm, direct-hire placements, 2026).',
    )
    expect(overallSentence(retention({ retained_rate_ci: [0.8, 0.93] }))).toContain(
      'consistent with the 92% benchmark',
    )
    expect(
      overallSentence(retention({ retained_rate: 0.97, retained_rate_ci: [0.93, 0.99] })),
    ).toContain('above the 92% benchmark')
  })

  it('leaves the comparison out without a benchmark, and says when no outcome is known', () => {
    expect(overallSentence(retention({}, false))).toBe(
      '85% of 100 hires with a known outcome stayed twelve months (95% CI 77% to 91%).',
    )
    expect(
      overallSentence(
        retention({ n_outcome: 0, retained: 0, retained_rate: null, retained_rate_ci: null }),
      ),
    ).toMatch(/twelve-month retention is not known yet/)
  })
})
