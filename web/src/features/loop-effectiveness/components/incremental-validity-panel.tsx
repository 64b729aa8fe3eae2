import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { IntervalPlot } from '../../../components/interval-plot'
import { formatCorrelation, formatNumber, formatP } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import type { IncrementalValidity } from '../api/get-incremental-validity'
import { MinutesWithheldNote } from './minutes-withheld-note'
import {
  formatDifference,
  incrementalChartData,
  incrementalCsv,
  incrementalSentence,
} from './panel-sizing-data'

/** What each area adds beyond the others: LR test, cross-validated AUC with and without it. */
export function IncrementalValidityPanel({ response }: { response: IncrementalValidity }) {
  const chart = useRef<HTMLElement>(null)
  const sentence = incrementalSentence(response)
  if (response.insufficient || response.full_cv_auc === null) {
    return (
      <p className="panel-state" data-testid="incremental-summary">
        {sentence}
      </p>
    )
  }
  const data = incrementalChartData(response.areas)
  return (
    <>
      <p className="incremental-summary" data-testid="incremental-summary">
        {sentence}
      </p>
      <IntervalPlot
        ref={chart}
        rows={data.rows}
        series={[
          {
            key: 'with',
            label: 'All areas',
            colour: PALETTE.blue,
            marker: 'circle',
            estimates: data.withArea,
          },
          {
            key: 'without',
            label: 'Without this area (hollow: LR p ≥ .05)',
            colour: PALETTE.vermilion,
            marker: 'diamond',
            estimates: data.withoutArea,
          },
        ]}
        include={[0.5, 1]}
        reference={{ value: 0.5, label: 'Chance' }}
        axisLabel="Cross-validated AUC (5 folds, the same for both models)"
        format={formatCorrelation}
        caption="Cross-validated AUC of the model of all areas, and of the model without each area, on the same folds."
      />
      <div className="panel-numbers">
        <div className="table-scroll">
          <table className="incremental-table">
            <caption className="visually-hidden">
              What each area adds to the prediction of twelve-month retention beyond the others
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">LR χ²(1)</th>
                <th scope="col">p</th>
                <th scope="col">CV AUC with / without</th>
                <th scope="col">Difference</th>
                <th scope="col">Minutes per loop</th>
                <th scope="col">What the test says</th>
              </tr>
            </thead>
            <tbody>
              {response.areas.map((area) => (
                <tr
                  key={area.key}
                  data-area={area.key}
                  className={area.adds === 'cannot_tell' ? 'is-insufficient' : undefined}
                >
                  <th scope="row">
                    {area.name}
                    <MinutesWithheldNote disclosure={response.disclosure} area={area.key} />
                  </th>
                  <td>{formatNumber(area.lr_chisq)}</td>
                  <td>{formatP(area.p)}</td>
                  <td>
                    {formatCorrelation(area.cv_auc_with)} / {formatCorrelation(area.cv_auc_without)}
                  </td>
                  <td>{formatDifference(area.cv_auc_difference)}</td>
                  <td>{formatNumber(area.minutes_per_loop, 0)}</td>
                  <td>{area.finding}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="power-note">
          {response.n} hires with a known outcome scored in every area ({response.n_retained}{' '}
          stayed, {response.n_left} left). A p of .05 or more means the data detect nothing added,
          not that nothing is.
        </p>
        <ChartDownloads
          fileName={`incremental-validity-${response.as_of}`}
          csv={() => incrementalCsv(response.areas)}
          chart={chart}
          title="Cross-validated AUC with and without each area"
        />
      </div>
    </>
  )
}
