import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import importX from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Layer boundaries: db ← api ← web (types only); in web, app → features → components → lib.
// Imports are relative, so each pattern is a regex over the path as written. Flat config replaces
// a rule's options rather than merging them, so each group of files below lists every boundary
// that applies to it; where two groups overlap, the narrower one comes later and repeats the
// wider one's.
const noWebFromApi = {
  regex: '^(\\.\\./)+web(/|$)',
  message: 'api/ imports nothing from web/: the dashboard depends on the API, never the reverse.',
}
// From a file `levels` folders below the repository root, api/ is exactly that many steps up
// (a feature's own api/ folder is one step up, and must stay allowed).
const apiTypesOnly = (levels) => ({
  regex: `^(\\.\\./){${levels}}api(/|$)`,
  allowTypeImports: true,
  message:
    'web/ imports from api/ only with `import type` (AppType for hc): no API code in the bundle.',
})
const boundaries = (files, patterns, paths = []) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
})
// A file `depth` folders inside its feature (features/<name>/…).
const featureBoundaries = (depth) =>
  boundaries(
    [`web/src/features/${'*/'.repeat(depth)}*.{ts,tsx}`],
    [
      apiTypesOnly(depth + 3),
      {
        regex: `^(\\.\\./){${depth + 1}}app(/|$)`,
        message:
          'Features never import web/src/app/: move the shared piece to lib/ or components/.',
      },
      {
        regex: `^(\\.\\./){${depth}}((?!\\.\\./)|\\.\\./features(/|$))`,
        message: 'A feature imports no other feature: move what both need to lib/ or components/.',
      },
    ],
  )

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'db/migrations'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Non-null assertions mark indexes the code has just checked; strict mode needs them.
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Tests narrow JSON bodies with a type argument on their request helpers.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-unnecessary-type-parameters': 'off' },
  },
  boundaries(
    ['db/**/*.ts'],
    [
      {
        regex: '^(\\.\\./)+(api|web)(/|$)',
        message: 'db/ is the bottom layer: it imports nothing from api/ or web/.',
      },
    ],
  ),
  boundaries(['api/**/*.ts'], [noWebFromApi]),
  {
    ...boundaries(
      ['api/**/*.ts'],
      [
        noWebFromApi,
        {
          regex: '^(\\.\\./)+routes(/|$)',
          message:
            'Only the app composes api/routes/: the layers below (analyses, dataset, auth, lib) never import a route.',
        },
      ],
    ),
    ignores: ['api/app.ts', 'api/routes/**'],
  },
  boundaries(
    ['api/routes/**/*.ts'],
    [
      noWebFromApi,
      {
        regex: '^\\.\\./(?!\\.\\./)',
        message:
          'A route never imports another route: move what both need to api/auth, api/lib or api/analyses.',
      },
    ],
  ),
  boundaries(
    ['api/analytics/**/*.ts'],
    [
      noWebFromApi,
      {
        regex: '^\\.\\./(?!\\.\\./)',
        message:
          'api/analytics/ is pure statistics: it imports no other api/ module; pass it arrays.',
      },
      {
        regex: '^(\\.\\./)+db/(client|meta|seed)(/|$)',
        message: 'api/analytics/ does no I/O: callers read the database and pass the rows in.',
      },
      {
        regex:
          '^((node:)?(fs|fs/promises|net|http|https|http2|tls|dgram|dns|child_process|cluster|worker_threads)|(better-sqlite3|drizzle-orm|hono)(/.*)?|@hono/(?!zod-openapi$).*)$',
        message: 'api/analytics/ does no I/O: no files, network, processes, database or Hono.',
      },
    ],
    [
      {
        name: '@hono/zod-openapi',
        allowImportNames: ['z'],
        message:
          'api/analytics/ takes only `z` from @hono/zod-openapi, to define its result schemas.',
      },
    ],
  ),
  boundaries(['web/src/main.tsx'], [apiTypesOnly(2)]),
  boundaries(['web/src/app/**/*.{ts,tsx}'], [apiTypesOnly(3)]),
  boundaries(
    ['web/src/components/**/*.{ts,tsx}'],
    [
      apiTypesOnly(3),
      {
        regex: '^(\\.\\./)+(app|features)(/|$)',
        message: 'web/src/components/ is shared UI: it imports nothing from app/ or features/.',
      },
    ],
  ),
  boundaries(
    ['web/src/lib/**/*.{ts,tsx}'],
    [
      apiTypesOnly(3),
      {
        regex: '^(\\.\\./)+(app|features|components)(/|$)',
        message:
          'web/src/lib/ is shared non-UI code: it imports no components/, features/ or app/.',
      },
    ],
  ),
  ...[1, 2, 3, 4].map(featureBoundaries),
  {
    // Code written against a store runs on SQLite and PostgreSQL: its queries go through the
    // store's rows/first/write, since .all(), .get() and .run() exist on SQLite only.
    files: [
      'api/auth/accounts.ts',
      'api/auth/audit.ts',
      'api/auth/first-users.ts',
      'api/auth/login-throttle.ts',
      'api/lists/**/*.ts',
      'api/privacy/**/*.ts',
      'api/analyses/application-detail.ts',
      'api/analyses/red-flags.ts',
      'api/dataset/dataset.ts',
      'api/dataset/question-ratings.ts',
      'api/settings/**/*.ts',
      'db/meta.ts',
      'db/seed/reference-data.ts',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0][callee.property.name=/^(all|get|run)$/]',
          message:
            'A store operation runs on both databases: hand the query to rows(), first() or write() from db/store.',
        },
      ],
    },
  },
  {
    // No import cycles; no-cycle skips type-only imports, which are erased before run time.
    files: ['api/**/*.ts', 'db/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [
        importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  prettier,
)
