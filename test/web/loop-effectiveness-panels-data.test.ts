import { describe, expect, it } from 'vitest'
import {
  checkWeights,
  compositeAreas,
  compositeRows,
  compositeSentence,
  parseWeightsParam,
  startingWeights,
  weightRows,
  weightsParam,
} from '../../web/src/features/loop-effectiveness/components/composite-data'
import { loopTimeCsv } from '../../web/src/features/loop-effectiveness/components/loop-time-csv'
import {
  loopTimeChartData,
  loopTimeSentence,
} from '../../web/src/features/loop-effectiveness/components/loop-time-data'
import { loopTimeLayout } from '../../web/src/features/loop-effectiveness/components/loop-time-layout'
import { logAxis } from '../../web/src/lib/log-axis'
import { modelCsv } from '../../web/src/features/loop-effectiveness/components/model-csv'
import {
  modelExplanation,
  oddsRatioChartData,
} from '../../web/src/features/loop-effectiveness/components/model-data'
import { validityCsv } from '../../web/src/features/loop-effectiveness/components/validity-csv'
import {
  AREA_NAMES,
  composite,
  fittedModel,
  loopTime,
  loopTimeWithheld,
  TOTAL_WITHHELD,
  unfittedModel,
} from './loop-effectiveness-fixture'
import { areaRow } from './validity-fixture'

describe('validityCsv', () => {
  it('writes every area with the observed and both corrected correlations and their intervals', () => {
    const lines = validityCsv([
      areaRow(),
      areaRow({ key: 'ownership', name: 'Ownership, lifetimes', r: null, r_ci: null }),
    ])
      .trimEnd()
      .split('\r\n')
    expect(lines[0]).toBe(
      'area_key,area,hires,pool,r,r_ci_lower,r_ci_upper,r_corrected,r_corrected_ci_lower,r_corrected_ci_upper,r_xxi,r_xxa,r_corrected_indirect,r_corrected_indirect_ci_lower,r_corrected_indirect_ci_upper,p,q,odds_ratio,odds_ratio_ci_lower,odds_ratio_ci_upper,auc,auc_ci_lower,auc_ci_upper,insufficient',
    )
    expect(lines[1]).toBe(
      'judgment,Judgment,96,900,0.31,0.12,0.48,0.35,0.14,0.53,0.72,0.78,0.38,0.16,0.56,0.002,0.01,2.9,1.4,6.1,0.7,0.6,0.8,false',
    )
    expect(lines[2]).toMatch(/^ownership,"Ownership, lifetimes",96,900,,,,0.35/)
  })
})

describe('logAxis', () => {
  it('takes in the intervals and 1 on round log positions', () => {
    expect(logAxis(0.43, 10.8)).toEqual({ domain: [0.2, 20], ticks: [0.2, 0.5, 1, 2, 5, 10, 20] })
    expect(logAxis(1.2, 3)).toEqual({ domain: [1, 5], ticks: [1, 2, 5] })
  })

  it('keeps only powers of ten over many decades', () => {
    expect(logAxis(0.002, 400).ticks).toEqual([0.001, 0.01, 0.1, 1, 10, 100, 1000])
  })
})

describe('oddsRatioChartData', () => {
  it('plots one point per area, the intercept left out, on a log axis taking in every interval', () => {
    const data = oddsRatioChartData(fittedModel(), AREA_NAMES)!
    expect(data.points.map((point) => point.key)).toEqual(['ownership', 'concurrency', 'judgment'])
    expect(data.points.map((point) => point.name)).toEqual([
      'Ownership & lifetimes',
      'Fearless concurrency',
      'Judgment',
    ])
    const judgment = data.points[2]!
    expect(judgment.significant).toBe(true)
    expect(judgment.ci).toEqual([1.86, 10.8])
    expect(data.points[0]!.significant).toBe(false)
    expect(data.axis.domain[0]).toBeLessThanOrEqual(0.43)
    expect(data.axis.domain[1]).toBeGreaterThanOrEqual(10.8)
    expect(data.axis.ticks).toContain(1)
  })

  it('falls back to the key when a name is not known', () => {
    expect(oddsRatioChartData(fittedModel(), {})!.points[0]!.name).toBe('ownership')
  })

  it('has nothing to plot for a model with trouble', () => {
    expect(oddsRatioChartData(unfittedModel('separation', 'Separated.'), AREA_NAMES)).toBeNull()
    expect(oddsRatioChartData(fittedModel({ converged: false }), AREA_NAMES)).toBeNull()
  })
})

