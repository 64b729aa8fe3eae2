import { validityReport } from '../../analytics/validity'
import type { AppRouteHandler } from '../../lib/types'
import type { validity as validityRoute } from './analytics.routes'
import { loadApplicationRecords } from './load-records'

export const validity: AppRouteHandler<typeof validityRoute> = (c) => {
  const filters = c.req.valid('query')
  const { rubric, areas, records } = loadApplicationRecords(c.var.db, filters)
  const report = validityReport(areas, records, filters.as_of ?? c.var.today())
  return c.json(
    {
      ...report,
      rubric,
      filters: {
        level: filters.level ?? null,
        requisition_id: filters.requisition_id ?? null,
        hire_type: filters.hire_type ?? null,
        from: filters.from ?? null,
        to: filters.to ?? null,
      },
    },
    200,
  )
}
