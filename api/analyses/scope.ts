import { eq, type SQL } from 'drizzle-orm'
import type { UserRole } from '../../db/domain'
import type { Tables } from '../../db/store'

/**
 * Who is asking and what they may see, as every analysis and resource read receives it:
 * `owner` bounds the rows a viewer sees (a hiring manager's own requisitions; null for roles
 * that see every requisition), and `restricted` says whether organisation-wide figures reach
 * the viewer only through disclosure control.
 */
export interface Scope {
  viewer: { id: number; role: UserRole }
  owner: number | null
  restricted: boolean
}

export function scopeForViewer(viewer: { id: number; role: UserRole }): Scope {
  const manager = viewer.role === 'hiring_manager'
  return {
    viewer: { id: viewer.id, role: viewer.role },
    owner: manager ? viewer.id : null,
    restricted: manager,
  }
}

/** The SQL condition that keeps a viewer to their own requisitions; undefined: no limit. */
export function ownRequisitionsCondition(
  scope: Scope,
  { requisitions }: Pick<Tables, 'requisitions'>,
): SQL | undefined {
  return scope.owner === null ? undefined : eq(requisitions.ownerUserId, scope.owner)
}

/** Whether the viewer may see a requisition's rows, given its owner. */
export function maySeeRequisition(scope: Scope, ownerUserId: number | null): boolean {
  return scope.owner === null || ownerUserId === scope.owner
}
