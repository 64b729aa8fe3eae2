// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useRef } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ChartDownloads } from '../../web/src/components/chart-downloads'
import { standaloneSvg } from '../../web/src/lib/chart-image'
import { toCsv } from '../../common/csv'

afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
})

// jsdom's Blob has no text(); its FileReader reads it.
const textOf = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.readAsText(blob)
  })

function Chart({ csv }: { csv: () => string }) {
  const figure = useRef<HTMLElement>(null)
  return (
    <>
      <figure ref={figure}>
        <svg className="recharts-surface" width="300" height="120">
          <line x1="0" x2="300" y1="60" y2="60" stroke="#0072B2" />
        </svg>
      </figure>
      <ChartDownloads fileName="chart-2026-03-31" csv={csv} chart={figure} title="A & B chart" />
    </>
  )
}

describe('toCsv', () => {
  it('writes the header and rows with CRLF ends, quoting only what needs it', () => {
    expect(
      toCsv(
        ['area', 'r'],
        [
          ['Traits, errors', 0.31],
          ['say "no"', null],
        ],
      ),
    ).toBe('area,r\r\n"Traits, errors",0.31\r\n"say ""no""",\r\n')
  })
})

describe('standaloneSvg', () => {
  it('makes a file that stands alone: namespace, size, white background and an escaped title', () => {
    document.body.innerHTML =
      '<figure><svg class="recharts-surface" width="300" height="120"><circle r="4"/></svg></figure>'
    const svg = standaloneSvg(document.querySelector('figure')!, 'Retention <by> area')
    expect(svg).toMatchObject({ width: 300, height: 120 })
    const parsed = new DOMParser().parseFromString(svg.text, 'image/svg+xml')
    const root = parsed.documentElement
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg')
    expect(root.nodeName).toBe('svg')
    expect(root.getAttribute('viewBox')).toBe('0 0 300 120')
    expect(root.querySelector('title')?.textContent).toBe('Retention <by> area')
    expect(root.querySelector('rect')?.getAttribute('fill')).toBe('#ffffff')
    expect(root.querySelector('circle')).not.toBeNull()
    // The page's own drawing is untouched.
    expect(document.querySelector('svg')?.querySelector('title')).toBeNull()
  })

  it('takes the chart, not the legend markers before it, and keeps its own units', () => {
    document.body.innerHTML = [
      '<figure>',
      '<div class="chart-legend"><svg width="16" height="16"><circle r="5"/></svg></div>',
      '<svg class="interval-plot__drawing" width="720" height="260" viewBox="0 0 720 260">',
      '<g data-series="observed"></g></svg>',
      '</figure>',
    ].join('')
    const svg = standaloneSvg(document.querySelector('figure')!, 'Forest plot')
    expect(svg).toMatchObject({ width: 720, height: 260 })
    const root = new DOMParser().parseFromString(svg.text, 'image/svg+xml').documentElement
    expect(root.querySelector('[data-series="observed"]')).not.toBeNull()
    expect(root.getAttribute('viewBox')).toBe('0 0 720 260')
  })

  it('says so when there is nothing drawn yet', () => {
    document.body.innerHTML = '<figure><p>Loading</p></figure>'
    expect(() => standaloneSvg(document.querySelector('figure')!, 'x')).toThrow(/no drawing/)
  })
})

describe('ChartDownloads', () => {
  /** Opens the chart's one download menu and chooses a format in it. */
  const download = (format: string) => {
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    fireEvent.click(screen.getByRole('menuitem', { name: format }))
  }

  it('is one menu button, closed until asked, offering CSV, SVG and PNG', () => {
    render(<Chart csv={() => ''} />)
    const trigger = screen.getByRole('button', { name: 'Download' })
    expect(trigger.getAttribute('aria-haspopup')).toBe('menu')
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('menu')).toBeNull()
    expect(screen.getAllByRole('button')).toHaveLength(1)
    fireEvent.click(trigger)
    expect(trigger.getAttribute('aria-expanded')).toBe('true')
    const menu = screen.getByRole('menu', { name: 'Download A & B chart' })
    expect(trigger.getAttribute('aria-controls')).toBe(menu.id)
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'CSVthe numbers',
      'SVGthe chart, scalable',
      'PNGthe chart, as an image',
    ])
  })

  it('moves between the items with the arrow keys and closes on Escape, back on the button', () => {
    render(<Chart csv={() => ''} />)
    const trigger = screen.getByRole('button', { name: 'Download' })
    trigger.focus()
    fireEvent.keyDown(trigger, { key: 'ArrowDown' })
    const [csv, svg, png] = screen.getAllByRole('menuitem')
    expect(document.activeElement).toBe(csv)
    fireEvent.keyDown(csv!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(svg)
    fireEvent.keyDown(svg!, { key: 'End' })
    expect(document.activeElement).toBe(png)
    fireEvent.keyDown(png!, { key: 'ArrowDown' })
    expect(document.activeElement).toBe(csv)
    fireEvent.keyDown(csv!, { key: 'ArrowUp' })
    expect(document.activeElement).toBe(png)
    fireEvent.keyDown(png!, { key: 'Escape' })
    expect(screen.queryByRole('menu')).toBeNull()
    expect(trigger.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(trigger)
  })

  it('closes when the pointer goes down outside it', () => {
    render(<Chart csv={() => ''} />)
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    fireEvent.pointerDown(screen.getByRole('menuitem', { name: 'SVG' }))
    expect(screen.getByRole('menu')).not.toBeNull()
    fireEvent.pointerDown(document.body)
    expect(screen.queryByRole('menu')).toBeNull()
  })

  it('offers only the numbers when there is no chart to draw', () => {
    render(<ChartDownloads fileName="table" csv={() => ''} title="Table" />)
    fireEvent.click(screen.getByRole('button', { name: 'Download' }))
    expect(screen.getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'CSVthe numbers',
    ])
  })

  it('downloads the CSV and the SVG under the given name', async () => {
    const blobs: Blob[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:chart'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const names: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download)
    })
    render(<Chart csv={() => 'a,b\r\n1,2\r\n'} />)
    download('CSV')
    expect(screen.queryByRole('menu')).toBeNull()
    download('SVG')
    await vi.waitFor(() => expect(names).toEqual(['chart-2026-03-31.csv', 'chart-2026-03-31.svg']))
    expect(await textOf(blobs[0]!)).toBe('a,b\r\n1,2\r\n')
    expect(await textOf(blobs[1]!)).toContain('<title>A &amp; B chart</title>')
    expect(blobs[1]!.type).toBe('image/svg+xml;charset=utf-8')
  })

  it('shows a problem in words instead of failing silently', async () => {
    render(
      <Chart
        csv={() => {
          throw new Error('No numbers yet.')
        }}
      />,
    )
    download('CSV')
    expect((await screen.findByRole('alert')).textContent).toBe('No numbers yet.')
  })
})
