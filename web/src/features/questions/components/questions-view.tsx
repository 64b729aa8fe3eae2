import { useRef } from 'react'
import { AnalyticsView } from '../../../components/analytics-view'
import { ChartDownloads } from '../../../components/chart-downloads'
import { ChartPanel } from '../../../components/chart-panel'
import { IntervalPlot } from '../../../components/interval-plot'
import { NoMatch } from '../../../components/no-match'
import { hasFilters, useAnalyticsFilters } from '../../../lib/analytics-filters'
import { formatCorrelation, formatInterval, formatScore } from '../../../lib/format'
import { useQuestions, type QuestionArea, type Questions } from '../api/get-questions'
import { areaSummary, questionChartData, questionsCsv } from './questions-data'
import './questions.css'

const FILTERS = ['level', 'hire_type', 'requisition_id', 'from', 'to', 'as_of'] as const

const CAPTION =
  "Each question's correlation with staying twelve months over the hires it was asked of, with its Fisher-z 95% interval, and the same figure shrunk toward the area's own correlation (dashed line) by empirical Bayes: a question asked of few hires is pulled further. The number after each question is its hires with a known outcome."

function QuestionTable({ area }: { area: QuestionArea }) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={`Questions of ${area.name}, table`}
    >
      <table className="questions-table" data-testid={`questions-table-${area.key}`}>
        <caption className="visually-hidden">
          Questions of {area.name}, sorted by the shrunk correlation with twelve-month retention
        </caption>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col" title="Loops that asked it">
              Loops
            </th>
            <th scope="col">Mean rating</th>
            <th scope="col" title="Question score against the area score of the same loop">
              r with the area
            </th>
            <th scope="col" title="Hires asked it with a known twelve-month outcome">
              Hires (stayed / left)
            </th>
            <th scope="col">r with staying (95% CI)</th>
            <th scope="col">Shrunk r (95% CI)</th>
          </tr>
        </thead>
        <tbody>
          {area.questions.map((question) => (
            <tr
              key={question.question}
              data-question={question.question}
              className={question.r === null ? 'is-insufficient' : undefined}
            >
              <th scope="row">{question.question}</th>
              <td>{question.loops}</td>
              <td>{formatScore(question.mean_rating)}</td>
              <td>{formatCorrelation(question.r_area)}</td>
              <td>
                {question.n} ({question.stayed} / {question.left})
              </td>
              {question.r === null ? (
                <td colSpan={2} className="questions-table__reason">
                  {question.insufficient}
                </td>
              ) : (
                <>
                  <td>
                    <span className="estimate">{formatCorrelation(question.r)}</span>
                    <span className="interval">
                      {formatInterval(question.r_ci, formatCorrelation)}
                    </span>
                  </td>
                  <td>
                    <span className="estimate">
                      {formatCorrelation(question.shrunk?.r ?? null)}
                    </span>
                    <span className="interval">
                      {question.shrunk ? formatInterval(question.shrunk.ci, formatCorrelation) : ''}
                    </span>
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function AreaPanel({ area, asOf }: { area: QuestionArea; asOf: string }) {
  const chart = useRef<HTMLElement>(null)
  const { rows, series } = questionChartData(area)
  return (
    <ChartPanel id={`questions-${area.key}`} title={area.name}>
      <p className="headline" data-testid={`questions-summary-${area.key}`}>
        {areaSummary(area)}
      </p>
      {area.r !== null ? (
        <p className="power-note">
          The area as a whole: r {formatCorrelation(area.r)} (95% CI{' '}
          {formatInterval(area.r_ci, formatCorrelation)}) over {area.n} hires.
          {area.between_variance === null && area.note && ` ${area.note}`}
        </p>
      ) : (
        area.note && <p className="power-note">The area as a whole: {area.note}</p>
      )}
      {rows.length > 0 && (
        <IntervalPlot
          ref={chart}
          rows={rows}
          series={series}
          include={[0]}
          legend
          reference={
            area.r === null
              ? undefined
              : { value: area.r, label: `The area's r, ${formatCorrelation(area.r)}` }
          }
          axisLabel="Correlation with staying twelve months"
          format={formatCorrelation}
          caption={CAPTION}
          className="questions-chart"
        />
      )}
      <QuestionTable area={area} />
      <div className="chart-numbers">
        {rows.length > 0 && <p className="caution">{CAPTION}</p>}
        <ChartDownloads
          fileName={`questions-${area.key}-${asOf}`}
          csv={() => questionsCsv([area])}
          chart={rows.length > 0 ? chart : undefined}
          title={`Questions of ${area.name}`}
        />
      </div>
    </ChartPanel>
  )
}

/** Per rubric area, which of its questions go with hires who stayed, raw and shrunk. */
export function QuestionsView() {
  const [filters, setFilters] = useAnalyticsFilters(FILTERS)
  const questions = useQuestions(filters)

  const content = (data: Questions) => {
    const shown = data.areas.filter((area) => area.questions.length > 0)
    if (shown.length === 0) {
      if (hasFilters(filters)) return <NoMatch what="ratings that name a question" filtered />
      return (
        <p className="panel-state" data-testid="questions-none">
          No rating names the question it answers yet. Add a <code>question</code> column to{' '}
          <code>scores.csv</code>, or map several Greenhouse attributes or Lever fields to one area,
          and import it on the Import page.
        </p>
      )
    }
    return (
      <>
        <p className="power-note">
          A question&apos;s figure rests on the hires it was asked of, far fewer than the
          area&apos;s, so its interval is wide; the shrunk figure borrows strength from the other
          questions of the area. Questions asked of fewer than 30 hires with a known outcome, or
          fewer than 10 who stayed or 10 who left, say so and show no r.
        </p>
        {shown.map((area) => (
          <AreaPanel key={area.key} area={area} asOf={data.as_of} />
        ))}
      </>
    )
  }

  return (
    <AnalyticsView
      title="Questions"
      fields={FILTERS}
      filters={filters}
      onChange={setFilters}
      query={questions}
      what="The questions"
      loading="Computing per-question figures…"
    >
      {content}
    </AnalyticsView>
  )
}
