import { HIRE_TYPES, LEVELS, type Level } from '../../../db/domain'
import {
  COARSE_COMPOSITE_BANDS,
  COMPOSITE_BANDS,
  compositeBandOf,
} from '../../analytics/expectancy'
import { compositeScore } from '../../analytics/retention-model'
import { quantile } from '../../analytics/quantiles'
import { daysBetween } from '../../analytics/dates'
import { COMPA_BANDS, matchingBand } from '../../analytics/salary'
import { SCORE_BAND_THRESHOLD } from '../../analytics/retention-curves'
import { halfYearOf } from '../../analytics/validity-over-time'
import { textAt } from '../../dataset/dataset'
import { selectionAt, type Cohort } from '../cohort'
import { salaryBandsOf } from '../context'

/**
 * The parts a restricted answer may show figures of together: shown only when every part
 * with anyone in it holds at least the floor (so no part can be worked out from the others),
 * and then each part may not differ by 1 to floor − 1 between two answers one viewer can get.
 * `everyPart`: an empty part hides it too, as in stayed/left, where "nobody left" would tell
 * every person's outcome. `essential`: an answer without it is no answer, so a clash with an
 * answer already given withholds the whole box (otherwise only this partition is hidden).
 * `always`: its parts are compared between answers whether shown or not (groups that answers
 * pool differently), and a clash withholds the box.
 */
export interface Partition {
  name: string
  parts: string[]
  everyPart?: boolean
  essential?: boolean
  always?: boolean
}

/**
 * Every application known on the publication date, as the cells it counts in (an id per
 * cell key) and the atom it lies in: its level, hire type and year of application. Counts
 * of any box of the family are sums over its atoms.
 */
export interface CellCatalog {
  keys: string[]
  partitions: Partition[]
  selfIdPartitions: Partition[]
  /** Per row of the base cohort: its atom and its cells. */
  rows: { row: number; atom: number; cells: Int32Array }[]
  firstYear: number
  lastYear: number
  /** Time-to-hire cut points every restricted answer bins by (the base cohort's quartiles). */
  timeToHireCuts: number[]
}

export const LEVEL_AXIS = LEVELS.length
export const TYPE_AXIS = HIRE_TYPES.length + 1

export interface CatalogInput {
  /** Every application known on the publication date: the base cohort. */
  base: Cohort
  /** The interviewers who rated each row of the base cohort. */
  interviewersOf: (row: number) => Iterable<string>
  /** The red-flag tags of each row. */
  tagsOf: (row: number) => Iterable<string>
  /** The questions asked in each row's loop, as `area key|question`. */
  questionsOf: (row: number) => Iterable<string>
}

/** The base cohort's quartiles of time to hire among accepted offers with a known outcome. */
function timeToHireCuts(base: Cohort): number[] {
  const { text } = base.dataset
  const days: number[] = []
  for (const row of base.rows) {
    const accepted = textAt(text.offerAcceptedAt, row)
    if (accepted === null || accepted > base.asOf || base.outcomeOfRow[row] === -1) continue
    days.push(daysBetween(textAt(text.appliedAt, row)!, accepted))
  }
  const sorted = Float64Array.from(days).sort()
  return [0.25, 0.5, 0.75].map((p) => quantile(sorted, p) ?? 0)
}

/** The bin of a time to hire among the cut points, as the time-to-hire report makes them. */
export function timeToHireBin(days: number, cuts: readonly number[]): number {
  let bin = 0
  while (bin < cuts.length && days > cuts[bin]!) bin++
  return bin
}

/** What an application without the attribute counts under. */
export const NOT_STATED = 'not stated'

/**
 * Attributes whose hire and retention rates restricted answers show by name (group-rates):
 * `partition` is all names together, `prefix` names each one's decisions and outcomes.
 */
export const ATTRIBUTE_GROUPS = [
  { field: 'background', cell: 'bg:', partition: 'backgrounds', prefix: 'background' },
  { field: 'source', cell: 'src:', partition: 'sources', prefix: 'source' },
] as const

