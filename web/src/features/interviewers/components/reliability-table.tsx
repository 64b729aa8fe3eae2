import { ChartDownloads } from '../../../components/chart-downloads'
import { formatCorrelation, formatNumber } from '../../../lib/format'
import type { AreaReliability } from '../api/get-interviewers'
import { reliabilityCsv, reliabilitySentence } from './interviewers-data'

/** Each area's inter-rater reliability, ICC(1), with what it means in words. */
export function ReliabilityTable({
  areas,
  fileName,
}: {
  areas: readonly AreaReliability[]
  fileName: string
}) {
  return (
    <>
      <div className="table-scroll">
        <table className="interviewers-table reliability-table">
          <caption className="visually-hidden">Inter-rater reliability by rubric area</caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">ICC(1)</th>
              <th scope="col" title="Applications rated in the area">
                Applications
              </th>
              <th scope="col" title="Effective number of interviewers per application">
                Raters each
              </th>
              <th scope="col">What it means</th>
            </tr>
          </thead>
          <tbody>
            {areas.map((area) => (
              <tr key={area.key} data-area={area.key}>
                <th scope="row">{area.name}</th>
                <td>{formatCorrelation(area.icc1)}</td>
                <td>{area.n_groups ?? '–'}</td>
                <td>{formatNumber(area.k0, 1)}</td>
                <td className="reliability-table__meaning">{reliabilitySentence(area)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartDownloads
        fileName={`${fileName}-reliability`}
        csv={() => reliabilityCsv(areas)}
        title="Inter-rater reliability"
      />
    </>
  )
}
