import { toCsv } from '../../../../../common/csv'
import { formatCorrelation, formatInterval, formatP } from '../../../lib/format'
import type { IntervalRow, IntervalSeries } from '../../../lib/interval-plot-layout'
import { PALETTE } from '../../../lib/palette'
import type { Question, QuestionArea } from '../api/get-questions'

/** A question as a row label: its text and the hires it rests on. */
export const questionLabel = (question: Question) => `${question.question} (${question.n})`

/** The questions of an area with a correlation with retention, drawn raw and shrunk. */
export function questionChartData(area: QuestionArea): {
  rows: IntervalRow[]
  series: IntervalSeries[]
} {
  const drawn = area.questions.filter((question) => question.r !== null)
  const rows = drawn.map((question) => ({ key: question.question, label: questionLabel(question) }))
  const estimates = (pick: (question: Question) => IntervalSeries['estimates'][string] | null) =>
    Object.fromEntries(
      drawn.flatMap((question) => {
        const estimate = pick(question)
        return estimate ? [[question.question, estimate]] : []
      }),
    )
  return {
    rows,
    series: [
      {
        key: 'raw',
        label: 'Its own hires (Fisher-z 95% CI)',
        colour: PALETTE.black,
        marker: 'circle',
        estimates: estimates((question) => ({ value: question.r, ci: question.r_ci })),
      },
      {
        key: 'shrunk',
        label: "Shrunk toward the area's r (empirical Bayes 95% interval)",
        colour: PALETTE.blue,
        marker: 'diamond',
        estimates: estimates((question) =>
          question.shrunk ? { value: question.shrunk.r, ci: question.shrunk.ci } : null,
        ),
      },
    ],
  }
}

const quoted = (question: Question) => `“${question.question}”`

/**
 * What the area's questions say, in words: a question is said to go with staying only where
 * its own 95% interval lies above zero, and questions are not ranked against each other unless
 * they differ by more than sampling error.
 */
export function areaSummary(area: QuestionArea): string {
  const withR = area.questions.filter((question) => question.r !== null)
  const rare = area.questions.filter((question) => question.r === null)
  const rareNote =
    rare.length > 0
      ? ` Asked of too few hires to tell: ${rare.map((question) => `${quoted(question)} (${question.n})`).join(', ')}.`
      : ''
  if (withR.length === 0) {
    return `No question of ${area.name} was asked of enough hires with a known outcome to tell whether its ratings go with staying.${rareNote}`
  }
  const linked = withR.filter((question) => question.r_ci !== null && question.r_ci[0] > 0)
  const linkedNote =
    linked.length > 0
      ? `Ratings on ${linked.map((question) => `${quoted(question)} (r ${formatCorrelation(question.r)}, 95% CI ${formatInterval(question.r_ci, formatCorrelation)})`).join(' and ')} went with staying twelve months.`
      : `No question's own 95% interval rules out no link with staying: the data cannot tell yet whether any one of them predicts retention.`
  const test = area.heterogeneity
  const tested = test
    ? `Cochran's Q = ${test.statistic.toFixed(1)}, ${test.df} df, p ${test.p < 0.001 ? formatP(test.p) : `= ${formatP(test.p)}`}`
    : ''
  const spread =
    test === null
      ? ''
      : test.p < 0.05
        ? ` The questions differ by more than chance (${tested}): the shrunk figures keep part of each question's difference from the area's r, ${formatCorrelation(area.r)}.`
        : area.between_variance === 0
          ? ` The questions differ no more than chance would make them (${tested}), so each is best read as the area's own r, ${formatCorrelation(area.r)}: the data cannot tell yet which works better.`
          : ` Whether the questions differ cannot be told from chance yet (${tested}): the shrunk figures pull each toward the area's r, ${formatCorrelation(area.r)}, and the data cannot tell yet which works better.`
  return `${linkedNote}${spread}${rareNote}`
}

export function questionsCsv(areas: readonly QuestionArea[]): string {
  return toCsv(
    [
      'area',
      'question',
      'loops',
      'ratings',
      'mean_rating',
      'r_area',
      'r_area_low',
      'r_area_high',
      'hires',
      'stayed',
      'left',
      'r',
      'r_low',
      'r_high',
      'shrunk_r',
      'shrunk_low',
      'shrunk_high',
      'shrinkage_weight',
      'area_r',
      'insufficient',
    ],
    areas.flatMap((area) =>
      area.questions.map((question) => [
        area.key,
        question.question,
        question.loops,
        question.ratings,
        question.mean_rating,
        question.r_area,
        question.r_area_ci?.[0],
        question.r_area_ci?.[1],
        question.n,
        question.stayed,
        question.left,
        question.r,
        question.r_ci?.[0],
        question.r_ci?.[1],
        question.shrunk?.r,
        question.shrunk?.ci[0],
        question.shrunk?.ci[1],
        question.shrunk?.weight,
        area.r,
        question.insufficient,
      ]),
    ),
  )
}
