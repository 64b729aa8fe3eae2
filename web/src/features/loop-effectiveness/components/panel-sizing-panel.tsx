import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { IntervalPlot } from '../../../components/interval-plot'
import { formatCorrelation, formatNumber, formatP } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import type { PanelSizing } from '../api/get-panel-sizing'
import { MinutesWithheldNote } from './minutes-withheld-note'
import {
  panelSizingChartData,
  panelSizingCsv,
  panelSizingSentence,
  ratersFor,
} from './panel-sizing-data'

const wholeOrDash = (value: number | null) => (value === null ? '–' : String(value))

/** Per area: how reliable its score is, how many interviewers it needs, and their hours. */
export function PanelSizingPanel({ panel }: { panel: PanelSizing }) {
  const chart = useRef<HTMLElement>(null)
  const data = panelSizingChartData(panel.areas)
  const notes = panel.areas.flatMap((area) => (area.note ? [area.note] : []))
  return (
    <>
      <p className="panel-sizing-summary" data-testid="panel-sizing-summary">
        {panelSizingSentence(panel)}
      </p>
      <IntervalPlot
        ref={chart}
        rows={data.rows}
        series={[
          {
            key: 'single',
            label: 'One interviewer (ICC(1))',
            colour: PALETTE.orange,
            marker: 'triangle',
            estimates: data.single,
          },
          {
            key: 'today',
            label: "Mean of today's panel",
            colour: PALETTE.blue,
            marker: 'circle',
            estimates: data.today,
          },
        ]}
        include={[0, 1]}
        reference={{ value: 0.8, label: 'Reliability .80' }}
        axisLabel="Reliability of the area score"
        format={formatCorrelation}
        mutedLabel="No reliability: too few areas rated by two or more interviewers"
        caption="Reliability of each area's score from one interviewer and from the mean of today's panel (Spearman–Brown), against .80."
      />
      {notes.length > 0 && (
        <ul className="panel-sizing-notes" data-testid="panel-sizing-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <div className="panel-numbers">
        <div className="table-scroll">
          <table className="panel-sizing-table">
            <caption className="visually-hidden">
              Reliability and panel size per area, and interviewer hours a quarter
            </caption>
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col" title="One-way ICC(1): reliability of a single interviewer">
                  ICC(1)
                </th>
                <th scope="col">Interviewers today</th>
                <th scope="col">Reliability today</th>
                <th scope="col">Needed for .70</th>
                <th scope="col">Needed for .80</th>
                <th scope="col">Minutes per loop</th>
                <th scope="col">Interviewer-hours a quarter</th>
                <th scope="col" title="Likelihood-ratio test of the area beyond the others">
                  LR p
                </th>
              </tr>
            </thead>
            <tbody>
              {panel.areas.map((area) => (
                <tr
                  key={area.key}
                  data-area={area.key}
                  className={area.icc1 === null ? 'is-insufficient' : undefined}
                >
                  <th scope="row">
                    {area.name}
                    {area.not_computable && <span className="row-note">{area.not_computable}</span>}
                    <MinutesWithheldNote disclosure={panel.disclosure} area={area.key} />
                  </th>
                  <td>{formatCorrelation(area.icc1)}</td>
                  <td>{formatNumber(area.raters_today, 1)}</td>
                  <td>{formatCorrelation(area.reliability_today)}</td>
                  <td>{wholeOrDash(ratersFor(area, 0.7))}</td>
                  <td>{wholeOrDash(ratersFor(area, 0.8))}</td>
                  <td>{formatNumber(area.minutes_per_loop, 0)}</td>
                  <td>{formatNumber(area.hours_per_quarter, 1)}</td>
                  <td>{formatP(area.lr_p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="power-note">
          Interviewers needed: k = R(1 − ρ₁) / (ρ₁(1 − R)) for a target reliability R, rounded up.
          Hours a quarter: interviewer minutes recorded on the area over the{' '}
          {panel.quarters === null ? '' : `${String(panel.quarters)} `}calendar quarters the
          applications span, divided by 60 and by the quarters.
        </p>
        <ChartDownloads
          fileName={`panel-sizing-${panel.as_of}`}
          csv={() => panelSizingCsv(panel.areas)}
          chart={chart}
          title="Reliability of each area's score, one interviewer and today's panel"
        />
      </div>
    </>
  )
}
