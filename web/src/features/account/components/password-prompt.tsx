import { useState, type SubmitEvent } from 'react'
import { fieldErrors } from '../../../lib/field-errors'
import { useChangePassword } from '../api/change-password'
import './password-prompt.css'

const field = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * The step before the dashboard for a user whose password was printed (the first admin's, a
 * generated one): whoever saw it printed could sign in as them until they choose their own.
 */
export function PasswordPrompt() {
  const change = useChangePassword()
  const [mismatch, setMismatch] = useState(false)
  const errors = fieldErrors(change.error)

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const newPassword = field(form, 'new_password')
    const repeated = newPassword === field(form, 'repeat_password')
    setMismatch(!repeated)
    if (!repeated) return
    change.mutate({ current_password: field(form, 'current_password'), new_password: newPassword })
  }

  const problem = (id: string, message: string | undefined) =>
    message ? (
      <span className="password-prompt__problem" id={id}>
        {message}
      </span>
    ) : null

  return (
    <section className="panel password-prompt" aria-labelledby="password-prompt-title">
      <h1 id="password-prompt-title">Choose your own password</h1>
      <p>
        You signed in with a password that was printed when Loopscope started, so whoever saw it can
        sign in as you. Choose your own before going on: your other sessions and API tokens end,
        this one stays.
      </p>
      <form className="password-prompt__form" onSubmit={submit}>
        <label htmlFor="current-password">Current password (the printed one)</label>
        <input
          id="current-password"
          name="current_password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.current_password ? true : undefined}
          aria-describedby={errors.current_password ? 'current-password-problem' : undefined}
        />
        {problem(
          'current-password-problem',
          errors.current_password && `It ${errors.current_password}.`,
        )}
        <label htmlFor="new-password">New password</label>
        <input
          id="new-password"
          name="new_password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors.new_password ? true : undefined}
          aria-describedby={errors.new_password ? 'new-password-problem' : undefined}
        />
        {problem('new-password-problem', errors.new_password && `It ${errors.new_password}.`)}
        <label htmlFor="repeat-password">New password again</label>
        <input
          id="repeat-password"
          name="repeat_password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? 'repeat-password-problem' : undefined}
        />
        {problem('repeat-password-problem', mismatch ? 'The two new passwords differ.' : undefined)}
        {change.isError && Object.keys(errors).length === 0 && (
          <p className="password-prompt__problem" role="alert">
            Not changed: {change.error.message}
          </p>
        )}
        <button type="submit" disabled={change.isPending} aria-busy={change.isPending}>
          {change.isPending ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  )
}
