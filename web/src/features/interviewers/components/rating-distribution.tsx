import { useRef } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { ChartDownloads } from '../../../components/chart-downloads'
import { PALETTE } from '../../../lib/palette'
import type { InterviewerCalibration } from '../api/get-interviewers'
import { distributionChartData, distributionCsv, ratingKey } from './interviewers-data'

// Low to high, so the order of the colours follows the order of the ratings.
const RATING_COLOURS = [
  PALETTE.vermilion,
  PALETTE.orange,
  PALETTE.yellow,
  PALETTE.skyBlue,
  PALETTE.blue,
  PALETTE.bluishGreen,
  PALETTE.reddishPurple,
]
const DARK_FILLS: readonly string[] = [PALETTE.blue, PALETTE.vermilion]
/** A segment narrower than this share carries no label; its value is in the table. */
const LABELLED_SHARE = 0.07

const percent = (value: number) => `${Math.round(value * 100)}%`

/** How each interviewer spreads their ratings over the scale, as shares of their ratings. */
export function RatingDistribution({
  interviewers,
  fileName,
}: {
  interviewers: readonly InterviewerCalibration[]
  fileName: string
}) {
  const chart = useRef<HTMLElement>(null)
  const data = distributionChartData(interviewers)
  const colourOf = (index: number) => RATING_COLOURS[index % RATING_COLOURS.length]!
  return (
    <>
      <figure ref={chart} className="distribution-chart" aria-labelledby="distribution-caption">
        <div className="chart-legend" aria-hidden="true">
          {data.ratings.map((rating, index) => (
            <span key={rating} className="chart-legend__item">
              <svg width="14" height="14" viewBox="0 0 14 14">
                <rect width="14" height="14" fill={colourOf(index)} />
              </svg>
              Rating {rating}
            </span>
          ))}
        </div>
        <div style={{ width: '100%', height: 60 + data.rows.length * 24 }}>
          <ResponsiveContainer initialDimension={{ width: 520, height: 400 }}>
            <BarChart
              data={data.rows}
              layout="vertical"
              margin={{ top: 4, right: 20, bottom: 24, left: 4 }}
            >
              <CartesianGrid horizontal={false} strokeDasharray="3 3" />
              <XAxis
                type="number"
                domain={[0, 1]}
                ticks={[0, 0.25, 0.5, 0.75, 1]}
                tickFormatter={percent}
                label={{
                  value: "Share of the interviewer's ratings",
                  position: 'bottom',
                  offset: 4,
                }}
              />
              <YAxis
                type="category"
                dataKey="interviewer"
                width={150}
                interval={0}
                tick={{ fontSize: 12 }}
              />
              <Tooltip formatter={(value) => percent(Number(value))} cursor={{ fill: '#0001' }} />
              {data.ratings.map((rating, index) => (
                <Bar
                  key={rating}
                  className="distribution-series"
                  dataKey={ratingKey(rating)}
                  name={`Rating ${rating}`}
                  stackId="ratings"
                  fill={colourOf(index)}
                  stroke="#fff"
                  isAnimationActive={false}
                >
                  <LabelList
                    dataKey={ratingKey(rating)}
                    position="center"
                    fontSize={11}
                    fill={DARK_FILLS.includes(colourOf(index)) ? '#fff' : '#000'}
                    formatter={(value) => (Number(value) >= LABELLED_SHARE ? String(rating) : '')}
                  />
                </Bar>
              ))}
            </BarChart>
          </ResponsiveContainer>
        </div>
        <figcaption id="distribution-caption">
          Each bar is one interviewer's ratings split by the rating given (1 strong no to 4 strong
          yes; 2.5 is a mixed rating); each segment is labelled with its rating.
        </figcaption>
      </figure>
      <div className="interviewers-numbers">
        <details className="numbers-table">
          <summary>Table of the rating distributions</summary>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">Ratings given by each interviewer</caption>
              <thead>
                <tr>
                  <th scope="col">Interviewer</th>
                  {data.ratings.map((rating) => (
                    <th key={rating} scope="col">
                      Rating {rating}
                    </th>
                  ))}
                  <th scope="col">All</th>
                </tr>
              </thead>
              <tbody>
                {interviewers.map((interviewer) => (
                  <tr key={interviewer.interviewer}>
                    <th scope="row">{interviewer.interviewer}</th>
                    {data.ratings.map((rating) => (
                      <td key={rating}>
                        {interviewer.distribution.find((bin) => bin.rating === rating)?.count ?? 0}
                      </td>
                    ))}
                    <td>{interviewer.n_ratings}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <ChartDownloads
          fileName={`${fileName}-distribution`}
          csv={() => distributionCsv(interviewers)}
          chart={chart}
          title="Rating distribution per interviewer"
        />
      </div>
    </>
  )
}
