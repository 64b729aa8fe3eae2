import { Suspense } from 'react'
import { NavLink, Outlet } from 'react-router'
import { useHealth } from './health'

const NAVIGATION = [
  { to: '/', label: 'Loop effectiveness', end: true },
  { to: '/how-its-computed', label: "How it's computed", end: false },
]

function DemoBanner() {
  const health = useHealth()
  if (!health.data?.demo_data) return null
  return (
    <p className="demo-banner" role="status">
      You are looking at <strong>generated demo data</strong>, not a real hiring history. Import
      your own with <code>npm run import</code> into a new database.
    </p>
  )
}

export function AppShell() {
  return (
    <div className="shell">
      <header className="shell__header">
        <a className="shell__brand" href="/">
          Loopscope
        </a>
        <nav aria-label="Views">
          <ul className="shell__nav">
            {NAVIGATION.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <DemoBanner />
      <main className="shell__main">
        <Suspense fallback={<p className="panel-state">Loading view…</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  )
}
