import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatNumber, formatP } from '../../../lib/format'
import type { ModelResponse } from '../api/get-model'
import { modelCsv } from './model-csv'
import { modelExplanation, oddsRatioChartData, type AreaNames } from './model-data'
import { OddsRatioChart } from './odds-ratio-chart'

/** The model of all areas together: what it says in words, its fit, and its odds ratios. */
export function ModelPanel({ response, names }: { response: ModelResponse; names: AreaNames }) {
  const chart = useRef<HTMLElement>(null)
  const { model } = response
  const explanation = modelExplanation(model, names)
  const data = oddsRatioChartData(model, names)
  if (model.n === 0) {
    return (
      <p className="panel-state">
        No hire in this selection has a known twelve-month outcome and a score in every area, so
        there is no model to fit yet.
      </p>
    )
  }
  return (
    <>
      <p
        className={data ? 'model-summary' : 'model-summary model-summary--unfitted'}
        data-testid="model-summary"
        role={data ? undefined : 'status'}
      >
        {explanation.headline}
      </p>
      {explanation.caution && <p className="caution">{explanation.caution}</p>}
      {explanation.leftOut && (
        <p className="caution" data-testid="model-left-out">
          {explanation.leftOut}
        </p>
      )}
      <dl className="model-facts">
        <div>
          <dt>Hires in the model</dt>
          <dd>
            {model.n} ({model.n_retained} stayed, {model.n_left} left)
          </dd>
        </div>
        {data && (
          <>
            <div>
              <dt>AUC, in sample</dt>
              <dd>{formatNumber(model.auc)}</dd>
            </div>
            <div>
              <dt>AUC, cross-validated</dt>
              <dd data-testid="model-cv-auc">{formatNumber(model.cv_auc)}</dd>
            </div>
            <div>
              <dt>AUC of each held-out fold</dt>
              <dd>{model.cv_fold_auc.map((fold) => formatNumber(fold)).join(' · ')}</dd>
            </div>
          </>
        )}
      </dl>
      {data && (
        <>
          <OddsRatioChart data={data} ref={chart} />
          <div className="panel-numbers">
            <details className="numbers-table">
              <summary>Table of the odds ratios</summary>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">
                    Odds ratio of staying per rating point, each area with the others held fixed
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Area</th>
                      <th scope="col">Odds ratio</th>
                      <th scope="col">95% CI</th>
                      <th scope="col">p</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.points.map((point) => (
                      <tr key={point.key}>
                        <th scope="row">{point.name}</th>
                        <td>{formatNumber(point.oddsRatio)}</td>
                        <td>
                          {formatNumber(point.ci[0])} to {formatNumber(point.ci[1])}
                        </td>
                        <td>{formatP(point.p)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            <ChartDownloads
              fileName={`model-${response.as_of}`}
              csv={() => modelCsv(model, names)}
              chart={chart}
              title="Odds ratio of staying per rating point, all areas together"
            />
          </div>
        </>
      )}
    </>
  )
}
