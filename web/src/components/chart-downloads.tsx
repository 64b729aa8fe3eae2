import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react'
import { pngOfSvg, standaloneSvg } from '../lib/chart-image'
import { downloadBlob, downloadText } from '../lib/download'

interface Props {
  /** The file name without its extension, e.g. `retention-ownership-2026-03-31`. */
  fileName: string
  /** The chart's numbers as CSV text, made only when asked for. */
  csv: () => string
  /** The figure holding the chart; without it only the numbers are offered. */
  chart?: RefObject<HTMLElement | null>
  /** The title written into the image files. */
  title: string
}

interface Choice {
  label: string
  hint: string
  save: () => void | Promise<void>
}

/**
 * One small "Download" menu per chart: its numbers as CSV, and the chart itself as SVG and PNG.
 * A menu button (WAI-ARIA pattern): arrows move between the items, Escape closes and returns focus.
 */
export function ChartDownloads({ fileName, csv, chart, title }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const menuId = useId()
  const root = useRef<HTMLDivElement>(null)
  const trigger = useRef<HTMLButtonElement>(null)
  const items = useRef<(HTMLButtonElement | null)[]>([])

  const drawing = () => {
    if (!chart?.current) throw new Error('The chart is not drawn yet.')
    return standaloneSvg(chart.current, title)
  }
  const choices: Choice[] = [
    { label: 'CSV', hint: 'the numbers', save: () => downloadText(`${fileName}.csv`, csv()) },
    ...(chart
      ? [
          {
            label: 'SVG',
            hint: 'the chart, scalable',
            save: () =>
              downloadText(`${fileName}.svg`, drawing().text, 'image/svg+xml;charset=utf-8'),
          },
          {
            label: 'PNG',
            hint: 'the chart, as an image',
            save: async () => downloadBlob(`${fileName}.png`, await pngOfSvg(drawing())),
          },
        ]
      : []),
  ]

  useEffect(() => {
    if (!open) return
    items.current[0]?.focus()
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', closeOutside)
    return () => document.removeEventListener('pointerdown', closeOutside)
  }, [open])

  const close = () => {
    setOpen(false)
    trigger.current?.focus()
  }
  const choose = (choice: Choice) => async () => {
    close()
    setProblem(null)
    try {
      await choice.save()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const focusable = items.current.filter((item): item is HTMLButtonElement => item !== null)
    const current = focusable.indexOf(document.activeElement as HTMLButtonElement)
    const moveTo = (index: number) => {
      event.preventDefault()
      focusable[(index + focusable.length) % focusable.length]?.focus()
    }
    if (event.key === 'ArrowDown') moveTo(current + 1)
    else if (event.key === 'ArrowUp') moveTo(current - 1)
    else if (event.key === 'Home') moveTo(0)
    else if (event.key === 'End') moveTo(focusable.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      close()
    } else if (event.key === 'Tab') setOpen(false)
  }

  return (
    <div className="chart-downloads" ref={root} role="group" aria-label={`Download ${title}`}>
      <button
        ref={trigger}
        type="button"
        className="chart-downloads__button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault()
            setOpen(true)
          }
        }}
      >
        Download <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div
          className="chart-downloads__menu"
          id={menuId}
          role="menu"
          aria-label={`Download ${title}`}
          onKeyDown={onMenuKey}
        >
          {choices.map((choice, index) => (
            <button
              key={choice.label}
              ref={(item) => {
                items.current[index] = item
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              onClick={() => void choose(choice)()}
            >
              {choice.label}
              <span className="chart-downloads__hint" aria-hidden="true">
                {choice.hint}
              </span>
            </button>
          ))}
        </div>
      )}
      {problem !== null && (
        <span className="chart-downloads__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
