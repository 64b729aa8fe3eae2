import { LEVELS, type Level } from '../../../db/domain'
import { attributeKey } from '../attribute-mapping'
import {
  asArray,
  asRecord,
  isoDay,
  kindOf,
  textOf,
  type ConvertedRow,
  type JsonObject,
  type RecordProblem,
} from './json-values'

/** The Greenhouse Harvest exports Loopscope reads, told apart by the fields of a record. */
export type GreenhouseKind = 'applications' | 'jobs' | 'offers' | 'candidates' | 'scorecards'

export function greenhouseKind(record: unknown): GreenhouseKind | null {
  const value = asRecord(record)
  if (!value) return null
  const has = (key: string) => Object.hasOwn(value, key)
  if (has('attributes') && has('application_id')) return 'scorecards'
  if (has('candidate_id') && has('status') && (has('jobs') || has('applied_at'))) {
    return 'applications'
  }
  if (has('application_id') && has('status') && (has('starts_at') || has('version')))
    return 'offers'
  if (has('first_name') && has('last_name') && (has('application_ids') || has('applications'))) {
    return 'candidates'
  }
  if (has('name') && (has('openings') || has('requisition_id') || has('hiring_team'))) return 'jobs'
  return null
}

/** Greenhouse attribute ratings on Loopscope's 1–4 scale; `no_decision` is no rating. */
export const GREENHOUSE_RATINGS: Readonly<Record<string, number | null>> = {
  definitely_not: 1,
  no: 2,
  mixed: 2.5,
  yes: 3,
  strong_yes: 4,
  no_decision: null,
}

/** A rating word's value, null for no decision, undefined for a word that is not a rating. */
function ratingOf(word: string): number | null | undefined {
  return Object.hasOwn(GREENHOUSE_RATINGS, word) ? GREENHOUSE_RATINGS[word] : undefined
}

/** A custom field by any of its names, from `custom_fields` or `keyed_custom_fields`. */
function customField(record: JsonObject, names: readonly string[]): unknown {
  const wanted = new Set(names.map(attributeKey))
  for (const [key, value] of Object.entries(asRecord(record.custom_fields) ?? {})) {
    if (wanted.has(attributeKey(key.replace(/_/g, ' '))) && value !== null) return value
  }
  for (const [key, field] of Object.entries(asRecord(record.keyed_custom_fields) ?? {})) {
    const entry = asRecord(field)
    const name = typeof entry?.name === 'string' ? entry.name : key.replace(/_/g, ' ')
    if ((wanted.has(attributeKey(name)) || wanted.has(attributeKey(key))) && entry?.value != null) {
      return entry.value
    }
  }
  return undefined
}

/** A level from a custom field or a word of the job's name. */
function levelOf(job: JsonObject): Level | null {
  const words = [textOf(customField(job, ['level', 'seniority', 'job level'])), textOf(job.name)]
  for (const text of words) {
    const lower = text.toLowerCase()
    const found = LEVELS.find((level) => new RegExp(`\\b${level}\\b`).test(lower))
    if (found) return found
    if (/\b(entry|graduate|associate)\b/.test(lower)) return 'junior'
    if (/\bintermediate\b/.test(lower)) return 'mid'
  }
  return null
}

function hireTypeOf(job: JsonObject): string {
  const type = attributeKey(textOf(customField(job, ['employment type', 'employment_type'])))
  if (/contract.*hire|temp.*perm/.test(type)) return 'contract_to_hire'
  if (/contract/.test(type)) return 'contract'
  if (/full|part|perm|employee/.test(type)) return 'direct'
  return ''
}

/** An amount as written: digits, optionally in groups of three with commas, and decimals. */
const AMOUNT = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/

/** What a salary says, or why it cannot be read; null when there is none. */
export type Salary = { amount: string; currency: string | null } | { problem: string }

function amountOf(text: string, currency: string | null): Salary | null {
  const bare = text.replace(/[$€£\s]|USD|EUR|GBP/g, '')
  if (bare === '') return null
  if (!AMOUNT.test(bare)) {
    return {
      problem: `the offer salary "${text.slice(0, 40)}" is not an amount: write it as 150000 or 150,000`,
    }
  }
  return { amount: bare.replaceAll(',', ''), currency }
}

