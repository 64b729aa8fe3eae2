import type { Db } from '../../db/client'
import type { Store } from '../../db/store'
import { MIN_GROUP_APPLICANTS } from '../analytics/adverse-impact'
import { AnalyticsCache } from '../dataset/cache'
import { textAt, type AnalyticsDataset, type RowLists } from '../dataset/dataset'
import { questionKeysOf } from '../dataset/question-ratings'
import { ApiError } from '../lib/errors'
import { areaRatersOf } from './area-reliability'
import { buildCohort, type Cohort } from './cohort'
import { compareApplications } from './compare'
import { compareCandidates, type CompareCandidatesQuery } from './compare-candidates'
import type { Disclosure } from './context'
import { buildCatalog, type CellCatalog } from './disclosure/cells'
import { coarsen, publicationDate, boxKey, type Box } from './disclosure/publication'
import { describeBox, releaseFamily, type BoxRelease, type ShownBox } from './disclosure/release'
import { withheld } from './disclosure/withheld'
import type { AnalyticsFilters, CompositeQuery, QuestionsQuery, UtilityQuery } from './filters'
import { adverseImpactResponse } from './reports/adverse-impact'
import { compositeResponse } from './reports/composite'
import {
  backgroundsResponse,
  sourcesResponse,
  redFlagsResponse,
  restrictBackgrounds,
  restrictSources,
  restrictRedFlags,
} from './reports/group-rates'
import {
  incrementalValidityResponse,
  restrictIncrementalValidity,
  type IncrementalValidityResponse,
} from './reports/incremental-validity'
import { interviewersResponse, restrictInterviewers } from './reports/interviewers'
import { loopTimeResponse, restrictLoopTime } from './reports/loop-time'
import { panelSizingResponse, restrictPanelSizing } from './reports/panel-sizing'
import { questionsResponse, restrictQuestions } from './reports/questions'
import { restrictRetention, retentionResponse } from './reports/retention'
import { restrictSalary, salaryResponse } from './reports/salary'
import { restrictTimeToHire, timeToHireResponse } from './reports/time-to-hire'
import {
  modelResponse,
  requireModelCases,
  restrictValidity,
  validityResponse,
} from './reports/validity'
import { restrictValidityOverTime, validityOverTimeResponse } from './reports/validity-over-time'
import {
  expectancyResponse,
  restrictExpectancy,
  restrictUtility,
  utilityResponse,
} from './reports/worth'
import type { Scope } from './scope'

/** Fewest hires (not the viewer's own) any figure a hiring manager sees organisation-wide is over. */
export const DISCLOSURE_FLOOR = 10
/** Fewest applicants of a self-identified group any self-ID figure may differ by or rest on. */
export const SELF_ID_FLOOR = MIN_GROUP_APPLICANTS

/** How a report is computed over a cohort, and shaped for a restricted viewer. */
interface Report<Result extends { disclosure: Disclosure }> {
  name: string
  /** `catalog` is given for a restricted answer (its fixed bins come from there). */
  compute: (cohort: Cohort, catalog: CellCatalog | null) => Result
  restrict?: (result: Result, release: ShownBox, filters: AnalyticsFilters) => Result
  /** Self-identified groups: restricted for every viewer, at the self-ID floor. */
  selfId?: boolean
}

const noSuchRequisition = (id: string) =>
  new ApiError(404, 'not_found', `There is no requisition "${id}"`)

const ORGANISATION_NOTE = `Organisation-wide figures for hiring managers: as of the end of the last complete quarter, by whole calendar years of application, and only where every figure rests on at least ${DISCLOSURE_FLOOR} hires of other managers' requisitions and differs from every other such answer by none or at least ${DISCLOSURE_FLOOR}. Your own requisitions are shown exactly.`
const SELF_ID_NOTE = `Self-identified groups are shown as of the end of the last complete quarter, by whole calendar years of application, pooling any group with 1 to ${SELF_ID_FLOOR - 1} selected or not selected, and only where no other answer differs by 1 to ${SELF_ID_FLOOR - 1} applicants of a group.`

