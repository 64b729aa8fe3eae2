import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const projectRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8787' },
  },
  test: {
    root: projectRoot,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          root: projectRoot,
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**', 'test/pg/**'],
          environment: 'node',
          // An import into a database file starts a thread (about a second, longer on a busy
          // machine): a test of several must not fail on the default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // Against a real PostgreSQL server: TEST_DATABASE_URL's, or one started for the run.
          name: 'pg',
          root: projectRoot,
          // and API suites run again with their app on a PostgreSQL copy of their database.
          include: [
            'test/pg/**/*.test.ts',
            'test/api/access-matrix.test.ts',
            'test/api/disclosure-attack.test.ts',
            'test/api/analytics-reference.test.ts',
            'test/api/analytics-endpoints.test.ts',
            'test/api/analytics-parameters.test.ts',
            'test/api/validity.test.ts',
            'test/api/resources.test.ts',
            'test/api/compare.test.ts',
            'test/api/worth.test.ts',
            'test/api/salary-bands.test.ts',
            'test/api/questions.test.ts',
            'test/api/panel-reference.test.ts',
          ],
          setupFiles: ['test/helpers/postgres-setup.ts'],
          env: { LOOPSCOPE_TEST_STORE: 'postgres' },
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          globalSetup: ['test/pg/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          root: projectRoot,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
          fileParallelism: false,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
})