/** A salary given as a number, "$150,000", {value, currency} or {amount, unit}. */
export function salaryOf(value: unknown): Salary | null {
  if (value === undefined || value === null || value === '') return null
  if (typeof value === 'number') return { amount: String(value), currency: null }
  if (typeof value === 'string') {
    const currency = /[€£]|EUR|GBP/.test(value) ? (/[£]|GBP/.test(value) ? 'GBP' : 'EUR') : null
    return amountOf(value, currency)
  }
  const object = asRecord(value)
  if (!object) {
    return {
      problem: `the offer salary must be a number, text or {value, currency} (got ${kindOf(value)})`,
    }
  }
  const amount = object.value ?? object.amount
  const unit = object.currency ?? object.unit
  const currency = typeof unit === 'string' ? unit : null
  if (amount === undefined || amount === null || amount === '') return null
  if (typeof amount === 'number') return { amount: String(amount), currency }
  if (typeof amount === 'string') return amountOf(amount, currency)
  return {
    problem: `the offer salary's value must be a number or text (got ${kindOf(amount)})`,
  }
}

function decisionOf(application: JsonObject): string {
  const status = textOf(application.status)
  if (status === 'hired') return 'hired'
  if (status === 'rejected') {
    const reason = asRecord(application.rejection_reason)
    const type = textOf(asRecord(reason?.type)?.name ?? reason?.name).toLowerCase()
    return /candidate|they rejected|withdr/.test(type) ? 'withdrew' : 'rejected'
  }
  if (status === 'active' || status === 'converted') return 'pending'
  return status
}

export interface GreenhouseLookups {
  jobs: Map<string, JsonObject>
  /** The accepted (else latest) offer of each application, and where it was read. */
  offers: Map<string, { offer: JsonObject; file: string; path: string }>
  candidates: Map<string, JsonObject>
}

export function emptyLookups(): GreenhouseLookups {
  return { jobs: new Map(), offers: new Map(), candidates: new Map() }
}

/**
 * Keeps a record of a jobs, offers or candidates export for the applications to use; a record
 * that is not an object, or has no id to be found by, is a problem.
 */
export function rememberLookup(
  lookups: GreenhouseLookups,
  kind: 'jobs' | 'offers' | 'candidates',
  record: unknown,
  file: string,
  path: string,
): RecordProblem | null {
  const value = asRecord(record)
  if (!value) return { path, column: null, message: `expected an object (got ${kindOf(record)})` }
  const idKey = kind === 'offers' ? 'application_id' : 'id'
  const id = textOf(value[idKey])
  if (id === '')
    return { path: `${path}.${idKey}`, column: null, message: `the record has no ${idKey}` }
  if (kind === 'offers') {
    const earlier = lookups.offers.get(id)?.offer
    const better =
      !earlier ||
      (value.status === 'accepted' && earlier.status !== 'accepted') ||
      (value.status === earlier.status && Number(value.version ?? 0) > Number(earlier.version ?? 0))
    if (better) lookups.offers.set(id, { offer: value, file, path })
    return null
  }
  lookups[kind].set(id, value)
  return null
}

/** Columns a Greenhouse application states; end dates and departures come from elsewhere. */
export const GREENHOUSE_APPLICATION_COLUMNS = [
  'application_id',
  'candidate_id',
  'candidate_name',
  'requisition_id',
  'requisition_title',
  'level',
  'hire_type',
  'opened_at',
  'applied_at',
  'decision',
  'offer_salary',
  'offer_accepted_at',
  'start_date',
  'source',
  'metro',
] as const

/** A Greenhouse application, with its job, offer and candidate, as a row of applications.csv. */
export function greenhouseApplication(
  record: unknown,
  path: string,
  lookups: GreenhouseLookups,
): ConvertedRow {
  const application = asRecord(record)
  const problems: RecordProblem[] = []
  if (!application) {
    return { values: null, problems: [{ path, column: null, message: 'expected an object' }] }
  }
  const jobRef = asRecord(asArray(application.jobs)[0])
  const jobId = textOf(jobRef?.id)
  const job = lookups.jobs.get(jobId) ?? jobRef ?? {}
  const level = levelOf(job)
  if (jobId !== '' && level === null) {
    problems.push({
      path: `${path}.jobs[0]`,
      column: 'level',
      message: `job ${jobId} ("${textOf(job.name).slice(0, 60)}") has no level: give it a custom field "level" (${LEVELS.join(', ')}) or a level word in its name`,
    })
  }
  const candidate = lookups.candidates.get(textOf(application.candidate_id))
  const offer = lookups.offers.get(textOf(application.id))?.offer
  const accepted = offer?.status === 'accepted'
  const read = offer
    ? salaryOf(customField(offer, ['salary', 'base salary', 'annual salary']))
    : null
  if (read && 'problem' in read)
    problems.push({ path, column: 'offer_salary', message: read.problem })
  const salary = read && 'amount' in read ? read : null
  if (salary?.currency && salary.currency.toUpperCase() !== 'USD') {
    problems.push({
      path,
      column: 'offer_salary',
      message: `the offer salary is in ${salary.currency}: salaries are compared with USD benchmarks, so convert it to USD or leave it out`,
    })
  }
  const decision = decisionOf(application)
  const values: Record<string, string> = {
    application_id: textOf(application.id),
    candidate_id: textOf(application.candidate_id),
    candidate_name: candidate
      ? `${textOf(candidate.first_name)} ${textOf(candidate.last_name)}`.trim()
      : '',
    requisition_id: jobId,
    requisition_title: textOf(job.name),
    level: level ?? '',
    hire_type: hireTypeOf(job),
    opened_at: isoDay(job.opened_at),
    applied_at: isoDay(application.applied_at),
    decision,
    offer_salary: salary?.amount ?? '',
    offer_accepted_at: accepted ? isoDay(offer.resolved_at) : '',
    start_date: accepted && decision === 'hired' ? isoDay(offer.starts_at) : '',
    source: textOf(asRecord(application.source)?.public_name),
    metro: textOf(asRecord(application.location)?.address),
  }
  return { values, problems }
}

