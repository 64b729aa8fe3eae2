import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useNavigate, useSearchParams } from 'react-router'
import { rememberSession } from '../../../lib/session'
import { ApiRequestError } from '../../../lib/api-client'
import { signIn, type Credentials } from '../api/sign-in'
import { nextPath } from './next-path'
import { SignInForm } from './sign-in-form'

function errorMessage(error: Error | null): string | null {
  if (error === null) return null
  if (error instanceof ApiRequestError) return error.message
  return 'The server could not be reached. Check your connection and try again.'
}

export function SignInView() {
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: async (session) => {
      // Nothing cached while someone else was signed in may show to this user.
      queryClient.removeQueries()
      rememberSession(queryClient, session)
      await navigate(nextPath(params.get('next'), window.location.origin), { replace: true })
    },
  })

  const submit = (credentials: Credentials, onError: () => void) =>
    mutation.mutate(credentials, { onError })

  return (
    <main className="sign-in">
      <div className="sign-in__card">
        <p className="sign-in__brand">Loopscope</p>
        <h1>Sign in</h1>
        <SignInForm
          pending={mutation.isPending}
          error={errorMessage(mutation.error)}
          onSubmit={submit}
        />
      </div>
    </main>
  )
}