describe('modelExplanation', () => {
  it('names the areas that clearly go with staying, and both AUCs', () => {
    const { headline, caution } = modelExplanation(fittedModel(), AREA_NAMES)
    expect(headline).toBe(
      'Holding the other areas fixed, higher scores in Judgment (odds ratio 4.48 per point, p = .001) go with staying. Together the areas reach an AUC of 0.78 on the hires the model was fitted to and 0.71 on held-out hires (5-fold cross-validation; 0.50 is chance).',
    )
    expect(caution).toBeNull()
  })

  it('says so when no area stands out once the others are held fixed', () => {
    const { headline } = modelExplanation(
      fittedModel({ p_values: [0.05, 0.87, 0.39, 0.2] }),
      AREA_NAMES,
    )
    expect(headline).toMatch(
      /^Holding the other areas fixed, no area’s odds ratio is distinguishable from 1/,
    )
  })

  it('names an area whose higher scores go with leaving as such', () => {
    const { headline } = modelExplanation(
      fittedModel({
        p_values: [0.05, 0.01, 0.39, 0.2],
        odds_ratios: [0.14, 0.4, 1.35, 4.48],
      }),
      AREA_NAMES,
    )
    expect(headline).toContain(
      'higher scores in Ownership & lifetimes (odds ratio 0.40 per point, p = .010) go with leaving',
    )
  })

  it('names an area left out of the model and why, in the rubric’s words', () => {
    const { leftOut } = modelExplanation(
      fittedModel({
        dropped: [
          {
            term: 'judgment',
            reason: 'its scores are a linear combination of ownership, concurrency',
          },
        ],
      }),
      AREA_NAMES,
    )
    expect(leftOut).toBe(
      'Left out of the model, the other areas fitted without it: Judgment (its scores are a linear combination of Ownership & lifetimes, Fearless concurrency).',
    )
    expect(modelExplanation(fittedModel(), AREA_NAMES).leftOut).toBeNull()
  })

  it('warns when the rarer outcome is too rare for the number of areas', () => {
    const { caution } = modelExplanation(
      fittedModel({ n: 40, n_retained: 32, n_left: 8 }),
      AREA_NAMES,
    )
    expect(caution).toBe(
      'With 40 hires, 8 of whom left, there are fewer than 10 of the rarer outcome per area: the odds ratios are imprecise and may be inflated.',
    )
  })

  it.each([
    [
      'separation',
      'Some hires are predicted perfectly (separation): the odds ratios are not finite.',
      /separation/,
    ],
    ['not_converged', 'The fit did not converge in 25 iterations.', /did not converge/],
    [
      'singular',
      'The predictors are collinear or constant among these hires.',
      /cannot be told apart/,
    ],
    [
      'insufficient',
      'The model needs at least 7 hires with a known outcome scored in every area; there are 4.',
      /needs at least 7 hires/,
    ],
  ] as const)('explains a %s model in words and shows no odds ratio', (status, message, words) => {
    const { headline, caution } = modelExplanation(unfittedModel(status, message), AREA_NAMES)
    expect(headline).toMatch(words)
    expect(headline).toMatch(/No odds ratios are shown\.$/)
    expect(headline).not.toMatch(/odds ratio \d/)
    expect(caution).toBeNull()
  })
})

describe('modelCsv', () => {
  it('writes every term, the intercept first', () => {
    const lines = modelCsv(fittedModel(), AREA_NAMES).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'term,area,coefficient,se,z,p,odds_ratio,odds_ratio_ci_lower,odds_ratio_ci_upper',
    )
    expect(lines[1]).toBe('(Intercept),,-2,1,-2,0.05,0.14,0.02,1')
    expect(lines[4]).toBe('judgment,Judgment,1.5,0.45,3.3,0.001,4.48,1.86,10.8')
  })
})

