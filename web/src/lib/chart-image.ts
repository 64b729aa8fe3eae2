const SVG_NAMESPACE = 'http://www.w3.org/2000/svg'

/** The size an svg is drawn at, or the size it asks for where there is no layout. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect()
  return {
    width: Math.round(box.width) || Number(svg.getAttribute('width')) || 0,
    height: Math.round(box.height) || Number(svg.getAttribute('height')) || 0,
  }
}

/**
 * A chart's SVG as a standalone file: the figure's largest svg (its legend's markers are svgs
 * too) with a white background, the page's font and a title, so it opens the same outside the
 * dashboard.
 */
export function standaloneSvg(
  figure: Element,
  title: string,
): { text: string; width: number; height: number } {
  const area = (svg: SVGSVGElement) => sizeOf(svg).width * sizeOf(svg).height
  const drawing = [...figure.querySelectorAll('svg')].reduce<SVGSVGElement | null>(
    (largest, svg) => (largest === null || area(svg) > area(largest) ? svg : largest),
    null,
  )
  if (!drawing || area(drawing) === 0) throw new Error('This chart has no drawing to download yet.')
  const { width, height } = sizeOf(drawing)
  const copy = drawing.cloneNode(true) as SVGSVGElement
  copy.setAttribute('width', String(width))
  copy.setAttribute('height', String(height))
  // A drawing laid out in its own units keeps them; the file is then scaled to the drawn size.
  if (!copy.hasAttribute('viewBox')) copy.setAttribute('viewBox', `0 0 ${width} ${height}`)
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
