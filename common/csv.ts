/**
 * The one CSV writer of Loopscope, shared by the server's export and the dashboard's
 * downloads: pure, so the web bundle can import it without any server code.
 */

export type CsvValue = string | number | boolean | null | undefined

/**
 * Spreadsheet formulas begin with one of these; cells of text that do are written with a
 * leading apostrophe (so a spreadsheet shows text, not a formula) and read back without it.
 */
export const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell a spreadsheet would run as a formula, made plain text with a leading apostrophe. */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/**
 * One CSV field: text made formula-safe, then quoted when it holds a comma, a quote or a line
 * break (RFC 4180). Numbers stay numbers (-0.5 is a value, not a formula).
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'string' ? spreadsheetSafe(value) : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record's text, without its line end. */
export const csvRecord = (values: readonly CsvValue[]): string => values.map(csvField).join(',')

/** A CSV file's text: the header, then one line per row, CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map(csvRecord).join('\r\n') + '\r\n'
}
