import { useState, type RefObject } from 'react'
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

/** The numbers of a chart as CSV, and the chart itself as SVG and PNG. */
export function ChartDownloads({ fileName, csv, chart, title }: Props) {
  const [problem, setProblem] = useState<string | null>(null)
  const drawing = () => {
    if (!chart?.current) throw new Error('The chart is not drawn yet.')
    return standaloneSvg(chart.current, title)
  }
  const attempt = (work: () => void | Promise<void>) => async () => {
    setProblem(null)
    try {
      await work()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <div className="chart-downloads" role="group" aria-label={`Download ${title}`}>
      <button
        type="button"
        onClick={() => void attempt(() => downloadText(`${fileName}.csv`, csv()))()}
      >
        Download CSV
      </button>
      {chart && (
        <>
          <button
            type="button"
            onClick={() =>
              void attempt(() =>
                downloadText(`${fileName}.svg`, drawing().text, 'image/svg+xml;charset=utf-8'),
              )()
            }
          >
            Download SVG
          </button>
          <button
            type="button"
            onClick={() =>
              void attempt(async () => downloadBlob(`${fileName}.png`, await pngOfSvg(drawing())))()
            }
          >
            Download PNG
          </button>
        </>
      )}
      {problem !== null && (
        <span className="chart-downloads__problem" role="alert">
          {problem}
        </span>
      )}
    </div>
  )
}
