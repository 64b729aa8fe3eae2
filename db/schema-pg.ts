import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import {
  ATS_SOURCES,
  BACKGROUNDS,
  BENCHMARK_METRICS,
  DECISIONS,
  DEPARTURES,
  HIRE_TYPES,
  LEVELS,
  RATING_MAX,
  RATING_MIN,
  USER_ROLES,
} from './domain'

/**
 * The tables of `schema.ts` in PostgreSQL's types, for teams that share one database between
 * several instances. Each table, column, key, index and check has the same name and meaning as
 * in SQLite; `test/dataset/schema-dialects.test.ts` compares the two column by column, so a
 * change to one that the other lacks fails the tests. Dates stay ISO-8601 text, as in SQLite,
 * so both hand the application the same values.
 */

/** Bytes: SQLite's blob. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

/** An id the database numbers, which an import or a restore may also set itself. */
const serialId = () => integer('id').primaryKey().generatedByDefaultAsIdentity()

export const rubrics = pgTable('rubrics', {
  id: serialId(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
})

export const rubricAreas = pgTable(
  'rubric_areas',
  {
    id: serialId(),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('rubric_areas_rubric_key').on(table.rubricId, table.key)],
)

export const rubricLevelWeights = pgTable(
  'rubric_level_weights',
  {
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id, { onDelete: 'cascade' }),
    level: text('level', { enum: LEVELS }).notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.areaId, table.level] }),
    check('rubric_level_weights_weight', sql`${table.weight} >= 0 AND ${table.weight} <= 1`),
  ],
)

export const rubricRedFlags = pgTable(
  'rubric_red_flags',
  {
    id: serialId(),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
  },
  (table) => [uniqueIndex('rubric_red_flags_rubric_key').on(table.rubricId, table.key)],
)

export const attributeMappings = pgTable(
  'attribute_mappings',
  {
    id: serialId(),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ATS_SOURCES }).notNull(),
    attribute: text('attribute').notNull(),
    attributeKey: text('attribute_key').notNull(),
    areaId: integer('area_id').references(() => rubricAreas.id, { onDelete: 'cascade' }),
  },
  (table) => [
    uniqueIndex('attribute_mappings_source_key').on(
      table.rubricId,
      table.source,
      table.attributeKey,
    ),
  ],
)

export const users = pgTable('users', {
  id: serialId(),
  email: text('email').notNull().unique(),
  name: text('name'),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash'),
  createdAt: text('created_at')
    .notNull()
    .default(sql`to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`),
  disabledAt: text('disabled_at'),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
})

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (table) => [index('sessions_user').on(table.userId)],
)

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serialId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (table) => [index('api_tokens_user').on(table.userId)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: serialId(),
    at: text('at').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (table) => [index('audit_log_at').on(table.at)],
)

export const requisitions = pgTable(
  'requisitions',
  {
    id: text('id').primaryKey(),
    title: text('title'),
    level: text('level', { enum: LEVELS }).notNull(),
    hireType: text('hire_type', { enum: HIRE_TYPES }),
    openedAt: text('opened_at'),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id),
    ownerUserId: integer('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (table) => [index('requisitions_level').on(table.level)],
)

export const candidates = pgTable('candidates', {
  id: text('id').primaryKey(),
  name: text('name'),
  background: text('background', { enum: BACKGROUNDS }),
  erasedAt: text('erased_at'),
})

export const applications = pgTable(
  'applications',
  {
    id: text('id').primaryKey(),
    candidateId: text('candidate_id')
      .notNull()
      .references(() => candidates.id),
    requisitionId: text('requisition_id')
      .notNull()
      .references(() => requisitions.id),
    appliedAt: text('applied_at').notNull(),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    source: text('source'),
    metro: text('metro'),
    selfIdGroup: text('self_id_group'),
  },
  (table) => [
    index('applications_requisition').on(table.requisitionId),
    index('applications_applied_at').on(table.appliedAt),
    index('applications_candidate').on(table.candidateId),
  ],
)

export const interviewers = pgTable('interviewers', {
  id: serialId(),
  handle: text('handle').notNull().unique(),
})

export const scores = pgTable(
  'scores',
  {
    id: serialId(),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id),
    interviewerId: integer('interviewer_id')
      .notNull()
      .references(() => interviewers.id),
    rating: doublePrecision('rating').notNull(),
    interviewedAt: text('interviewed_at'),
    minutes: integer('minutes'),
    redFlags: jsonb('red_flags').$type<string[]>().notNull().default([]),
    note: text('note'),
    question: text('question'),
  },
  (table) => [
    uniqueIndex('scores_application_area_interviewer').on(
      table.applicationId,
      table.areaId,
      table.interviewerId,
    ),
    check(
      'scores_rating_range',
      sql`${table.rating} >= ${sql.raw(String(RATING_MIN))} AND ${table.rating} <= ${sql.raw(String(RATING_MAX))}`,
    ),
  ],
)

export const applicationAreaScores = pgTable(
  'application_area_scores',
  {
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id),
    ratingSum: doublePrecision('rating_sum').notNull(),
    ratings: integer('ratings').notNull(),
    minutes: integer('minutes'),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.areaId] })],
)

export const offers = pgTable(
  'offers',
  {
    applicationId: text('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    salary: doublePrecision('salary'),
    currency: text('currency').notNull().default('USD'),
    acceptedAt: text('accepted_at'),
  },
  (table) => [check('offers_salary_positive', sql`${table.salary} IS NULL OR ${table.salary} > 0`)],
)

export const employments = pgTable(
  'employments',
  {
    applicationId: text('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    departure: text('departure', { enum: DEPARTURES }),
  },
  (table) => [
    check(
      'employments_end_after_start',
      sql`${table.endDate} IS NULL OR ${table.endDate} >= ${table.startDate}`,
    ),
  ],
)

export const benchmarks = pgTable('benchmarks', {
  id: serialId(),
  metric: text('metric', { enum: BENCHMARK_METRICS }).notNull(),
  level: text('level', { enum: LEVELS }),
  metro: text('metro'),
  value: doublePrecision('value'),
  low: doublePrecision('low'),
  high: doublePrecision('high'),
  unit: text('unit').notNull(),
  source: text('source').notNull(),
  sourceDate: text('source_date').notNull(),
  note: text('note'),
})

export const analyticsSnapshots = pgTable('analytics_snapshots', {
  rubricId: integer('rubric_id')
    .primaryKey()
    .references(() => rubrics.id, { onDelete: 'cascade' }),
  dataVersion: text('data_version').notNull(),
  payload: bytea('payload').notNull(),
})

export const analyticsSnapshotParts = pgTable(
  'analytics_snapshot_parts',
  {
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (table) => [primaryKey({ columns: [table.rubricId, table.part] })],
)

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: serialId(),
    key: text('key').notNull(),
    state: text('state', { enum: ['pending', 'failed'] }).notNull(),
    // Milliseconds since the epoch do not fit PostgreSQL's 32-bit integer.
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (table) => [
    index('login_attempts_key_at').on(table.key, table.at),
    index('login_attempts_at').on(table.at),
  ],
)

export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})