describe('weights in the URL', () => {
  it('writes weights as the API reads them and reads them back', () => {
    const text = weightsParam({ ownership: 0.2, concurrency: 0, judgment: 0.8 })
    expect(text).toBe('ownership:0.2,concurrency:0,judgment:0.8')
    expect(parseWeightsParam(text)).toEqual({ ownership: 0.2, concurrency: 0, judgment: 0.8 })
  })

  it('never writes a weight in exponent notation, which the API refuses', () => {
    expect(weightsParam({ ownership: 1e-7, judgment: 1 })).toBe('ownership:0,judgment:1')
  })

  it('ignores a link whose weights are not weights', () => {
    expect(parseWeightsParam(null)).toBeNull()
    expect(parseWeightsParam('ownership:-1,judgment:1')).toBeNull()
    expect(parseWeightsParam('ownership=1')).toBeNull()
    expect(parseWeightsParam('ownership:0,judgment:0')).toBeNull()
  })
})

describe('checkWeights', () => {
  const areas = compositeAreas(composite(), AREA_NAMES)
  const inputs = (ownership: string, concurrency: string, judgment: string) => ({
    ownership,
    concurrency,
    judgment,
  })

  it('accepts numbers of 0 or more and gives their sum', () => {
    expect(checkWeights(inputs('1', '0', '.5'), areas)).toEqual({
      weights: { ownership: 1, concurrency: 0, judgment: 0.5 },
      fieldErrors: {},
      formError: null,
      sum: 1.5,
    })
  })

  it('names the field that is negative, empty or not a number', () => {
    const check = checkWeights(inputs('-0.2', '', 'lots'), areas)
    expect(check.weights).toBeNull()
    expect(check.fieldErrors).toEqual({
      ownership: 'Ownership & lifetimes: a weight cannot be negative.',
      concurrency: 'Fearless concurrency: enter a weight (0 or more).',
      judgment: 'Judgment: "lots" is not a number.',
    })
  })

  it('refuses weights that are all zero', () => {
    const check = checkWeights(inputs('0', '0', '0'), areas)
    expect(check.weights).toBeNull()
    expect(check.formError).toBe('Give at least one area a weight above 0: all are 0 now.')
  })
})

describe('composite shaping', () => {
  const data = composite()
  const areas = compositeAreas(data, AREA_NAMES)

  it('lists the areas in the rubric order with their names', () => {
    expect(areas.map((area) => area.name)).toEqual([
      'Ownership & lifetimes',
      'Fearless concurrency',
      'Judgment',
    ])
  })

  it('starts the editor from the level’s weights, or equal ones across levels', () => {
    expect(startingWeights(data, areas, 'senior')).toEqual({
      ownership: 0.2,
      concurrency: 0.3,
      judgment: 0.5,
    })
    expect(startingWeights(data, areas, undefined)).toEqual({
      ownership: 0.33,
      concurrency: 0.33,
      judgment: 0.33,
    })
  })

  it('gives each area its current weight per level, suggested and proposed', () => {
    const rows = weightRows(
      composite({
        proposed: {
          weights: { ownership: 0.5, concurrency: 0, judgment: 0.5 },
          validity: data.current.validity,
        },
      }),
      areas,
      ['junior', 'staff'],
    )
    expect(rows[2]).toEqual({
      key: 'judgment',
      name: 'Judgment',
      current: [0.2, 0.7],
      suggested: 0.83,
      proposed: 0.5,
    })
  })

  it('puts current, suggested and proposed side by side, saying why one is missing', () => {
    const rows = compositeRows(data, undefined)
    expect(rows.map((row) => row.kind)).toEqual(['current', 'suggested', 'proposed'])
    expect(rows[0]!.note).toBe('Each hire scored with the weights of their own level.')
    expect(rows[2]!.validity).toBeNull()
    expect(rows[2]!.note).toBe('Change a weight above to score a proposal.')
    expect(compositeRows(data, 'senior')[0]!.label).toBe('Current senior weights')
  })

  it('does not call overlapping composites different', () => {
    expect(compositeSentence(data, undefined)).toBe(
      'The current weights reach an AUC of 0.64 (cross-validated 0.64) over 108 hires. The suggested weights reach 0.76 (cross-validated 0.70); their 95% intervals overlap, so these data cannot tell the two apart.',
    )
  })

  it('says when there are too few hires to compare weightings, in the words of the rule', () => {
    const tooFew =
      'Too few hires to tell: 12 with a known twelve-month outcome (10 stayed, 2 left), where a finding needs at least 30, with at least 10 who stayed and 10 who left.'
    expect(
      compositeSentence(
        composite({ n: 12, too_few: tooFew, current: { ...composite().current, validity: null } }),
        'staff',
      ),
    ).toBe(`No weighting is validated here. ${tooFew}`)
  })

  it('passes on why the model suggests no weights', () => {
    const text = compositeSentence(
      composite({
        suggested: {
          weights: null,
          message: 'The fit did not converge in 25 iterations.',
          validity: null,
        },
      }),
      undefined,
    )
    expect(text).toMatch(/suggests no other weights: The fit did not converge/)
  })
})

