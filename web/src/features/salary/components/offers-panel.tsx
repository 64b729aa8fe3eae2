import { useRef } from 'react'
import { BoxPlotChart } from '../../../components/box-plot-chart'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatLevel, formatMoney } from '../../../lib/format'
import type { LevelSalary, Salary } from '../api/get-salary'
import {
  bandSource,
  levelsWithoutBand,
  missingBandLead,
  offersBoxPlot,
  offersCsv,
  thousands,
} from './salary-data'

const range = (low: number | null, high: number | null) =>
  low === null || high === null ? '–' : `${formatMoney(low)} to ${formatMoney(high)}`

function OffersTable({ levels }: { levels: readonly LevelSalary[] }) {
  return (
    <details className="numbers-table">
      <summary>Table of offers against bands</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">
            Offers by level against the benchmark band of the level
          </caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              <th scope="col">Offers</th>
              <th scope="col">Median</th>
              <th scope="col">Middle half</th>
              <th scope="col">Band</th>
              <th scope="col">Band source</th>
              <th scope="col">Below</th>
              <th scope="col">Within</th>
              <th scope="col">Above</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((level) => (
              <tr key={level.level}>
                <th scope="row">{formatLevel(level.level)}</th>
                <td>{level.offers.n}</td>
                <td>{level.offers.median === null ? '–' : formatMoney(level.offers.median)}</td>
                <td>{range(level.offers.q1, level.offers.q3)}</td>
                <td>{range(level.band?.low ?? null, level.band?.high ?? null)}</td>
                <td className="salary__source">
                  {level.band ? bandSource(level.band) : 'No band for this level'}
                </td>
                <td>{level.band ? level.below_band : '–'}</td>
                <td>{level.band ? level.within_band : '–'}</td>
                <td>{level.band ? level.above_band : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

/** Offers of each level as boxes over the level's benchmark band. */
export function OffersPanel({ data }: { data: Salary }) {
  const chart = useRef<HTMLElement>(null)
  if (data.by_level.length === 0) {
    return <p className="panel-state">No offer with a salary in this selection.</p>
  }
  const missing = missingBandLead(levelsWithoutBand(data))
  return (
    <>
      <BoxPlotChart
        ref={chart}
        className="offers-chart"
        data={offersBoxPlot(data)}
        axisLabel="Offer salary (USD)"
        format={thousands}
        caption={`Offer salaries by level: each box spans the middle half of the offers, ${data.by_level.some((level) => level.offers.min === null) ? "without the lowest and highest (each one person's salary)" : 'the whiskers the lowest and highest'}, the marker the median; n is the number of offers. The grey band behind them is the benchmark range of their own level, named with its source and date.${missing === null ? '' : ` ${missing}: nothing is drawn behind its offers.`}`}
      />
      <div className="chart-numbers">
        <OffersTable levels={data.by_level} />
        <ChartDownloads
          fileName={`salary-offers-${data.as_of}`}
          csv={() => offersCsv(data.by_level)}
          chart={chart}
          title="Offers against benchmark bands by level"
        />
      </div>
    </>
  )
}
