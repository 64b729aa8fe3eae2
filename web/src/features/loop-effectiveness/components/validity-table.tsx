import {
  formatCorrelation,
  formatInterval,
  formatNumber,
  formatP,
  formatScore,
} from '../../../lib/format'
import type { AreaValidity } from '../api/get-validity'

function Estimate({
  value,
  interval,
  format,
}: {
  value: number | null
  interval: [number, number] | null
  format: (value: number | null) => string
}) {
  return (
    <>
      <span className="estimate">{format(value)}</span>
      {interval && (
        <span className="interval">{formatInterval(interval, (end) => format(end))}</span>
      )}
    </>
  )
}

/** Every statistic of the validity table; rows with fewer than 30 hires are greyed. */
export function ValidityTable({ areas }: { areas: readonly AreaValidity[] }) {
  return (
    <div className="table-scroll">
      <table className="validity-table">
        <caption className="visually-hidden">
          Validity of each rubric area for twelve-month retention
        </caption>
        <thead>
          <tr>
            <th scope="col">Area</th>
            <th scope="col" title="Hires with a known twelve-month outcome and a score in the area">
              Hires (n)
            </th>
            <th scope="col" title="Applications with at least one rating in the area">
              Pool
            </th>
            <th scope="col">Mean score stayed / left</th>
            <th scope="col">r (95% CI)</th>
            <th
              scope="col"
              title="Thorndike Case II: as if hiring had selected on this area's score directly"
            >
              Corrected r, direct (95% CI)
            </th>
            <th
              scope="col"
              title="Hunter–Schmidt–Le Case IV: hiring selected on the composite, so on this area only indirectly"
            >
              Corrected r, indirect (95% CI)
            </th>
            <th scope="col">Odds ratio per point (95% CI)</th>
            <th scope="col">AUC (95% CI)</th>
            <th scope="col" title="p adjusted for testing every area (Benjamini–Hochberg)">
              q
            </th>
          </tr>
        </thead>
        <tbody>
          {areas.map((area) => (
            <tr
              key={area.key}
              data-area={area.key}
              className={area.insufficient ? 'is-insufficient' : undefined}
            >
              <th scope="row">
                {area.name}
                {area.insufficient && <span className="badge">insufficient data</span>}
                {area.not_computable && <span className="row-note">{area.not_computable}</span>}
                {area.warnings.map((warning) => (
                  <span key={warning} className="row-note">
                    {warning}
                  </span>
                ))}
              </th>
              <td>{area.n}</td>
              <td>{area.n_pool}</td>
              <td>
                {formatScore(area.mean_retained)} / {formatScore(area.mean_left)}
              </td>
              <td>
                <Estimate value={area.r} interval={area.r_ci} format={formatCorrelation} />
              </td>
              <td>
                <Estimate
                  value={area.r_corrected}
                  interval={area.r_corrected_ci}
                  format={formatCorrelation}
                />
              </td>
              <td>
                <Estimate
                  value={area.r_corrected_indirect}
                  interval={area.r_corrected_indirect_ci}
                  format={formatCorrelation}
                />
                {area.r_xxi !== null && (
                  <span className="row-note">r_XXi {formatCorrelation(area.r_xxi)}</span>
                )}
                {area.indirect_note && <span className="row-note">{area.indirect_note}</span>}
              </td>
              <td>
                <Estimate
                  value={area.odds_ratio}
                  interval={area.odds_ratio_ci}
                  format={(value) => formatNumber(value)}
                />
              </td>
              <td>
                <Estimate
                  value={area.auc}
                  interval={area.auc_ci}
                  format={(value) => formatNumber(value)}
                />
              </td>
              <td>{formatP(area.q)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="correction-note" data-testid="correction-note">
        Both corrections for range restriction are shown beside the observed r. Read the indirect
        one (Case IV, Hunter, Schmidt &amp; Le 2006): hiring selects on the composite of all areas
        and on much else, not on one area&apos;s score, so each area&apos;s range is restricted only
        indirectly, and the direct correction (Case II) then undercorrects. Case IV also uses the
        area&apos;s reliability among hires (r_XXi, from how far its interviewers agree).
      </p>
    </div>
  )
}
