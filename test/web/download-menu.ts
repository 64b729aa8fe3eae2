import { fireEvent, within } from '@testing-library/react'

/**
 * The formats each chart's download menu offers (e.g. `['CSV', 'SVG', 'PNG']`), one list per
 * menu in the scope, read by opening each menu and closing it again with Escape.
 */
export function downloadMenus(scope: HTMLElement = document.body): string[][] {
  return within(scope)
    .queryAllByRole('button', { name: 'Download' })
    .map((trigger) => {
      fireEvent.click(trigger)
      const menu = document.getElementById(trigger.getAttribute('aria-controls') ?? '')
      if (!menu) throw new Error('The download button opened no menu.')
      const formats = within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.firstChild?.textContent ?? '')
      fireEvent.keyDown(menu, { key: 'Escape' })
      return formats
    })
}

/** How many of the menus offer this format. */
export const offering = (menus: string[][], format: string) =>
  menus.filter((formats) => formats.includes(format)).length
