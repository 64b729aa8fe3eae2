import { sql } from 'drizzle-orm'
import {
  blob,
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'
import { createInsertSchema, createSelectSchema } from 'drizzle-zod'
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

/** A rubric is data, not code: each role family (Rust, Go, data) brings its own areas. */
export const rubrics = sqliteTable('rubrics', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
})

export const rubricAreas = sqliteTable(
  'rubric_areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('rubric_areas_rubric_key').on(table.rubricId, table.key)],
)

export const rubricLevelWeights = sqliteTable(
  'rubric_level_weights',
  {
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id, { onDelete: 'cascade' }),
    level: text('level', { enum: LEVELS }).notNull(),
    weight: real('weight').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.areaId, table.level] }),
    check('rubric_level_weights_weight', sql`${table.weight} >= 0 AND ${table.weight} <= 1`),
  ],
)

export const rubricRedFlags = sqliteTable(
  'rubric_red_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    name: text('name').notNull(),
  },
  (table) => [uniqueIndex('rubric_red_flags_rubric_key').on(table.rubricId, table.key)],
)

/**
 * How an applicant-tracking system's attribute ("Problem Solving", "Rust ownership") maps to
 * a rubric area; a null area means the attribute is deliberately ignored.
 */
export const attributeMappings = sqliteTable(
  'attribute_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    source: text('source', { enum: ATS_SOURCES }).notNull(),
    /** The attribute as the system names it. */
    attribute: text('attribute').notNull(),
    /** Lower-cased with single spaces: what names are matched on. */
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

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  role: text('role', { enum: USER_ROLES }).notNull(),
  passwordHash: text('password_hash'),
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  /** A disabled user cannot sign in and their sessions and tokens stop working. */
  disabledAt: text('disabled_at'),
  /** Set while the password is one that was printed (first admin, generated): change it first. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
})

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessions = sqliteTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back in X-CSRF-Token on every write made with the cookie. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (table) => [index('sessions_user').on(table.userId)],
)

/** A token for scripts, shown once when created; only its SHA-256 is stored. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

/** Who did what to the data and when: imports, exports, edits, users, erasures. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The acting user's id and email as they were, kept if the user is later removed. */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (table) => [index('audit_log_at').on(table.at)],
)

export const requisitions = sqliteTable(
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

export const candidates = sqliteTable('candidates', {
  id: text('id').primaryKey(),
  name: text('name'),
  background: text('background', { enum: BACKGROUNDS }),
  /** Set when the candidate's personal data was erased; later imports do not bring it back. */
  erasedAt: text('erased_at'),
})

export const applications = sqliteTable(
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
    /** Voluntary self-identified group, for adverse-impact aggregates only: never shown per person. */
    selfIdGroup: text('self_id_group'),
  },
  (table) => [
    index('applications_requisition').on(table.requisitionId),
    index('applications_applied_at').on(table.appliedAt),
    index('applications_candidate').on(table.candidateId),
  ],
)

export const interviewers = sqliteTable('interviewers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  handle: text('handle').notNull().unique(),
})

export const scores = sqliteTable(
  'scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id),
    interviewerId: integer('interviewer_id')
      .notNull()
      .references(() => interviewers.id),
    rating: real('rating').notNull(),
    interviewedAt: text('interviewed_at'),
    minutes: integer('minutes'),
    redFlags: text('red_flags', { mode: 'json' }).$type<string[]>().notNull().default([]),
    note: text('note'),
    /** The question the rating answers, within its area; null where the import named none. */
    question: text('question'),
  },
  (table) => [
    // Also the covering order for per-application area means (GROUP BY application, area).
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

/**
 * Per application and area, the sum and count of the ratings and the minutes spent: the one
 * row per application that analytics read, kept in step with `scores` by every write to it.
 */
export const applicationAreaScores = sqliteTable(
  'application_area_scores',
  {
    applicationId: text('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => rubricAreas.id),
    ratingSum: real('rating_sum').notNull(),
    ratings: integer('ratings').notNull(),
    minutes: integer('minutes'),
  },
  (table) => [primaryKey({ columns: [table.applicationId, table.areaId] })],
)

export const offers = sqliteTable(
  'offers',
  {
    applicationId: text('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    salary: real('salary'),
    currency: text('currency').notNull().default('USD'),
    acceptedAt: text('accepted_at'),
  },
  (table) => [check('offers_salary_positive', sql`${table.salary} IS NULL OR ${table.salary} > 0`)],
)

/** The outcome of a hire: when they started and, if they left, when and why. */
export const employments = sqliteTable(
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

/** Market figures to hold the organisation's own numbers against, each with its source. */
export const benchmarks = sqliteTable('benchmarks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  metric: text('metric', { enum: BENCHMARK_METRICS }).notNull(),
  level: text('level', { enum: LEVELS }),
  metro: text('metro'),
  value: real('value'),
  low: real('low'),
  high: real('high'),
  unit: text('unit').notNull(),
  source: text('source').notNull(),
  sourceDate: text('source_date').notNull(),
  note: text('note'),
})

/**
 * The analytics dataset of a rubric, encoded once after each write: the first request after an
 * import reads one row instead of every application. Valid only for its data version.
 */
export const analyticsSnapshots = sqliteTable('analytics_snapshots', {
  rubricId: integer('rubric_id')
    .primaryKey()
    .references(() => rubrics.id, { onDelete: 'cascade' }),
  dataVersion: text('data_version').notNull(),
  payload: blob('payload', { mode: 'buffer' }).notNull(),
})

/**
 * The typed arrays of a rubric's snapshot, in parts of a few megabytes in the order they are
 * read back: a snapshot of any size is written and read a part at a time.
 */
export const analyticsSnapshotParts = sqliteTable(
  'analytics_snapshot_parts',
  {
    rubricId: integer('rubric_id')
      .notNull()
      .references(() => rubrics.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.rubricId, table.part] })],
)

/**
 * Sign-in tries per throttle key (`account:…`, `address:…`): a `pending` row while its password
 * is being checked, a `failed` row once it failed. Kept in the database so every instance on it
 * counts the same tries; rows older than the window are swept as new tries arrive.
 */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    key: text('key').notNull(),
    state: text('state', { enum: ['pending', 'failed'] }).notNull(),
    /** Milliseconds since the epoch: when it was reserved, then when it failed. */
    at: integer('at').notNull(),
  },
  (table) => [
    index('login_attempts_key_at').on(table.key, table.at),
    index('login_attempts_at').on(table.at),
  ],
)

/** Small key/value facts about the database itself (demo data flag, data version). */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

export const selectRequisitionSchema = createSelectSchema(requisitions)
export const selectCandidateSchema = createSelectSchema(candidates)
export const selectApplicationSchema = createSelectSchema(applications)
export const insertApplicationSchema = createInsertSchema(applications)
export const insertRequisitionSchema = createInsertSchema(requisitions)
export const insertCandidateSchema = createInsertSchema(candidates)
export const insertScoreSchema = createInsertSchema(scores)
export const insertOfferSchema = createInsertSchema(offers)
export const insertEmploymentSchema = createInsertSchema(employments)
export const selectBenchmarkSchema = createSelectSchema(benchmarks)
