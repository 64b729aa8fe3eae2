import { describe, expect, it } from 'vitest'
import { TYPE_AXIS, type CellCatalog, type Partition } from '../../api/analyses/disclosure/cells'
import {
  boxKey,
  coarsen,
  familyOf,
  publicationDate,
  type Box,
} from '../../api/analyses/disclosure/publication'
import {
  releaseFamily,
  type ReleasePolicy,
  type ShownBox,
} from '../../api/analyses/disclosure/release'
import { minutesWithheld } from '../../api/analyses/disclosure/withheld'
import { HIRE_TYPES, LEVELS } from '../../db/domain'

describe('publicationDate', () => {
  it.each([
    ['2026-12-04', '2026-09-30'],
    ['2026-10-01', '2026-09-30'],
    // A quarter that ends today is not complete: its last day may still change.
    ['2026-09-30', '2026-06-30'],
    ['2026-03-31', '2025-12-31'],
    ['2026-01-01', '2025-12-31'],
  ])('on %s is %s', (today, expected) => {
    expect(publicationDate(today)).toBe(expected)
  })
})

describe('coarsen', () => {
  const base = { outcome: 'retained_12m' as const, rubric: 'rust' }

  it('moves as_of to the publication date and says so', () => {
    const coarse = coarsen({ ...base, as_of: '2025-02-03' }, '2026-09-30', 2024)!
    expect(coarse.filters).toEqual({ ...base, as_of: '2026-09-30' })
    expect(coarse.box).toEqual({ level: null, hireType: null, firstYear: 2024, lastYear: 2026 })
    expect(coarse.notes).toEqual(['as of 2026-09-30 (asked: 2025-02-03)'])
  })

  it('widens dates to a whole year, or to the years since one', () => {
    const year = coarsen({ ...base, from: '2025-03-01', to: '2025-04-30' }, '2026-09-30', 2024)!
    expect(year.box).toMatchObject({ firstYear: 2025, lastYear: 2025 })
    expect(year.filters).toMatchObject({ from: '2025-01-01', to: '2025-12-31' })
    const since = coarsen({ ...base, from: '2024-06-01', to: '2025-04-30' }, '2026-09-30', 2023)!
    expect(since.box).toMatchObject({ firstYear: 2024, lastYear: 2026 })
    expect(since.filters.from).toBe('2024-01-01')
    expect(since.filters.to).toBeUndefined()
    expect(since.notes).toEqual(['applications of 2024 to 2026 (asked: 2024-06-01 to 2025-04-30)'])
  })

  it('keeps level and hire type, and finds no box outside the years with applications', () => {
    const coarse = coarsen({ ...base, level: 'mid', hire_type: 'direct' }, '2026-09-30', 2024)!
    expect(coarse.box).toMatchObject({ level: 'mid', hireType: 'direct' })
    expect(coarse.notes).toEqual([])
    expect(coarsen({ ...base, from: '2027-01-01' }, '2026-09-30', 2024)).toBeNull()
    expect(coarsen({ ...base, to: '2023-12-31' }, '2026-09-30', 2024)).toBeNull()
  })
})

describe('familyOf', () => {
  it('puts the broadest box first and holds every level, hire type and year window', () => {
    const family = familyOf(2024, 2026)
    // Windows: 2024–26, 2025–26, 2026, 2025, 2024.
    expect(family).toHaveLength((LEVELS.length + 1) * (HIRE_TYPES.length + 1) * 5)
    expect(family[0]).toEqual({ level: null, hireType: null, firstYear: 2024, lastYear: 2026 })
    expect(new Set(family.map(boxKey)).size).toBe(family.length)
    const narrowest = family.at(-1)!
    expect(narrowest.level).not.toBeNull()
    expect(narrowest.hireType).not.toBeNull()
    expect(narrowest.firstYear).toBe(narrowest.lastYear)
  })
})

