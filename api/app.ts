import { accessControl } from './auth/access-middleware'
import { createBaseApp, notFound, type AppDependencies } from './lib/create-app'
import { analyticsRouter } from './routes/analytics/analytics.index'
import { applicationsRouter } from './routes/applications/applications.index'
import { attributeMappingsRouter } from './routes/attribute-mappings/attribute-mappings.index'
import { auditRouter } from './routes/audit/audit.index'
import { authRouter } from './routes/auth/auth.index'
import { benchmarksRouter } from './routes/benchmarks/benchmarks.index'
import { candidatesRouter } from './routes/candidates/candidates.index'
import { compareRouter } from './routes/compare/compare.index'
import { exportRouter } from './routes/export/export.index'
import { healthRouter } from './routes/health/health.index'
import { importRouter } from './routes/import/import.index'
import { interviewersRouter } from './routes/interviewers/interviewers.index'
import { requisitionsRouter } from './routes/requisitions/requisitions.index'
import { rubricsRouter } from './routes/rubrics/rubrics.index'
import { usersRouter } from './routes/users/users.index'

/** The whole HTTP API under /api, shared by the server and the tests (app.request()). */
export function createApp(dependencies: AppDependencies) {
  const base = createBaseApp(dependencies).basePath('/api')
  // Before every route: who is asking, and may they (see auth/access-rules.ts).
  base.use(accessControl)
  const api = base
    .route('/', healthRouter)
    .route('/', authRouter)
    .route('/', requisitionsRouter)
    .route('/', applicationsRouter)
    .route('/', compareRouter)
    .route('/', analyticsRouter)
    .route('/', interviewersRouter)
    .route('/', importRouter)
    .route('/', exportRouter)
    .route('/', attributeMappingsRouter)
    .route('/', candidatesRouter)
    .route('/', rubricsRouter)
    .route('/', benchmarksRouter)
    .route('/', usersRouter)
    .route('/', auditRouter)
  // basePath() gives a new app, which does not inherit a not-found handler set before it.
  api.notFound(notFound)
  api.doc('/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'Loopscope API',
      version: '1',
      description: 'Which interview rubric areas predict hires that stuck.',
    },
  })
  return api
}

export type AppType = ReturnType<typeof createApp>
