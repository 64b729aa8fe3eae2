// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ValidityTable } from '../../web/src/features/loop-effectiveness/components/validity-table'
import { areaRow } from './validity-fixture'

afterEach(cleanup)

describe('ValidityTable', () => {
  it('shows each statistic with its interval', () => {
    render(<ValidityTable areas={[areaRow()]} />)
    const row = screen.getByRole('row', { name: /Judgment/ })
    expect(within(row).getByText('.31')).toBeTruthy()
    expect(within(row).getByText('.12 to .48')).toBeTruthy()
    expect(within(row).getByText('2.90')).toBeTruthy()
    expect(within(row).getByText('.010')).toBeTruthy()
  })

  it('greys rows with fewer than 30 hires and labels them', () => {
    render(
      <ValidityTable
        areas={[
          areaRow({ key: 'ownership', name: 'Ownership', insufficient: true, n: 12 }),
          areaRow(),
        ]}
      />,
    )
    const small = screen.getByRole('row', { name: /Ownership/ })
    expect(small.className).toContain('is-insufficient')
    expect(within(small).getByText('insufficient data')).toBeTruthy()
    expect(screen.getByRole('row', { name: /Judgment/ }).className).not.toContain('is-insufficient')
  })

  it('says why a row has no estimate instead of showing NaN', () => {
    render(
      <ValidityTable
        areas={[
          areaRow({
            r: null,
            r_ci: null,
            p: null,
            q: null,
            odds_ratio: null,
            odds_ratio_ci: null,
            auc: null,
            auc_ci: null,
            r_corrected: null,
            r_corrected_ci: null,
            not_computable:
              'Every hire used has the same score (3): there is no variation to relate.',
          }),
        ]}
      />,
    )
    const row = screen.getByRole('row', { name: /Judgment/ })
    expect(within(row).getByText(/same score/)).toBeTruthy()
    expect(row.textContent).not.toContain('NaN')
  })

  it('shows the direct and the indirect correction side by side, and says which to read', () => {
    render(<ValidityTable areas={[areaRow()]} />)
    const row = screen.getByRole('row', { name: /Judgment/ })
    expect(within(row).getByText('.35')).toBeTruthy()
    expect(within(row).getByText('.38')).toBeTruthy()
    expect(within(row).getByText('.16 to .56')).toBeTruthy()
    expect(within(row).getByText('r_XXi .72')).toBeTruthy()
    expect(screen.getByTestId('correction-note').textContent).toMatch(
      /Read the indirect one \(Case IV.*selects on the composite/,
    )
  })

  it('says why the indirect correction is missing', () => {
    render(
      <ValidityTable
        areas={[
          areaRow({
            r_xxa: null,
            r_corrected_indirect: null,
            r_corrected_indirect_ci: null,
            r_xxi: -0.05,
            indirect_note: 'The ratings in this area agree no better than chance.',
          }),
        ]}
      />,
    )
    const row = screen.getByRole('row', { name: /Judgment/ })
    expect(within(row).getByText(/no better than chance/)).toBeTruthy()
    expect(row.textContent).not.toContain('NaN')
  })
})