/**
 * Every analytics report, as the routes ask for them: a viewer's scope and the filters in,
 * the response out. Results are kept in memory per (report, filters) while the data version
 * holds. Organisation-wide answers to a hiring manager, and self-ID answers to everyone, go
 * through disclosure control (see "How it's computed").
 */
export class Analyses {
  private readonly cache: AnalyticsCache

  /**
   * `sqlite` is the store's own connection when the store is SQLite (its snapshots are read
   * there), else null.
   */
  constructor(
    readonly store: Store,
    sqlite: Db | null,
    readonly today: () => string,
    private readonly disclosureControl = true,
  ) {
    this.cache = new AnalyticsCache(store, sqlite)
  }

  /**
   * Brings the dataset and lookups up to the current data version: await it before asking
   * for a report, which then reads them synchronously.
   */
  prepare(): Promise<void> {
    return this.cache.prepare()
  }

  /** The rubric's dataset at the prepared data version; 404 for an unknown rubric. */
  datasetFor(rubricKey: string): AnalyticsDataset {
    return this.cache.datasetFor(rubricKey)
  }

  /** The requisition's rubric, if it exists and the owner (when given) owns it. */
  private requisitionExists(id: string, owner: number | null): boolean {
    const requisition = this.cache.lookups.requisitions.get(id)
    return requisition !== undefined && (owner === null || requisition.owner === owner)
  }

  private cohortOf(filters: AnalyticsFilters, asOf: string): Cohort {
    const dataset = this.cache.datasetFor(filters.rubric)
    const requisition = filters.requisition_id
    if (requisition !== undefined && !this.requisitionExists(requisition, null)) {
      throw noSuchRequisition(requisition)
    }
    return buildCohort(dataset, filters, asOf)
  }

  /**
   * A report over the cohort of the filters, from the cache when nothing changed. A hiring
   * manager gets another manager's requisition as unknown; their organisation-wide answers,
   * and everyone's self-ID answers, are restricted.
   */
  private run<Result extends { disclosure: Disclosure }>(
    report: Report<Result>,
    scope: Scope,
    filters: AnalyticsFilters,
  ): Result {
    const requisition = filters.requisition_id
    if (requisition !== undefined && report.selfId) {
      const message =
        'is not available for self-identified groups, which are shown by level, hire type and year only'
      throw new ApiError(400, 'invalid_request', `Invalid query: requisition_id ${message}`, [
        { field: 'requisition_id', message },
      ])
    }
    if (requisition !== undefined && scope.owner !== null) {
      if (!this.requisitionExists(requisition, scope.owner)) throw noSuchRequisition(requisition)
    }
    const restricted = report.selfId === true || (scope.restricted && requisition === undefined)
    if (!restricted || !this.disclosureControl) {
      const asOf = filters.as_of ?? this.today()
      return this.cache.remember(report.name, { ...filters, as_of: asOf }, () =>
        report.compute(this.cohortOf(filters, asOf), null),
      )
    }
    return this.restricted(report, scope, filters)
  }

  private restricted<Result extends { disclosure: Disclosure }>(
    report: Report<Result>,
    scope: Scope,
    filters: AnalyticsFilters,
  ): Result {
    const publication = publicationDate(this.today())
    const catalog = this.catalogFor(filters.rubric, publication)
    const coarse = coarsen(filters, publication, catalog.firstYear)
    if (!coarse) {
      throw withheld(
        `There are no applications in those years up to ${publication}, the date figures are shown as of.`,
      )
    }
    const releases = report.selfId
      ? this.releasesFor(catalog, filters.rubric, publication, null, 'self-id')
      : this.releasesFor(catalog, filters.rubric, publication, scope.owner, 'organisation')
    const release = releases.get(boxKey(coarse.box))!
    if (!release.released) throw withheld(release.reason)
    const result = this.cache.remember(`${report.name}:restricted`, coarse.filters, () =>
      report.compute(this.cohortOf(coarse.filters, publication), catalog),
    )
    const shaped = report.restrict ? report.restrict(result, release, coarse.filters) : result
    return {
      ...shaped,
      disclosure: {
        ...shaped.disclosure,
        restricted: true,
        floor: release.floor,
        notes: [
          report.selfId ? SELF_ID_NOTE : ORGANISATION_NOTE,
          ...coarse.notes.map((note) => `Shown: ${note}.`),
        ],
      },
    }
  }

