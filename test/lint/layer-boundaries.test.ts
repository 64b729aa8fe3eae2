import { join } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const root = join(import.meta.dirname, '..', '..')

// Only the boundary rules, without type information: each case lints one import line as if it
// stood in the named file (the file need not exist).
const eslint = new ESLint({
  cwd: root,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'import-x/no-cycle',
})

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(root, file) })
  return result!.messages.map((message) => `${message.ruleId ?? ''}: ${message.message}`)
}

// Loading ESLint and its plugins takes seconds on a busy machine: the first case pays for it.
describe('layer boundaries', { timeout: 60_000 }, () => {
  it.each([
    ['db/schema.ts', "import { Random } from '../api/analytics/random'", 'db/ is the bottom layer'],
    ['db/seed/reference-data.ts', "import { toCsv } from '../../web/src/lib/csv'", 'db/ is the'],
    ['api/app.ts', "import { toCsv } from '../web/src/lib/csv'", 'api/ imports nothing from web/'],
    ['api/analytics/salary.ts', "import { readFileSync } from 'node:fs'", 'does no I/O'],
    ['api/analytics/salary.ts', "import Database from 'better-sqlite3'", 'does no I/O'],
    ['api/analytics/salary.ts', "import { eq } from 'drizzle-orm'", 'does no I/O'],
    ['api/analytics/salary.ts', "import { Hono } from 'hono'", 'does no I/O'],
    ['api/analytics/salary.ts', "import { createRoute } from '@hono/zod-openapi'", 'only `z`'],
    ['api/analytics/salary.ts', "import { openDatabase } from '../../db/client'", 'does no I/O'],
    [
      'api/analytics/salary.ts',
      "import { loadColumns } from '../dataset/dataset'",
      'no other api/',
    ],
    [
      'web/src/lib/api-client.ts',
      "import { app } from '../../../api/app'",
      'only with `import type`',
    ],
    [
      'web/src/features/salary/components/salary-view.tsx',
      "import { createQueryClient } from '../../../app/query-client'",
      'Features never import web/src/app/',
    ],
    [
      'web/src/features/salary/components/salary-view.tsx',
      "import { CompareView } from '../../compare/components/compare-view'",
      'no other feature',
    ],
    [
      'web/src/features/pipeline/list-params.ts',
      "import { useCandidateOptions } from '../compare/api/get-candidates'",
      'no other feature',
    ],
    [
      'web/src/lib/rate-data.ts',
      "import type { RateChart } from '../components/rate-chart'",
      'lib/ is shared non-UI code',
    ],
    [
      'web/src/components/chart-panel.tsx',
      "import { createQueryClient } from '../app/query-client'",
      'shared UI',
    ],
    [
      'api/routes/compare/compare.handlers.ts',
      "import { validity } from '../analytics/analytics.handlers'",
      'A route never imports another route',
    ],
    [
      'api/analyses/compare.ts',
      "import { applicationDetailSchema } from '../routes/applications/applications.routes'",
      'never import a route',
    ],
  ])('%s: %s is refused', async (file, code, reason) => {
    expect(await problems(file, code)).toEqual([expect.stringContaining(reason)])
  })

  it.each([
    ['api/analytics/salary.ts', "import { z } from '@hono/zod-openapi'"],
    ['api/analytics/salary.ts', "import { LEVELS } from '../../db/domain'"],
    ['api/analytics/salary.ts', "import { Random } from './random'"],
    ['web/src/lib/api-client.ts', "import type { AppType } from '../../../api/app'"],
    ['api/routes/compare/compare.handlers.ts', "import { scopeOf } from '../../auth/scope'"],
    ['api/app.ts', "import { compareRouter } from './routes/compare/compare.index'"],
    [
      'web/src/features/salary/components/salary-view.tsx',
      "import { getSalary } from '../api/get-salary'",
    ],
    [
      'web/src/features/salary/components/salary-view.tsx',
      "import { toCsv } from '../../../lib/csv'",
    ],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([])
  })

  it('refuses an import cycle', async () => {
    // histogram-data.ts imports nice-scale.ts, so this import would close a loop.
    const code = "import { histogramData } from './histogram-data'\nexport const h = histogramData"
    expect(await problems('web/src/lib/nice-scale.ts', code)).toEqual([
      expect.stringContaining('import-x/no-cycle'),
    ])
  })
})
