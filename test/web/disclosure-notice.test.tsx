// @vitest-environment jsdom
import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import {
  DisclosureNotice,
  WithheldOr,
  withheldReason,
} from '../../web/src/components/disclosure-notice'

const restricted = {
  restricted: true,
  notes: ['Organisation-wide figures for hiring managers: as of the end of the last quarter.'],
  withheld: [{ figure: 'by_level', reason: 'By level: withheld, as a level has fewer than 10.' }],
}

describe('DisclosureNotice', () => {
  it('says what disclosure control changed and names each withheld figure', () => {
    render(<DisclosureNotice disclosure={restricted} />)
    const note = screen.getByRole('note', { name: 'How these figures are limited' })
    expect(note.textContent).toContain('as of the end of the last quarter')
    expect(screen.getByRole('listitem').textContent).toBe(
      'By level: withheld, as a level has fewer than 10.',
    )
  })

  it('says nothing on an answer it did not shape', () => {
    const { container } = render(
      <DisclosureNotice disclosure={{ restricted: false, notes: [], withheld: [] }} />,
    )
    expect(container.textContent).toBe('')
  })
})

describe('WithheldOr', () => {
  it('shows the reason in place of a withheld figure, and the figure otherwise', () => {
    const { rerender } = render(
      <WithheldOr reason={withheldReason(restricted, 'by_level')}>
        <p>the chart</p>
      </WithheldOr>,
    )
    expect(screen.getByRole('status').textContent).toContain('Not shown to you.')
    expect(screen.queryByText('the chart')).toBeNull()
    rerender(
      <WithheldOr reason={withheldReason(restricted, 'by_hire_type')}>
        <p>the chart</p>
      </WithheldOr>,
    )
    expect(screen.getByText('the chart')).toBeTruthy()
  })
})
