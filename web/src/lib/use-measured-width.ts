import { useLayoutEffect, useRef, useState } from 'react'

/**
 * The width of an element in CSS pixels, measured again whenever it changes, so a chart can draw
 * for the room it has (one SVG unit per pixel) instead of shrinking a fixed drawing. Until it is
 * measured, and where nothing is laid out, the chart draws at `fallback`.
 */
export function useMeasuredWidth<T extends HTMLElement = HTMLDivElement>(fallback: number) {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState<number | null>(null)
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const measure = () => {
      const measured = Math.floor(element.getBoundingClientRect().width)
      if (measured > 0) setWidth(measured)
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width ?? fallback] as const
}