export function buildCatalog({
  base,
  interviewersOf,
  tagsOf,
  questionsOf,
}: CatalogInput): CellCatalog {
  const { dataset, asOf } = base
  const { text } = dataset
  const ids = new Map<string, number>()
  const keys: string[] = []
  const idOf = (key: string) => {
    let id = ids.get(key)
    if (id === undefined) {
      id = keys.length
      ids.set(key, id)
      keys.push(key)
    }
    return id
  }
  const hireOfRow = new Map(base.hires.map((hire) => [hire.row, hire]))
  const bands = salaryBandsOf(dataset)
  const cuts = timeToHireCuts(base)
  const years = Array.from(base.rows, (row) => Number(textAt(text.appliedAt, row)!.slice(0, 4)))
  const lastYear = Number(asOf.slice(0, 4))
  const firstYear = years.reduce((first, year) => Math.min(first, year), lastYear)
  const yearCount = lastYear - firstYear + 1

  const interviewerNames = new Set<string>()
  const tagNames = new Set<string>()
  const questionNames = new Set<string>()
  // Applications by one stated attribute each: every application counts under one name.
  const attributes = ATTRIBUTE_GROUPS.map((group) => ({
    ...group,
    column: text[group.field],
    names: new Set<string>(),
  }))
  const groupNames = new Set<string>()
  const levelNames = new Set<string>()
  const typeNames = new Set<string>()
  const halfYears = new Set<string>()

  // Cell ids per row: keys are made once per distinct (prefix, name, suffix), not per row.
  const memo = new Map<string, Map<string, Map<string, number>>>()
  const stamp: number[] = []
  let cells: number[] = []
  let current = -1
  const add = (prefix: string, name = '', suffix = '') => {
    let byName = memo.get(prefix)
    if (!byName) memo.set(prefix, (byName = new Map<string, Map<string, number>>()))
    let bySuffix = byName.get(name)
    if (!bySuffix) byName.set(name, (bySuffix = new Map<string, number>()))
    let id = bySuffix.get(suffix)
    if (id === undefined) bySuffix.set(suffix, (id = idOf(prefix + name + suffix)))
    if (stamp[id] !== current) {
      stamp[id] = current
      cells.push(id)
    }
  }
  const OUTCOME = { 1: 'stayed', 0: 'left' } as const
  const AFTER = { chosen: ':chosen', passed: ':passed', stayed: ':stayed', left: ':left' }

  const rows = Array.from(base.rows, (row, i) => {
    current = i
    cells = []
    add('app')
    const selection = selectionAt(base, row)
    const outcome = base.outcomeOfRow[row]!
    const known = outcome !== -1
    const word = known ? OUTCOME[outcome as 0 | 1] : null
    const hire = hireOfRow.get(row)
    const level = textAt(text.level, row)!
    const hireType = textAt(text.hireType, row)
    const stated = attributes.map((attribute) => textAt(attribute.column, row) ?? NOT_STATED)
    const group = textAt(text.selfIdGroup, row) ?? NOT_STATED
    const half = halfYearOf(textAt(text.appliedAt, row)!)
    halfYears.add(half)
    const decisionCell =
      selection === null ? null : selection === 'hired' ? 'chosen' : ('passed' as const)
    if (decisionCell) {
      add('decided')
      add('sid:', group, AFTER[decisionCell])
      attributes.forEach((attribute, a) => add(attribute.cell, stated[a], AFTER[decisionCell]))
      groupNames.add(group)
    }
    attributes.forEach((attribute, a) => {
      add(attribute.cell, stated[a])
      attribute.names.add(stated[a]!)
    })
    const gone = hire !== undefined && hire.hire.endDate !== null && hire.hire.endDate <= asOf
    if (hire) add('hire')
    if (gone) add('gone')
    if (word) {
      add(word)
      add('half:', half, AFTER[word])
      attributes.forEach((attribute, a) => add(attribute.cell, stated[a], AFTER[word]))
    }

    let complete = true
    for (const [k, area] of dataset.areas.entries()) {
      const score = dataset.areaScores[k]![row]!
      if (Number.isNaN(score)) {
        complete = false
        continue
      }
      add('pool:', area.key)
      if (!Number.isNaN(dataset.areaMinutes[k]![row]!)) add('timed:', area.key)
      if (word) {
        add(word, ':', area.key)
        add('half:', half, `${AFTER[word]}:${area.key}`)
      }
      if (hire) {
        const band = score >= SCORE_BAND_THRESHOLD ? ':ge3' : ':lt3'
        add('band:', area.key, band)
        if (gone) add('band:', area.key, `${band}:gone`)
      }
    }
    if (complete) add('pool:complete')
    if (word && complete) {
      add('complete:', word)
      const composite = compositeScore(
        dataset.areaScores.map((column) => column[row]!),
        dataset.areas.map((area) => area.weights[level as Level] ?? 0),
      )
      if (Number.isFinite(composite)) {
        add('composite:', compositeBandOf(composite).key, `:${word}`)
        add('composite:', compositeBandOf(composite, COARSE_COMPOSITE_BANDS).key, `:${word}`)
      }
    }

    const acceptedAt = textAt(text.offerAcceptedAt, row)
    if (acceptedAt !== null && acceptedAt <= asOf) {
      const typeName = hireType ?? 'unknown'
      add('accepted')
      add('accepted:level:', level)
      add('accepted:type:', typeName)
      add('half:', half, ':accepted')
      levelNames.add(level)
      typeNames.add(typeName)
      if (word) {
        const bin = timeToHireBin(daysBetween(textAt(text.appliedAt, row)!, acceptedAt), cuts)
        add('tth:', String(bin), AFTER[word])
      }
      const salary = dataset.offerSalary[row]!
      if (!Number.isNaN(salary)) {
        add('offer')
        add('offer:level:', level)
        const band = matchingBand(bands, level, textAt(text.metro, row))
        if (band && hire) {
          add('compa')
          const ratio = salary / ((band.low! + band.high!) / 2)
          const compa = COMPA_BANDS.find((entry) => ratio >= entry.from && ratio < entry.to)!
          if (word) add('compa:', compa.key, AFTER[word])
        }
      }
    }

    for (const interviewer of interviewersOf(row)) {
      interviewerNames.add(interviewer)
      add('rated:', interviewer)
      if (word) add('rated:', interviewer, AFTER[word])
    }
    for (const question of questionsOf(row)) {
      questionNames.add(question)
      add('asked:', question)
      if (word) add('asked:', question, AFTER[word])
    }
    for (const tag of tagsOf(row)) {
      tagNames.add(tag)
      add('flag:', tag)
      if (decisionCell) add('flag:', tag, AFTER[decisionCell])
      if (word) add('flag:', tag, AFTER[word])
    }

    const levelIndex = LEVELS.indexOf(level as (typeof LEVELS)[number])
    const typeIndex =
      hireType === null
        ? HIRE_TYPES.length
        : HIRE_TYPES.indexOf(hireType as (typeof HIRE_TYPES)[number])
    const atom = (levelIndex * TYPE_AXIS + typeIndex) * yearCount + (years[i]! - firstYear)
    return { row, atom, cells: Int32Array.from(cells) }
  })

  const outcomes = (name: string, prefix: string): Partition => ({
    name,
    parts: [`${prefix}stayed`, `${prefix}left`],
    everyPart: true,
  })
  const decisions = (name: string, prefix: string): Partition => ({
    name,
    parts: [`${prefix}chosen`, `${prefix}passed`],
    everyPart: true,
  })
  const partitions: Partition[] = [
    { name: 'applications', parts: ['app'], essential: true },
    { name: 'hires', parts: ['hire'], essential: true },
    { ...outcomes('outcomes', ''), essential: true },
    { name: 'departures', parts: ['gone'] },
    outcomes('complete', 'complete:'),
    { name: 'pool complete', parts: ['pool:complete'] },
    ...COMPOSITE_BANDS.map((band) =>
      outcomes(`composite band ${band.key}`, `composite:${band.key}:`),
    ),
    { name: 'accepted', parts: ['accepted'] },
    { name: 'accepted by level', parts: [...levelNames].map((level) => `accepted:level:${level}`) },
    { name: 'accepted by hire type', parts: [...typeNames].map((type) => `accepted:type:${type}`) },
    {
      name: 'time-to-hire bins',
      parts: [0, 1, 2, 3].flatMap((bin) => [`tth:${bin}:stayed`, `tth:${bin}:left`]),
      everyPart: true,
    },
    { name: 'offers', parts: ['offer'] },
    { name: 'offers by level', parts: [...levelNames].map((level) => `offer:level:${level}`) },
    { name: 'compa-ratio', parts: ['compa'] },
    {
      name: 'compa-ratio bands',
      parts: COMPA_BANDS.flatMap((band) => [`compa:${band.key}:stayed`, `compa:${band.key}:left`]),
      everyPart: true,
    },
    ...attributes.map((attribute) => ({
      name: attribute.partition,
      parts: [...attribute.names].map((name) => attribute.cell + name),
    })),
    ...dataset.areas.flatMap((area) => [
      { name: `pool ${area.key}`, parts: [`pool:${area.key}`] },
      // Loops with minutes recorded: the hours spent on the area rest on them.
      { name: `timed ${area.key}`, parts: [`timed:${area.key}`] },
      {
        name: `outcomes ${area.key}`,
        parts: [`stayed:${area.key}`, `left:${area.key}`],
        everyPart: true,
      },
      {
        name: `bands ${area.key}`,
        parts: ['ge3', 'lt3', 'ge3:gone', 'lt3:gone'].map((part) => `band:${area.key}:${part}`),
        everyPart: true,
      },
    ]),
    ...[...halfYears].flatMap((half) => [
      outcomes(`half ${half} outcomes`, `half:${half}:`),
      { name: `half ${half} accepted`, parts: [`half:${half}:accepted`] },
      ...dataset.areas.map((area) => ({
        name: `half ${half} outcomes ${area.key}`,
        parts: [`half:${half}:stayed:${area.key}`, `half:${half}:left:${area.key}`],
        everyPart: true,
      })),
    ]),
    ...[...interviewerNames].flatMap((name) => [
      { name: `interviewer ${name}`, parts: [`rated:${name}`] },
      outcomes(`interviewer ${name} outcomes`, `rated:${name}:`),
    ]),
    ...[...questionNames].flatMap((question) => [
      { name: `question ${question}`, parts: [`asked:${question}`] },
      outcomes(`question ${question} outcomes`, `asked:${question}:`),
    ]),
    ...[...tagNames].flatMap((tag) => [
      { name: `flag ${tag}`, parts: [`flag:${tag}`] },
      decisions(`flag ${tag} decisions`, `flag:${tag}:`),
      outcomes(`flag ${tag} outcomes`, `flag:${tag}:`),
    ]),
    ...attributes.flatMap((attribute) =>
      [...attribute.names].flatMap((name) => [
        decisions(`${attribute.prefix} ${name} decisions`, `${attribute.cell}${name}:`),
        outcomes(`${attribute.prefix} ${name} outcomes`, `${attribute.cell}${name}:`),
      ]),
    ),
  ]
  const selfIdPartitions: Partition[] = [
    { name: 'decided', parts: ['decided'], essential: true },
    ...[...groupNames].map((group) => ({
      ...decisions(`self-ID ${group}`, `sid:${group}:`),
      always: true,
    })),
  ]
  for (const partition of [...partitions, ...selfIdPartitions]) partition.parts.forEach(idOf)
  return {
    keys,
    partitions,
    selfIdPartitions,
    rows,
    firstYear,
    lastYear,
    timeToHireCuts: cuts,
  }
}
