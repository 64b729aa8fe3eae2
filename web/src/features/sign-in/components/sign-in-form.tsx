import { useRef, type SubmitEvent } from 'react'
import type { Credentials } from '../api/sign-in'

interface Props {
  pending: boolean
  error: string | null
  onSubmit: (credentials: Credentials, onError: () => void) => void
}

export function SignInForm({ pending, error, onSubmit }: Props) {
  const password = useRef<HTMLInputElement>(null)

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const field = (name: string) => {
      const value = form.get(name)
      return typeof value === 'string' ? value : ''
    }
    onSubmit({ email: field('email'), password: field('password') }, () => {
      // The button was disabled while waiting, which drops focus: put it where the fix is typed.
      password.current?.focus()
      password.current?.select()
    })
  }

  return (
    <form className="sign-in__form" onSubmit={submit} aria-describedby="sign-in-error">
      <label htmlFor="sign-in-email">Email</label>
      <input
        id="sign-in-email"
        name="email"
        type="email"
        autoComplete="username"
        spellCheck={false}
        required
        autoFocus
      />
      <label htmlFor="sign-in-password">Password</label>
      <input
        id="sign-in-password"
        ref={password}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <div id="sign-in-error" className="sign-in__error" role="alert">
        {error}
      </div>
      <button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}