/** A hand-made catalog: each application as (level, hire type, year, cells). */
function catalogOf(
  applications: { level: (typeof LEVELS)[number]; year: number; cells: string[] }[],
  partitions: Partition[],
): CellCatalog {
  const keys = [
    ...new Set([...applications.flatMap((a) => a.cells), ...partitions.flatMap((p) => p.parts)]),
  ]
  const [firstYear, lastYear] = [2025, 2026]
  const years = lastYear - firstYear + 1
  return {
    keys,
    partitions,
    selfIdPartitions: [],
    rows: applications.map((application, row) => ({
      row,
      // every application is a direct hire here
      atom:
        (LEVELS.indexOf(application.level) * TYPE_AXIS + 0) * years +
        (application.year - firstYear),
      cells: Int32Array.from(application.cells, (cell) => keys.indexOf(cell)),
    })),
    firstYear,
    lastYear,
    timeToHireCuts: [],
  }
}

const policy = (catalog: CellCatalog, overrides: Partial<ReleasePolicy> = {}): ReleasePolicy => ({
  floor: 3,
  partitions: catalog.partitions,
  known: () => false,
  unit: 'hires',
  requirement: (count) => (count('hire') < 3 ? 'too few hires' : null),
  ...overrides,
})

const box = (level: Box['level'], firstYear = 2025, lastYear = 2026): string =>
  boxKey({ level, hireType: null, firstYear, lastYear })

const hires = (level: (typeof LEVELS)[number], year: number, count: number, extra: string[] = []) =>
  Array.from({ length: count }, () => ({ level, year, cells: ['hire', ...extra] }))

describe('releaseFamily', () => {
  it('withholds a box whose essential cells differ from a shown one by 1 to floor − 1', () => {
    // all: 7 mid + 2 senior. mid alone differs by the 2 senior hires: withheld.
    const catalog = catalogOf(
      [...hires('mid', 2025, 7), ...hires('senior', 2025, 2)],
      [{ name: 'hires', parts: ['hire'], essential: true }],
    )
    const releases = releaseFamily(catalog, policy(catalog))
    expect(releases.get(box(null))!.released).toBe(true)
    const mid = releases.get(box('mid'))!
    expect(mid.released).toBe(false)
    expect(!mid.released && mid.reason).toMatch(
      /differ from those for all levels.*by fewer than 3 hires/,
    )
    // senior on its own is under the requirement
    expect(releases.get(box('senior'))).toEqual({ released: false, reason: 'too few hires' })
  })

  it('shows both when they differ by at least the floor, and disjoint boxes always', () => {
    const catalog = catalogOf(
      [...hires('mid', 2025, 4), ...hires('senior', 2026, 4)],
      [{ name: 'hires', parts: ['hire'], essential: true }],
    )
    const releases = releaseFamily(catalog, policy(catalog))
    for (const key of [
      box(null),
      box('mid'),
      box('senior'),
      box(null, 2025, 2025),
      box(null, 2026, 2026),
    ]) {
      expect(releases.get(key)!.released, key).toBe(true)
    }
  })

  it('hides a clashing partition in the later box instead of withholding it', () => {
    // 'flagged': all has 5, mid has 4 — they differ by 1: hidden for mid, still shown for all.
    const catalog = catalogOf(
      [
        ...hires('mid', 2025, 4, ['flagged']),
        ...hires('mid', 2025, 2),
        ...hires('senior', 2026, 3, []),
        { level: 'senior', year: 2026, cells: ['hire', 'flagged'] },
      ],
      [
        { name: 'hires', parts: ['hire'], essential: true },
        { name: 'flagged', parts: ['flagged'] },
      ],
    )
    const releases = releaseFamily(catalog, policy(catalog))
    const all = releases.get(box(null))!
    const mid = releases.get(box('mid'))!
    expect(all.released && all.visible('flagged')).toBe(true)
    expect(mid.released).toBe(true)
    expect(mid.released && mid.visible('flagged')).toBe(false)
  })

  it('hides a partition with a part under the floor, or an empty part where every part counts', () => {
    const catalog = catalogOf(
      [...hires('mid', 2025, 5, ['stayed']), ...hires('mid', 2025, 2, ['left'])],
      [
        { name: 'hires', parts: ['hire'], essential: true },
        { name: 'outcomes', parts: ['stayed', 'left'], everyPart: true },
        { name: 'stayers', parts: ['stayed', 'gone'] },
        { name: 'all stayed', parts: ['stayed', 'gone'], everyPart: true },
      ],
    )
    const all = releaseFamily(catalog, policy(catalog)).get(box(null))!
    expect(all.released).toBe(true)
    if (!all.released) return
    expect(all.visible('outcomes')).toBe(false)
    expect(all.visible('stayers')).toBe(true)
    expect(all.visible('all stayed')).toBe(false)
    expect(all.count('left')).toBe(2)
  })

  it('counts only what the viewer does not know: their own applications are left out', () => {
    const catalog = catalogOf(hires('mid', 2025, 5), [
      { name: 'hires', parts: ['hire'], essential: true },
    ])
    const releases = releaseFamily(catalog, policy(catalog, { known: (row) => row < 3 }))
    expect(releases.get(box(null))).toEqual({ released: false, reason: 'too few hires' })
  })

  it('compares always-partitions whether shown or not', () => {
    // 'group' has 1 member in 2026 alone: under the floor in both boxes, so never shown, but the
    // two answers still differ by that one person: the later box is withheld.
    const applications = [
      ...hires('mid', 2025, 5, []),
      ...hires('mid', 2026, 4, []),
      { level: 'mid' as const, year: 2026, cells: ['hire', 'group'] },
    ]
    const partitions: Partition[] = [
      { name: 'hires', parts: ['hire'], essential: true },
      { name: 'group', parts: ['group'], always: true },
    ]
    const catalog = catalogOf(applications, partitions)
    const releases = releaseFamily(catalog, policy(catalog))
    expect(releases.get(box(null))!.released).toBe(true)
    expect(releases.get(box(null, 2025, 2025))!.released).toBe(false)
  })
})

