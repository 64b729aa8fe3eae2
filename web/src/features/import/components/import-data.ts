import { toCsv } from '../../../../../common/csv'
import type { AttributeMapping, AttributeMappings } from '../api/attribute-mappings'
import type {
  ChangeSummary,
  ImportProblem,
  ImportProgress,
  UnmappedAttribute,
} from '../api/run-import'

export interface ChangeRow {
  entity: string
  insert: number
  update: number
  unchanged: number
  delete: number
}

const ENTITY_LABELS: Record<string, string> = {
  requisitions: 'Requisitions',
  candidates: 'Candidates',
  applications: 'Applications',
  offers: 'Offers',
  employments: 'Employments',
  interviewers: 'Interviewers',
  scores: 'Ratings',
}

/** One row per kind of record, in the server's order, then the totals. */
export function changeRows(changes: ChangeSummary): { rows: ChangeRow[]; total: ChangeRow } {
  const rows = Object.entries(changes).map(([entity, count]) => ({
    entity: ENTITY_LABELS[entity] ?? entity,
    ...count,
  }))
  const total = rows.reduce(
    (sum, row) => ({
      entity: 'Total',
      insert: sum.insert + row.insert,
      update: sum.update + row.update,
      unchanged: sum.unchanged + row.unchanged,
      delete: sum.delete + row.delete,
    }),
    { entity: 'Total', insert: 0, update: 0, unchanged: 0, delete: 0 },
  )
  return { rows, total }
}

/** Where in its file a problem is: a CSV line, or a JSONPath into an export. */
export function problemPlace(problem: ImportProblem): string {
  if (problem.line !== null) return `line ${problem.line}`
  if (problem.path !== null) return problem.path
  return 'whole file'
}

/** "4 problems found; 3 more were counted but not listed." */
export function problemCountText(listed: number, total: number): string {
  const found = `${total} problem${total === 1 ? '' : 's'} found`
  return total > listed ? `${found}; the first ${listed} are listed.` : `${found}.`
}

/** How many problems one page of the list shows; every page is one click away. */
export const PROBLEMS_PER_PAGE = 50

export interface ProblemPage {
  problems: ImportProblem[]
  /** The page shown, from 0, and how many there are (at least one). */
  page: number
  pages: number
  /** "Problems 51–100 of 117", or "" when they all fit on one page. */
  label: string
}

/** One page of the problem list, the page number kept within the list. */
export function problemPage(
  problems: readonly ImportProblem[],
  page: number,
  size = PROBLEMS_PER_PAGE,
): ProblemPage {
  const pages = Math.max(1, Math.ceil(problems.length / size))
  const current = Math.min(Math.max(0, page), pages - 1)
  const from = current * size
  const shown = problems.slice(from, from + size)
  return {
    problems: shown,
    page: current,
    pages,
    label: pages === 1 ? '' : `Problems ${from + 1}–${from + shown.length} of ${problems.length}`,
  }
}

/** Every listed problem as CSV, one per row, with its file, line or path, column and message. */
export function problemsCsv(problems: readonly ImportProblem[]): string {
  return toCsv(
    ['file', 'line', 'path', 'column', 'message'],
    problems.map((problem) => [
      problem.file,
      problem.line,
      problem.path,
      problem.column,
      problem.message,
    ]),
  )
}

/**
 * The share of the upload the server has read, from the latest progress of each file and the
 * files' sizes as the browser knows them.
 */
export function readFraction(
  latest: ReadonlyMap<string, ImportProgress>,
  files: readonly { name: string; size: number }[],
): number {
  const totalBytes = files.reduce((sum, file) => sum + file.size, 0)
  if (totalBytes === 0) return 0
  const read = [...latest.values()].reduce((sum, progress) => sum + progress.bytes, 0)
  return Math.min(1, read / totalBytes)
}

/** The key that tells two attributes apart: the same name may come from both ATSs. */
export const attributeKey = (attribute: { source: string; attribute: string }) =>
  `${attribute.source}\u0000${attribute.attribute}`

/** The ignore choice in an area select; the API takes null for it. */
export const IGNORE = '__ignore__'

/**
 * The area chosen for each unmapped attribute so far: the saved mapping if there is one, else
 * nothing chosen ('').
 */
export function initialChoices(
  unmapped: readonly UnmappedAttribute[],
  saved: AttributeMappings['mappings'],
): Record<string, string> {
  const savedByKey = new Map(saved.map((mapping) => [attributeKey(mapping), mapping.area]))
  return Object.fromEntries(
    unmapped.map((attribute) => {
      const area = savedByKey.get(attributeKey(attribute))
      return [attributeKey(attribute), area === undefined ? '' : (area ?? IGNORE)]
    }),
  )
}

/** The mappings to save: every attribute given an area or set to be ignored. */
export function mappingsToSave(
  unmapped: readonly UnmappedAttribute[],
  choices: Readonly<Record<string, string>>,
): AttributeMapping[] {
  return unmapped.flatMap((attribute) => {
    const choice = choices[attributeKey(attribute)] ?? ''
    if (choice === '') return []
    return [
      {
        source: attribute.source,
        attribute: attribute.attribute,
        area: choice === IGNORE ? null : choice,
      },
    ]
  })
}