describe('loopTimeChartData', () => {
  it('pairs each area’s share of minutes with its corrected r', () => {
    const data = loopTimeChartData(loopTime().areas)
    expect(data.bars.map((bar) => [bar.key, bar.share, bar.validity])).toEqual([
      ['ownership', 0.5, 0.04],
      ['concurrency', 0.25, -0.12],
      ['judgment', 0.25, 0.36],
    ])
    expect(data.shareDomain[0]).toBe(0)
    expect(data.shareDomain[1]).toBeGreaterThanOrEqual(0.6)
    expect(data.validityTicks).toContain(0)
  })

  it('draws each validity with its interval, on an axis wide enough for every interval', () => {
    const data = loopTimeChartData(loopTime().areas)
    expect(data.bars.map((bar) => bar.validityCi)).toEqual([
      [-0.16, 0.24],
      [-0.32, 0.09],
      [0.17, 0.52],
    ])
    expect(data.validityDomain[0]).toBeLessThanOrEqual(-0.32)
    expect(data.validityDomain[1]).toBeGreaterThanOrEqual(0.52)
  })

  it('falls back to the observed r and its interval where the correction is not known', () => {
    const [ownership] = loopTime().areas
    const [bar] = loopTimeChartData([
      { ...ownership!, r: 0.03, r_ci: [-0.2, 0.25], r_corrected: null, r_corrected_ci: null },
    ]).bars
    expect(bar).toMatchObject({ validity: 0.03, validityCi: [-0.2, 0.25], corrected: false })
  })

  it('gives the typical 40–60% share to the ownership row only', () => {
    const data = loopTimeChartData(loopTime().areas)
    expect(data.bars.map((bar) => [bar.key, bar.typicalShare])).toEqual([
      ['ownership', [0.4, 0.6]],
      ['concurrency', null],
      ['judgment', null],
    ])
  })

  it('marks areas without minutes or without an estimate instead of inventing them', () => {
    const base = loopTime().areas
    const data = loopTimeChartData([
      { ...base[0]!, minutes: 0, share: null },
      { ...base[1]!, r: null, r_corrected: null },
    ])
    expect(data.bars[0]).toMatchObject({ share: 0, hasMinutes: false, shareWithheld: false })
    expect(data.bars[1]).toMatchObject({ validity: 0, validityKnown: false })
  })

  it('marks a withheld share as withheld, and an area without minutes still as without', () => {
    const [ownership, concurrency, judgment] = loopTimeWithheld().areas
    const data = loopTimeChartData([ownership!, { ...concurrency!, minutes: 0 }, judgment!])
    expect(data.bars.map((bar) => [bar.key, bar.share, bar.hasMinutes, bar.shareWithheld])).toEqual(
      [
        ['ownership', 0, false, true],
        ['concurrency', 0, false, false],
        ['judgment', 0, false, true],
      ],
    )
  })
})

