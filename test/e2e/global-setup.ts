import { buildDashboard } from './server'

/** One build of the dashboard serves every e2e file. */
export default function setup(): void {
  buildDashboard()
}
