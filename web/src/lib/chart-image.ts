const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

/**
 * A chart's SVG as a standalone file: the drawing of the figure's first svg with a white
 * background, the page's font and a title, so it opens the same outside the dashboard.
 */
export function standaloneSvg(
  figure: Element,
  title: string,
): { text: string; width: number; height: number } {
  const drawing = figure.querySelector('svg.recharts-surface') ?? figure.querySelector('svg')
  if (!drawing) throw new Error('This chart has no drawing to download yet.')
  const box = drawing.getBoundingClientRect()
  const width = Math.round(box.width) || Number(drawing.getAttribute('width')) || 600
  const height = Math.round(box.height) || Number(drawing.getAttribute('height')) || 300
  const copy = drawing.cloneNode(true) as SVGSVGElement
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`)
  copy.setAttribute('font-family', getComputedStyle(figure).fontFamily || 'sans-serif')
  copy.setAttribute('font-size', '12')
  const titleElement = document.createElementNS(SVG_NAMESPACE, 'title')
  titleElement.textContent = title
  const background = document.createElementNS(SVG_NAMESPACE, 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', '#ffffff')
  copy.prepend(titleElement, background)
  return { text: new XMLSerializer().serializeToString(copy), width, height }
}

/** The SVG drawn onto a canvas at twice its size, as a PNG. */
export async function pngOfSvg(svg: {
  text: string
  width: number
  height: number
}): Promise<Blob> {
  const scale = 2
  const url = URL.createObjectURL(new Blob([svg.text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = svg.width * scale
    canvas.height = svg.height * scale
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot draw the chart as a PNG.')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, svg.width, svg.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made.'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
