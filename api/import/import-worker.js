// The thread an import of a database file runs in (see import-thread.ts). It loads the
// TypeScript of the import through tsx, whichever way the thread that started it was run
// (npm start, npm run import, the tests).
import { register } from 'tsx/esm/api'

register()
await import('./import-worker-task.ts')
