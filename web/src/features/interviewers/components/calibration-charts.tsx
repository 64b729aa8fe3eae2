import { useRef } from 'react'
import { ChartDownloads } from '../../../components/chart-downloads'
import { formatCorrelation } from '../../../lib/format'
import { PALETTE } from '../../../lib/palette'
import type { InterviewerCalibration } from '../api/get-interviewers'
import { IntervalChart, type KindStyle } from './interval-chart'
import {
  aucChartData,
  formatLeniency,
  interviewersCsv,
  leniencyChartData,
  type DrawnAucKind,
  type LeniencyKind,
} from './interviewers-data'

const LENIENCY_STYLES: Record<LeniencyKind, KindStyle> = {
  higher: { colour: PALETTE.vermilion, shape: 'diamond', label: 'Rates higher than colleagues' },
  lower: { colour: PALETTE.blue, shape: 'square', label: 'Rates lower than colleagues' },
  in_line: { colour: PALETTE.black, shape: 'circle', label: 'Interval includes zero' },
  too_few: { colour: PALETTE.grey, shape: 'ring', label: 'Too few shared ratings for an interval' },
}

const AUC_STYLES: Record<DrawnAucKind, KindStyle> = {
  better: { colour: PALETTE.bluishGreen, shape: 'diamond', label: 'Better than chance' },
  no_better: { colour: PALETTE.black, shape: 'circle', label: 'Interval includes ½ (chance)' },
}

interface PanelProps {
  interviewers: readonly InterviewerCalibration[]
  fileName: string
}

export function LeniencyPanel({ interviewers, fileName }: PanelProps) {
  const chart = useRef<HTMLElement>(null)
  return (
    <>
      <IntervalChart
        ref={chart}
        name="leniency"
        data={leniencyChartData(interviewers)}
        styles={LENIENCY_STYLES}
        reference={{ value: 0, label: 'Rates like colleagues' }}
        axisLabel="Rating points above colleagues on the same candidate"
        format={formatLeniency}
        shrunkLabel="Shrunk toward 0 (empirical Bayes)"
        missingNote="Not shown, no estimate"
        caption="Each interviewer's mean difference from the other interviewers who rated the same application in the same area, with its 95% t interval; the triangle is the same leniency shrunk toward 0 by empirical Bayes, and rows are ranked by it. Zero is rating like colleagues. The numbers are in the interviewer table."
      />
      <ChartDownloads
        fileName={`${fileName}-leniency`}
        csv={() => interviewersCsv(interviewers)}
        chart={chart}
        title="Interviewer leniency"
      />
    </>
  )
}

export function AucPanel({ interviewers, fileName }: PanelProps) {
  const chart = useRef<HTMLElement>(null)
  const data = aucChartData(interviewers)
  if (data.points.length === 0) {
    return (
      <p className="panel-state">
        Too few hires to tell: no interviewer has rated enough hires with a known twelve-month
        outcome for an AUC, where a finding needs at least 30, with at least 10 who stayed and 10
        who left.
      </p>
    )
  }
  return (
    <>
      <IntervalChart
        ref={chart}
        name="auc"
        data={data}
        styles={AUC_STYLES}
        reference={{ value: 0.5, label: 'Chance' }}
        axisLabel="AUC for staying twelve months (½ is chance)"
        format={formatCorrelation}
        shrunkLabel="Shrunk toward the pooled AUC (empirical Bayes)"
        caption="How well each interviewer's own ratings told hires who stayed a year from hires who left: the chance that a stayer got a higher rating than a leaver, with its 95% DeLong interval. The triangle is the AUC shrunk toward the pooled AUC of all interviewers by empirical Bayes, and rows are ranked by it, so few hires cannot put anyone at the top. Interviewers below the data floor have no AUC and are only named."
        missingNote="Not shown, too few hires to tell"
      />
      <ChartDownloads
        fileName={`${fileName}-auc`}
        csv={() => interviewersCsv(interviewers)}
        chart={chart}
        title="Predictive AUC per interviewer"
      />
    </>
  )
}