describe('loopTimeLayout', () => {
  const data = loopTimeChartData(loopTime().areas)

  it.each([720, 360])('puts two panels side by side within %i px, on the same rows', (width) => {
    const layout = loopTimeLayout(data, width)
    expect(layout.width).toBe(width)
    expect(layout.share.left).toBeGreaterThanOrEqual(layout.labelWidth)
    expect(layout.share.right).toBeLessThan(layout.validity.left)
    expect(layout.validity.right).toBeLessThanOrEqual(width)
    expect(layout.share.right - layout.share.left).toBeCloseTo(
      layout.validity.right - layout.validity.left,
      9,
    )
    expect(layout.fontSize).toBeGreaterThanOrEqual(11)
    const middles = layout.rows.map((row) => row.middle)
    expect(middles).toEqual([...middles].sort((a, b) => a - b))
    expect(layout.plotBottom).toBeGreaterThan(middles.at(-1)!)
  })

  it('draws the typical band on the ownership row only, from 40% to 60% of the share axis', () => {
    const layout = loopTimeLayout(data, 720)
    expect(layout.rows.map((row) => row.band !== null)).toEqual([true, false, false])
    const band = layout.rows[0]!.band!
    expect(band.x).toBeCloseTo(layout.share.toX(0.4), 9)
    expect(band.x + band.width).toBeCloseTo(layout.share.toX(0.6), 9)
  })

  it('moves the area names above their rows when narrow, and keeps them beside when wide', () => {
    const wide = loopTimeLayout(data, 720)
    expect(wide.narrow).toBe(false)
    expect(wide.rows[0]!.label).toMatchObject({ anchor: 'end', x: wide.labelWidth })
    const narrow = loopTimeLayout(data, 360)
    expect(narrow.narrow).toBe(true)
    expect(narrow.labelWidth).toBe(0)
    for (const row of narrow.rows) {
      expect(row.label.anchor).toBe('start')
      expect(row.label.y).toBeLessThan(row.middle - narrow.barHeight / 2)
    }
    // A long name wraps within the width, and its row makes room for every line.
    const long = loopTimeLayout(
      loopTimeChartData([
        { ...loopTime().areas[0]!, name: 'Judgment (knowing when Rust is the wrong tool)' },
      ]),
      340,
    )
    const [row] = long.rows
    expect(row!.label.lines.length).toBeGreaterThan(1)
    for (const line of row!.label.lines) expect(line.length * 12 * 0.6).toBeLessThanOrEqual(340)
    expect(row!.middle - long.barHeight / 2).toBeGreaterThan(
      row!.label.y + (row!.label.lines.length - 1) * 15,
    )
    // Narrow panels keep only the tick labels they have room for.
    for (const panel of [narrow.share, narrow.validity]) {
      const gaps = panel.ticks.slice(1).map((tick, index) => tick.x - panel.ticks[index]!.x)
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(40)
    }
  })
})

describe('loopTimeSentence', () => {
  it('sets the ownership share against the typical range, and names the best area', () => {
    expect(loopTimeSentence(loopTime())).toBe(
      "Ownership & lifetimes takes 50% of interview minutes (typical loops spend 40%–60% there); its correlation with staying, corrected for range restriction, is .04. The highest corrected correlation is Judgment's (.36), which takes 25% of the minutes; the validity table says whether it is more than chance.",
    )
  })

  it('does not read a correlation from too few hires', () => {
    const data = loopTime()
    const text = loopTimeSentence({
      ...data,
      areas: data.areas.map((area) => ({ ...area, insufficient: true })),
    })
    expect(text).toBe(
      'Ownership & lifetimes takes 50% of interview minutes (typical loops spend 40%–60% there); it has too few hires with a known outcome to judge its validity.',
    )
  })

  it('gives the reason where the shares are withheld', () => {
    expect(loopTimeSentence(loopTimeWithheld())).toBe(TOTAL_WITHHELD)
  })

  it('says when no minutes are recorded', () => {
    expect(loopTimeSentence(loopTime({ total_minutes: 0 }))).toMatch(
      /^No interview minutes are recorded/,
    )
  })

  it('writes the numbers as CSV', () => {
    const lines = loopTimeCsv(loopTime().areas).trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'area_key,area,minutes,share,loops,mean_minutes_per_loop,r,r_ci_lower,r_ci_upper,r_corrected,r_corrected_ci_lower,r_corrected_ci_upper,auc,insufficient',
    )
    expect(lines[1]).toBe(
      'ownership,Ownership & lifetimes,2000,0.5,20,50,0.03,-0.1,0.3,0.04,-0.16,0.24,0.55,false',
    )
  })
})