describe('minutesWithheld', () => {
  // Floor 3. junior: 3 others' loops with minutes; mid: 3 others' without and 1 own with;
  // senior: 3 others', 2 of them with minutes. All levels: 5 others' loops with minutes.
  const own = { level: 'mid' as const, year: 2025, cells: ['hire', 'timed:judgment'] }
  const catalog = catalogOf(
    [
      ...hires('junior', 2025, 3, ['timed:judgment']),
      ...hires('mid', 2025, 3),
      ...hires('senior', 2026, 2, ['timed:judgment']),
      ...hires('senior', 2026, 1),
      own,
    ],
    [
      { name: 'hires', parts: ['hire'], essential: true },
      { name: 'timed judgment', parts: ['timed:judgment'] },
    ],
  )
  const owned = catalog.rows.length - 1
  const releases = releaseFamily(catalog, policy(catalog, { known: (row) => row === owned }))
  const judgment = { key: 'judgment', name: 'Judgment' }
  const withheldIn = (key: string) => minutesWithheld(releases.get(key) as ShownBox, judgment)

  it('shows the minutes where the loops with minutes recorded are released', () => {
    expect(withheldIn(box(null))).toBeNull()
  })

  it("shows them where none of other managers' loops recorded any: they are the viewer's own", () => {
    expect(withheldIn(box('mid'))).toBeNull()
  })

  it('withholds them under the floor, or 1 to floor − 1 apart from an answer shown, and says why', () => {
    expect(withheldIn(box('senior'))).toEqual({
      figure: 'areas.judgment.minutes',
      reason:
        "Judgment: interviewer minutes and every figure made of them withheld, as fewer than 3 loops of other managers' requisitions recorded minutes in it, or 1 to 2 more or fewer than in another answer you can get.",
    })
    // junior holds the floor, but differs from all levels by senior's 2.
    expect(withheldIn(box('junior'))?.figure).toBe('areas.judgment.minutes')
  })
})
