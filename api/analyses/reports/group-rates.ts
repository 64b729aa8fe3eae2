import { z } from '@hono/zod-openapi'
import {
  countApplication,
  emptyCounts,
  groupRates,
  groupRateSchema,
  type GroupCounts,
} from '../../analytics/group-rates'
import { textAt } from '../../dataset/dataset'
import { selectionAt, type Cohort } from '../cohort'
import { contextOf, contextShape, type Disclosure } from '../context'
import { ATTRIBUTE_GROUPS, NOT_STATED } from '../disclosure/cells'
import type { ShownBox } from '../disclosure/release'
import { saying } from '../disclosure/withheld'

export const groupRatesResponseSchema = z
  .object({
    ...contextShape,
    groups: z.array(
      groupRateSchema.extend({
        name: z.string().openapi({
          description:
            "How the group is shown: a red-flag tag by its rubric's name, a background as recorded",
        }),
      }),
    ),
  })
  .openapi('GroupRates')
type GroupRatesResponse = z.infer<typeof groupRatesResponseSchema>

/** Hire and retention rates of the cohort's applications in each group `groupsOf` names. */
function ratesBy(
  cohort: Cohort,
  groupsOf: (row: number) => Iterable<string>,
  nameOf: (key: string) => string,
) {
  const groups = new Map<string, GroupCounts>()
  for (const row of cohort.rows) {
    const selection = selectionAt(cohort, row)
    const known = cohort.outcomeOfRow[row]!
    const outcome = known === -1 ? null : (known as 0 | 1)
    for (const key of groupsOf(row)) {
      const counts = groups.get(key) ?? emptyCounts()
      countApplication(counts, selection, outcome)
      groups.set(key, counts)
    }
  }
  return {
    ...contextOf(cohort),
    groups: groupRates(groups).map((group) => ({ ...group, name: nameOf(group.key) })),
  }
}

/**
 * Rates by red-flag tag: an application counts under every tag any of its ratings carry.
 * `nameOf` gives a tag the rubric's name for it.
 */
export function redFlagsResponse(
  cohort: Cohort,
  tagsOf: (row: number) => readonly string[],
  nameOf: (key: string) => string,
): GroupRatesResponse {
  return ratesBy(cohort, tagsOf, nameOf)
}

type Attribute = (typeof ATTRIBUTE_GROUPS)[number]
const [BACKGROUND, SOURCE] = ATTRIBUTE_GROUPS

/** Rates by an attribute every application has one value of (or none, "not stated"). */
function ratesByAttribute(cohort: Cohort, attribute: Attribute): GroupRatesResponse {
  const column = cohort.dataset.text[attribute.field]
  return ratesBy(
    cohort,
    (row) => [textAt(column, row) ?? NOT_STATED],
    (key) => key,
  )
}

export function backgroundsResponse(cohort: Cohort): GroupRatesResponse {
  return ratesByAttribute(cohort, BACKGROUND)
}

/** Rates by source of hire (referral, inbound, agency, …), as the application records it. */
export function sourcesResponse(cohort: Cohort): GroupRatesResponse {
  return ratesByAttribute(cohort, SOURCE)
}

/** A group's hire rate and retention, each only where its parts reach the floor. */
function restrictGroups(
  response: GroupRatesResponse,
  groups: GroupRatesResponse['groups'],
  release: ShownBox,
  prefix: string,
  alsoWithheld: Disclosure['withheld'],
): GroupRatesResponse {
  const withheldFigures = [...alsoWithheld]
  const shaped = groups.map((group) => {
    const decisions = release.visible(`${prefix} ${group.key} decisions`)
    const outcomes = release.visible(`${prefix} ${group.key} outcomes`)
    if (!decisions) {
      withheldFigures.push({
        figure: `groups.${group.key}.hire_rate`,
        reason: `${group.name}: the hire rate is withheld, as fewer than ${release.floor} of other managers' applicants were hired, or fewer than ${release.floor} were not.`,
      })
    }
    if (!outcomes) {
      withheldFigures.push({
        figure: `groups.${group.key}.retention_rate`,
        reason: `${group.name}: retention is withheld, as fewer than ${release.floor} of other managers' hires stayed, or fewer than ${release.floor} left.`,
      })
    }
    return {
      ...group,
      ...(decisions ? {} : { hired: null, hire_rate: null, hire_rate_ci: null }),
      ...(outcomes ? {} : { retained: null, retention_rate: null, retention_rate_ci: null }),
    }
  })
  return saying({ ...response, groups: shaped }, withheldFigures)
}

/** A restricted answer: only tags on at least the floor of other managers' applications. */
export function restrictRedFlags(
  response: GroupRatesResponse,
  release: ShownBox,
): GroupRatesResponse {
  const shown = response.groups.filter((group) => release.visible(`flag ${group.key}`))
  const hidden = response.groups.length - shown.length
  const note = `${hidden} tag${hidden === 1 ? '' : 's'} on fewer than ${release.floor} of other managers' applications not shown.`
  const hiddenTags = hidden > 0 ? [{ figure: 'groups', reason: note }] : []
  return restrictGroups(response, shown, release, 'flag', hiddenTags)
}

/**
 * A restricted answer: the attribute's groups only when every one of them reaches the floor,
 * since the rest could be worked out from the organisation's totals.
 */
function restrictAttribute(
  response: GroupRatesResponse,
  release: ShownBox,
  attribute: Attribute,
  label: string,
): GroupRatesResponse {
  if (!release.visible(attribute.partition)) {
    return saying({ ...response, groups: [] }, [
      {
        figure: 'groups',
        reason: `${label}: withheld, as one holds fewer than ${release.floor} of other managers' applications, and the others would give it away.`,
      },
    ])
  }
  return restrictGroups(response, response.groups, release, attribute.prefix, [])
}

export function restrictBackgrounds(
  response: GroupRatesResponse,
  release: ShownBox,
): GroupRatesResponse {
  return restrictAttribute(response, release, BACKGROUND, 'Backgrounds')
}

export function restrictSources(
  response: GroupRatesResponse,
  release: ShownBox,
): GroupRatesResponse {
  return restrictAttribute(response, release, SOURCE, 'Sources')
}
