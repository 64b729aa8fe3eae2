import type { UserRole } from '../../db/domain'

/** Who may call a route: anyone, anyone signed in, or only these roles. */
export type Access = 'public' | 'signed_in' | readonly UserRole[]

export interface AccessRule {
  access: Access
  /** Largest request body in bytes; writes default to SMALL_BODY. */
  maxBody?: number
}

export const SMALL_BODY = 64 * 1024
export const IMPORT_BODY = 512 * 1024 * 1024

const LEADS: readonly UserRole[] = ['admin', 'talent_lead']
const ADMIN: readonly UserRole[] = ['admin']

/**
 * Every route of the API and who may call it, keyed by method and path as the app registers
 * them. A route missing here answers 404 to everyone: access is denied unless a rule grants it,
 * and the authorisation test fails for any route of the app without a rule.
 * Hiring managers pass these rules for reads, then see only their own requisitions' rows and
 * organisation-wide aggregates (the handlers narrow what they get).
 */
export const ACCESS_RULES: Readonly<Record<string, AccessRule>> = {
  'GET /api/health': { access: 'public' },
  'GET /api/openapi.json': { access: 'signed_in' },

  'POST /api/auth/sign-in': { access: 'public' },
  'POST /api/auth/sign-out': { access: 'signed_in' },
  'GET /api/auth/session': { access: 'signed_in' },
  'POST /api/auth/password': { access: 'signed_in' },
  'GET /api/auth/tokens': { access: 'signed_in' },
  'POST /api/auth/tokens': { access: 'signed_in' },
  'DELETE /api/auth/tokens/:id': { access: 'signed_in' },

  'GET /api/requisitions': { access: 'signed_in' },
  'GET /api/requisitions/:id': { access: 'signed_in' },
  'PATCH /api/requisitions/:id': { access: LEADS },
  'GET /api/applications': { access: 'signed_in' },
  'GET /api/applications/:id': { access: 'signed_in' },
  'GET /api/compare': { access: 'signed_in' },
  'GET /api/compare/candidates': { access: 'signed_in' },
  'GET /api/interviewers/:handle/ratings': { access: 'signed_in' },
  'POST /api/candidates/:id/erasure': { access: ADMIN },

  'GET /api/analytics/validity': { access: 'signed_in' },
  'GET /api/analytics/model': { access: 'signed_in' },
  'GET /api/analytics/composite': { access: 'signed_in' },
  'GET /api/analytics/retention': { access: 'signed_in' },
  'GET /api/analytics/time-to-hire': { access: 'signed_in' },
  'GET /api/analytics/salary': { access: 'signed_in' },
  'GET /api/analytics/interviewers': { access: 'signed_in' },
  'GET /api/analytics/red-flags': { access: 'signed_in' },
  'GET /api/analytics/backgrounds': { access: 'signed_in' },
  'GET /api/analytics/sources': { access: 'signed_in' },
  'GET /api/analytics/loop-time': { access: 'signed_in' },
  'GET /api/analytics/incremental-validity': { access: 'signed_in' },
  'GET /api/analytics/panel-sizing': { access: 'signed_in' },
  'GET /api/analytics/validity-over-time': { access: 'signed_in' },
  'GET /api/analytics/expectancy': { access: 'signed_in' },
  'GET /api/analytics/utility': { access: 'signed_in' },
  'GET /api/analytics/questions': { access: 'signed_in' },
  // Self-identified groups: admins and talent leads only, and only as aggregates.
  'GET /api/analytics/adverse-impact': { access: LEADS },

  'POST /api/import': { access: LEADS, maxBody: IMPORT_BODY },
  'POST /api/import/stream': { access: LEADS, maxBody: IMPORT_BODY },
  'GET /api/attribute-mappings': { access: LEADS },
  'PUT /api/attribute-mappings': { access: LEADS, maxBody: 256 * 1024 },
  // Exports carry every person's data, self-ID groups included: an administrator's tool.
  'GET /api/export': { access: ADMIN },
  'GET /api/admin/backup': { access: ADMIN },
  'GET /api/admin/audit': { access: ADMIN },

  'GET /api/rubrics': { access: 'signed_in' },
  'PUT /api/rubrics/:key/weights': { access: ADMIN },
  'GET /api/benchmarks': { access: 'signed_in' },
  'POST /api/benchmarks': { access: ADMIN },
  'PUT /api/benchmarks/:id': { access: ADMIN },
  'DELETE /api/benchmarks/:id': { access: ADMIN },

  'GET /api/users': { access: ADMIN },
  'POST /api/users': { access: ADMIN },
  'PATCH /api/users/:id': { access: ADMIN },
}

export function allows(access: Access, role: UserRole): boolean {
  return access === 'public' || access === 'signed_in' || access.includes(role)
}
