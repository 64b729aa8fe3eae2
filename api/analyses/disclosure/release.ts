import { HIRE_TYPES, LEVELS } from '../../../db/domain'
import { LEVEL_AXIS, TYPE_AXIS, type CellCatalog, type Partition } from './cells'
import { boxKey, familyOf, type Box } from './publication'

/** A box a restricted viewer may be shown, and which of its figures. */
export interface ShownBox {
  released: true
  floor: number
  /** How many of the viewer's unknowns (applications not theirs) a cell holds. */
  count: (key: string) => number
  /** Whether a partition's figures may be shown (see Partition). */
  visible: (partition: string) => boolean
}

/** What a restricted viewer may be told about one box of the family. */
export type BoxRelease = ShownBox | { released: false; reason: string }

export interface ReleasePolicy {
  floor: number
  partitions: readonly Partition[]
  /** Rows the viewer knows one by one (their own), left out of every count. */
  known: (row: number) => boolean
  /** Why a box may not be shown at all, whatever else is released; null when it may. */
  requirement: (count: (key: string) => number, box: Box) => string | null
  /** How the policy names what it counts, for the reasons it gives ("hires", "applicants"). */
  unit: string
}

const ALL_LEVELS = LEVELS.map((_, index) => index)
const ALL_TYPES = Array.from({ length: TYPE_AXIS }, (_, index) => index)

/** The box that is the intersection of two, or null when they share no atom. */
function intersect(a: Box, b: Box): Box | null {
  if (a.level !== null && b.level !== null && a.level !== b.level) return null
  if (a.hireType !== null && b.hireType !== null && a.hireType !== b.hireType) return null
  const firstYear = Math.max(a.firstYear, b.firstYear)
  const lastYear = Math.min(a.lastYear, b.lastYear)
  if (firstYear > lastYear) return null
  return { level: a.level ?? b.level, hireType: a.hireType ?? b.hireType, firstYear, lastYear }
}

/** The box in the words a reason gives it. */
export function describeBox(box: Box): string {
  const years =
    box.firstYear === box.lastYear
      ? `applications of ${box.firstYear}`
      : `applications of ${box.firstYear} to ${box.lastYear}`
  return [
    box.level === null ? 'all levels' : `level ${box.level}`,
    box.hireType === null ? 'all hire types' : `hire type ${box.hireType.replaceAll('_', ' ')}`,
    years,
  ].join(', ')
}

/**
 * Which boxes of the family a viewer may be shown, and which of their figures, decided for
 * all of them at once so that no two shown boxes differ by 1 to floor − 1 in any cell both of
 * them show (or, for `always` partitions, in any part at all). Boxes are taken broadest first;
 * a box is shown when it meets the policy's requirement and, against every box shown before
 * it, each cell both show differs by nothing or by at least the floor: where one does not, the
 * partition is hidden in the new box, or the box withheld when the partition is essential.
 * Only applications the viewer does not already know are counted: the rest they could subtract.
 */
export function releaseFamily(
  catalog: CellCatalog,
  policy: ReleasePolicy,
): Map<string, BoxRelease> {
  const cellCount = catalog.keys.length
  const yearCount = catalog.lastYear - catalog.firstYear + 1
  const atoms = Array.from(
    { length: LEVEL_AXIS * TYPE_AXIS * yearCount },
    () => new Int32Array(cellCount),
  )
  for (const { row, atom, cells } of catalog.rows) {
    if (policy.known(row)) continue
    const counts = atoms[atom]!
    for (const cell of cells) counts[cell]!++
  }
  const idOf = new Map(catalog.keys.map((key, id) => [key, id]))
  const partitions = policy.partitions.map((partition) => ({
    ...partition,
    ids: partition.parts.map((part) => idOf.get(part)!),
  }))

  const countsByBox = new Map<string, Int32Array>()
  const countsOf = (box: Box): Int32Array => {
    const key = boxKey(box)
    const known = countsByBox.get(key)
    if (known) return known
    const total = new Int32Array(cellCount)
    const levels = box.level === null ? ALL_LEVELS : [LEVELS.indexOf(box.level)]
    const types = box.hireType === null ? ALL_TYPES : [HIRE_TYPES.indexOf(box.hireType)]
    for (const level of levels) {
      for (const type of types) {
        for (let year = box.firstYear; year <= box.lastYear; year++) {
          const counts = atoms[(level * TYPE_AXIS + type) * yearCount + (year - catalog.firstYear)]!
          for (let cell = 0; cell < cellCount; cell++) total[cell]! += counts[cell]!
        }
      }
    }
    countsByBox.set(key, total)
    return total
  }
  const visibility = (counts: Int32Array) =>
    partitions.map(({ ids, everyPart }) => {
      let someone = false
      for (const id of ids) {
        const count = counts[id]!
        if (count > 0 ? count < policy.floor : everyPart) return false
        if (count > 0) someone = true
      }
      return someone
    })

  const shown: { box: Box; counts: Int32Array; visible: boolean[] }[] = []
  const releases = new Map<string, BoxRelease>()
  for (const box of familyOf(catalog.firstYear, catalog.lastYear)) {
    const counts = countsOf(box)
    const count = (key: string) => {
      const id = idOf.get(key)
      return id === undefined ? 0 : counts[id]!
    }
    const unmet = policy.requirement(count, box)
    if (unmet !== null) {
      releases.set(boxKey(box), { released: false, reason: unmet })
      continue
    }
    const visible = visibility(counts)
    const conflict = shown.find((other) => {
      const shared = intersect(box, other.box)
      if (!shared) return false
      const sharedCounts = countsOf(shared)
      return partitions.some(({ ids, always, essential }, p) => {
        if (!always && !(visible[p] && other.visible[p])) return false
        const clash = ids.some((id) => {
          const differing = counts[id]! + other.counts[id]! - 2 * sharedCounts[id]!
          return differing > 0 && differing < policy.floor
        })
        if (clash && !always && !essential) visible[p] = false
        return clash && (always === true || essential === true)
      })
    })
    if (conflict) {
      releases.set(boxKey(box), {
        released: false,
        reason: `These figures would differ from those for ${describeBox(conflict.box)} by fewer than ${policy.floor} ${policy.unit}, so the two together could reveal a single person; ${describeBox(conflict.box)} can be shown instead.`,
      })
      continue
    }
    shown.push({ box, counts, visible })
    const visibleByName = new Map(partitions.map((partition, p) => [partition.name, visible[p]!]))
    releases.set(boxKey(box), {
      released: true,
      floor: policy.floor,
      count,
      visible: (name) => visibleByName.get(name) ?? false,
    })
  }
  return releases
}
