// A worker thread of the analytics pool. It loads the TypeScript task module through tsx,
// whichever way the thread that started it was run (npm start, the tests, the tools).
import { register } from 'tsx/esm/api'

register()
const { runAnalysisTask } = await import('./analyses-worker-task.ts')

export default runAnalysisTask