  /** Every application known on the publication date, as the cells disclosure control counts. */
  private catalogFor(rubric: string, publication: string): CellCatalog {
    return this.cache.remember('disclosure-catalog', { rubric, publication }, () => {
      const base = this.cohortOf({ outcome: 'retained_12m', rubric }, publication)
      const { ratings, redFlags } = base.dataset
      return buildCatalog({
        base,
        interviewersOf: (row) => namesOf(ratings.interviewers, row),
        tagsOf: (row) => namesOf(redFlags, row),
        questionsOf: (row) => questionKeysOf(base.dataset.areas, base.dataset.questions, row),
      })
    })
  }

  /** Which boxes a viewer may be shown: per owner for hiring managers, one set for self-ID. */
  private releasesFor(
    catalog: CellCatalog,
    rubric: string,
    publication: string,
    owner: number | null,
    family: 'organisation' | 'self-id',
  ): Map<string, BoxRelease> {
    return this.cache.remember('disclosure-release', { rubric, publication, owner, family }, () => {
      if (family === 'self-id') {
        return releaseFamily(catalog, {
          floor: SELF_ID_FLOOR,
          partitions: catalog.selfIdPartitions,
          known: () => false,
          unit: 'applicants of one self-identified group',
          requirement: (count, box) =>
            count('decided') < SELF_ID_FLOOR
              ? `Self-identified figures for ${describeBox(box)} are withheld: fewer than ${SELF_ID_FLOOR} decided applications.`
              : null,
        })
      }
      const { requisitions } = this.cache.lookups
      const requisitionColumn = this.cache.datasetFor(rubric).text.requisitionId
      return releaseFamily(catalog, {
        floor: DISCLOSURE_FLOOR,
        partitions: catalog.partitions,
        known: (row) =>
          owner !== null && requisitions.get(textAt(requisitionColumn, row)!)?.owner === owner,
        unit: "hires of other managers' requisitions",
        requirement: (count, box) => organisationRequirement(count, box),
      })
    })
  }

  /** The unrestricted validity of a cohort, shared by the reports built on it. */
  private validityOf(cohort: Cohort) {
    return this.cache.remember('validity', { ...cohort.filters, as_of: cohort.asOf }, () =>
      validityResponse(cohort, this.ratersOf(cohort)),
    )
  }

  private readonly validityReport: Report<ReturnType<typeof validityResponse>> = {
    name: 'validity',
    compute: (cohort) => this.validityOf(cohort),
    restrict: restrictValidity,
  }

  validity(scope: Scope, filters: AnalyticsFilters) {
    return this.run(this.validityReport, scope, filters)
  }

  model(scope: Scope, filters: AnalyticsFilters) {
    return modelResponse(this.validity(scope, filters))
  }

  composite(scope: Scope, { weights, ...filters }: CompositeQuery) {
    return this.run(
      {
        name: `composite:${weights ?? ''}`,
        compute: (cohort) => compositeResponse(cohort, this.validityOf(cohort).model, weights),
        restrict: (result, release) => {
          requireModelCases(release)
          return result
        },
      },
      scope,
      filters,
    )
  }

