import { describeTwoInstances } from '../helpers/two-instances-suite'

// The same suite runs on PostgreSQL in test/pg/two-instances.test.ts.
describeTwoInstances('SQLite', () => Promise.resolve({ env: {}, close: () => Promise.resolve() }))
