/**
 * A label broken into lines of at most `width` characters at spaces, for SVG text, which does
 * not wrap; a word longer than the width keeps a line of its own.
 */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else {
      line = line ? `${line} ${word}` : word
    }
  }
  if (line) lines.push(line)
  return lines
}
