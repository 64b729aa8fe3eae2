import { ApplicationsList } from './applications-list'
import './pipeline.css'

export function CandidatesView() {
  return (
    <article className="view">
      <header className="view__header">
        <h1>Candidates</h1>
      </header>
      <section className="panel" aria-label="Applications">
        <ApplicationsList />
      </section>
    </article>
  )
}