  expectancy(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'expectancy',
        compute: (cohort) => expectancyResponse(cohort, this.validityOf(cohort).model),
        restrict: restrictExpectancy,
      },
      scope,
      filters,
    )
  }

  utility(scope: Scope, { weights, sdy_share, hourly_cost, ...filters }: UtilityQuery) {
    return this.run(
      {
        name: `utility:${weights ?? ''}:${sdy_share}:${hourly_cost}`,
        compute: (cohort) =>
          utilityResponse(cohort, this.validityOf(cohort).model, {
            weights,
            sdyShare: sdy_share,
            hourlyCost: hourly_cost,
          }),
        restrict: (result, release, coarse) =>
          restrictUtility(result, release, this.datasetFor(coarse.rubric).areas),
      },
      scope,
      filters,
    )
  }

  retention(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      { name: 'retention', compute: retentionResponse, restrict: restrictRetention },
      scope,
      filters,
    )
  }

  timeToHire(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'time-to-hire',
        compute: (cohort, catalog) => timeToHireResponse(cohort, catalog?.timeToHireCuts),
        restrict: restrictTimeToHire,
      },
      scope,
      filters,
    )
  }

  salary(scope: Scope, filters: AnalyticsFilters) {
    const report = this.run(
      { name: 'salary', compute: salaryResponse, restrict: restrictSalary },
      scope,
      filters,
    )
    if (scope.owner === null) return report
    // Per-hire rows only of the manager's own requisitions, found once per data version.
    const { owner } = scope
    const own = this.cache.remember('own-applications', { rubric: filters.rubric, owner }, () => {
      const { requisitions } = this.cache.lookups
      const dataset = this.cache.datasetFor(filters.rubric)
      const ids = new Set<string>()
      for (let row = 0; row < dataset.size; row++) {
        const requisition = textAt(dataset.text.requisitionId, row)!
        if (requisitions.get(requisition)?.owner === owner) ids.add(textAt(dataset.text.id, row)!)
      }
      return ids
    })
    return { ...report, hires: report.hires.filter((hire) => own.has(hire.application_id)) }
  }

  interviewers(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'interviewers',
        compute: interviewersResponse,
        restrict: restrictInterviewers,
      },
      scope,
      filters,
    )
  }

  redFlags(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'red-flags',
        compute: (cohort) => {
          const named = this.cache.lookups.redFlagNames
          return redFlagsResponse(
            cohort,
            (row) => namesOf(cohort.dataset.redFlags, row),
            (key) => named(cohort.dataset.rubric.id, [key])[0]!.name,
          )
        },
        restrict: restrictRedFlags,
      },
      scope,
      filters,
    )
  }

  backgrounds(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      { name: 'backgrounds', compute: backgroundsResponse, restrict: restrictBackgrounds },
      scope,
      filters,
    )
  }

  sources(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      { name: 'sources', compute: sourcesResponse, restrict: restrictSources },
      scope,
      filters,
    )
  }

  loopTime(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'loop-time',
        compute: (cohort) => loopTimeResponse(cohort, this.validityOf(cohort)),
        restrict: (result, release, coarse) =>
          restrictLoopTime(
            result,
            restrictValidity(this.validityOf(this.cohortOf(coarse, result.as_of)), release),
            release,
          ),
      },
      scope,
      filters,
    )
  }

  /** Each area's ICC(1) and interviewers per loop: read by validity and panel sizing. */
  private ratersOf(cohort: Cohort) {
    return this.cache.remember('area-raters', { ...cohort.filters, as_of: cohort.asOf }, () =>
      areaRatersOf(cohort),
    )
  }

  /** What each area adds beyond the others, shared by the reports built on it. */
  private incrementsOf(cohort: Cohort) {
    return this.cache.remember(
      'incremental-validity',
      { ...cohort.filters, as_of: cohort.asOf },
      () => incrementalValidityResponse(cohort),
    )
  }

  incrementalValidity(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'incremental-validity',
        compute: (cohort) => this.incrementsOf(cohort),
        restrict: restrictIncrementalValidity,
      },
      scope,
      filters,
    )
  }

  panelSizing(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'panel-sizing',
        compute: (cohort) =>
          panelSizingResponse(cohort, this.incrementsOf(cohort), this.ratersOf(cohort)),
        restrict: (result, release, coarse) => {
          let increments: IncrementalValidityResponse | null = null
          // Without the floor for the model, the hours are shown without what the test says.
          if (release.visible('complete')) {
            increments = restrictIncrementalValidity(
              this.incrementsOf(this.cohortOf(coarse, result.as_of)),
              release,
            )
          }
          return restrictPanelSizing(result, release, increments)
        },
      },
      scope,
      filters,
    )
  }

  validityOverTime(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      {
        name: 'validity-over-time',
        compute: validityOverTimeResponse,
        restrict: restrictValidityOverTime,
      },
      scope,
      filters,
    )
  }

  /** Per question within each area (or the one asked for; 400 for an area the rubric lacks). */
  questions(scope: Scope, { area, ...filters }: QuestionsQuery) {
    if (area !== undefined) {
      const areas = this.datasetFor(filters.rubric).areas.map((entry) => entry.key)
      if (!areas.includes(area)) {
        const message = `must be one of the rubric's areas: ${areas.join(', ')} (got "${area.slice(0, 40)}")`
        throw new ApiError(400, 'invalid_request', `Invalid query: area ${message}`, [
          { field: 'area', message },
        ])
      }
    }
    const report = this.run(
      {
        name: 'questions',
        compute: questionsResponse,
        restrict: restrictQuestions,
      },
      scope,
      filters,
    )
    return area === undefined
      ? report
      : { ...report, areas: report.areas.filter((entry) => entry.key === area) }
  }

  compare(scope: Scope, applicationIds: readonly string[]) {
    return compareApplications(this, scope, applicationIds)
  }

  compareCandidates(scope: Scope, query: CompareCandidatesQuery) {
    return compareCandidates(this, scope, query)
  }

  /**
   * Loads every rubric's dataset, and with disclosure control the cells it counts, so that
   * the first request does not wait for them.
   */
  warm(): void {
    const publication = publicationDate(this.today())
    for (const key of this.cache.lookups.rubricKeys) {
      this.cache.datasetFor(key)
      if (!this.disclosureControl) continue
      try {
        this.catalogFor(key, publication)
      } catch (error) {
        // A rubric with nothing to count yet: its first request says so.
        if (!(error instanceof ApiError)) throw error
      }
    }
  }

  adverseImpact(scope: Scope, filters: AnalyticsFilters) {
    return this.run(
      { name: 'adverse-impact', compute: adverseImpactResponse, selfId: true },
      scope,
      filters,
    )
  }
}

/** The names of a row's items. */
function namesOf(lists: RowLists, row: number): string[] {
  const names: string[] = []
  for (let slot = lists.start[row]!; slot < lists.start[row + 1]!; slot++) {
    names.push(lists.names[lists.items[slot]!]!)
  }
  return names
}

/** A box a hiring manager may see at all: enough hires, and enough who stayed and who left. */
function organisationRequirement(count: (key: string) => number, box: Box): string | null {
  if (count('hire') < DISCLOSURE_FLOOR) {
    return `Organisation-wide figures are shown to hiring managers over at least ${DISCLOSURE_FLOOR} hires of other managers' requisitions; ${describeBox(box)} has fewer. Widen the filter to take in more hires.`
  }
  if (count('stayed') < DISCLOSURE_FLOOR || count('left') < DISCLOSURE_FLOOR) {
    return `Organisation-wide figures for ${describeBox(box)} are withheld: fewer than ${DISCLOSURE_FLOOR} of other managers' hires in it stayed twelve months, or fewer than ${DISCLOSURE_FLOOR} left within them, so the figures could tell single people's outcomes.`
  }
  return null
}