/** A handle for a Greenhouse user: their name as first.last, or their id. */
function handleOf(user: JsonObject | null): string {
  if (!user) return ''
  const name = textOf(user.name) || `${textOf(user.first_name)} ${textOf(user.last_name)}`.trim()
  // Bytes that were not UTF-8 stay visible, for the field check to refuse, not folded away.
  if (name.includes('\uFFFD')) return name
  const handle = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')
  return handle || (user.id !== undefined ? `greenhouse-user-${textOf(user.id)}` : '')
}

export interface ScorecardRating {
  path: string
  /** The attribute's name, to be mapped to a rubric area. */
  attribute: string
  rating: number
  note: string
}

export interface ConvertedScorecard {
  applicationId: string
  interviewer: string
  interviewedAt: string
  ratings: ScorecardRating[]
  problems: RecordProblem[]
}

/** A Greenhouse scorecard's attribute ratings on the 1–4 scale, skipping "no decision". */
export function greenhouseScorecard(record: unknown, path: string): ConvertedScorecard {
  const scorecard = asRecord(record) ?? {}
  const problems: RecordProblem[] = []
  const ratings: ScorecardRating[] = []
  if (!asRecord(record)) {
    problems.push({ path, column: null, message: `expected an object (got ${kindOf(record)})` })
  } else if (!Array.isArray(scorecard.attributes)) {
    problems.push({
      path: `${path}.attributes`,
      column: 'rating',
      message: `attributes must be an array of attribute ratings (got ${kindOf(scorecard.attributes)})`,
    })
  }
  asArray(scorecard.attributes).forEach((entry, index) => {
    const attribute = asRecord(entry)
    const at = `${path}.attributes[${index}]`
    if (!attribute) {
      problems.push({
        path: at,
        column: 'rating',
        message: `an attribute must be an object with a name and a rating (got ${kindOf(entry)})`,
      })
      return
    }
    const name = textOf(attribute.name).trim()
    const raw = attribute.rating
    if (raw === null || raw === undefined) return
    const rating = ratingOf(textOf(raw))
    if (rating === undefined) {
      problems.push({
        path: `${at}.rating`,
        column: 'rating',
        message: `rating must be one of ${Object.keys(GREENHOUSE_RATINGS).join(', ')} (got "${textOf(raw).slice(0, 40)}")`,
      })
      return
    }
    if (rating === null) return
    if (name === '') {
      problems.push({ path: `${at}.name`, column: 'area', message: 'the attribute has no name' })
      return
    }
    ratings.push({ path: at, attribute: name, rating, note: textOf(attribute.note) })
  })
  // The overall recommendation is one more attribute: map it to an area, or ignore it.
  const overall = scorecard.overall_recommendation
  const overallRating = overall === null || overall === undefined ? null : ratingOf(textOf(overall))
  if (overallRating === undefined) {
    problems.push({
      path: `${path}.overall_recommendation`,
      column: 'rating',
      message: `overall_recommendation must be one of ${Object.keys(GREENHOUSE_RATINGS).join(', ')} (got "${textOf(overall).slice(0, 40)}")`,
    })
  } else if (overallRating !== null) {
    ratings.push({
      path: `${path}.overall_recommendation`,
      attribute: 'Overall recommendation',
      rating: overallRating,
      note: '',
    })
  }
  return {
    applicationId: textOf(scorecard.application_id),
    interviewer: handleOf(asRecord(scorecard.interviewer) ?? asRecord(scorecard.submitted_by)),
    interviewedAt: isoDay(scorecard.interviewed_at),
    ratings,
    problems,
  }
}
