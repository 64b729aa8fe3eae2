import type { SubmitEvent } from 'react'
import { QueryStates } from '../../../components/query-states'
import { fieldErrors } from '../../../lib/field-errors'
import { useCreateToken, useDeleteToken, useTokens, type Tokens } from '../api/tokens'
import { ConfirmButton } from './confirm-button'
import { SettingsTable } from './settings-table'

type Token = Tokens['tokens'][number]

function TokenRow({ token }: { token: Token }) {
  const revoke = useDeleteToken()
  return (
    <tr>
      <td>{token.name}</td>
      <td className="settings-table__date">{token.created_at.slice(0, 10)}</td>
      <td className="settings-table__date">{token.last_used_at?.slice(0, 10) ?? 'never'}</td>
      <td>
        <ConfirmButton
          label="Revoke"
          question={`Revoke the token "${token.name}"? Scripts using it stop working.`}
          confirmLabel="Revoke"
          disabled={revoke.isPending}
          onConfirm={() => revoke.mutate(token.id)}
        />
        {revoke.isError && (
          <p className="form-error" role="alert">
            Not revoked: {revoke.error.message}
          </p>
        )}
      </td>
    </tr>
  )
}

/** The signed-in user's own API tokens, for scripts; a secret is shown once, when made. */
export function TokensSection() {
  const tokens = useTokens()
  const create = useCreateToken()
  const nameError = fieldErrors(create.error).name

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const name = new FormData(form).get('name')
    create.mutate(typeof name === 'string' ? name.trim() : '', { onSuccess: () => form.reset() })
  }

  return (
    <section className="panel" aria-labelledby="tokens-title">
      <h2 id="tokens-title">Your API tokens</h2>
      <p className="settings-note">
        A script sends a token as <code>Authorization: Bearer &lt;token&gt;</code> and acts as you,
        with your role. Changing your password revokes them all.
      </p>
      <QueryStates query={tokens} what="Your tokens" loading="Loading your tokens…">
        {(data) =>
          data.tokens.length === 0 ? (
            <p className="panel-state">You have no API tokens.</p>
          ) : (
            <SettingsTable
              caption="Your API tokens"
              columns={['Name', 'Created', 'Last used']}
              withActions={true}
            >
              {data.tokens.map((token) => (
                <TokenRow key={token.id} token={token} />
              ))}
            </SettingsTable>
          )
        }
      </QueryStates>
      <form className="token-form" onSubmit={submit}>
        <div className="form-field">
          <label htmlFor="new-token-name">New token name</label>
          <input
            id="new-token-name"
            name="name"
            required
            maxLength={100}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'new-token-name-error' : undefined}
          />
          {nameError && (
            <span className="field-error" id="new-token-name-error">
              {nameError}
            </span>
          )}
        </div>
        <button type="submit" disabled={create.isPending} aria-busy={create.isPending}>
          Create token
        </button>
      </form>
      {create.isError && (
        <p className="form-error" role="alert">
          Not created: {create.error.message}
        </p>
      )}
      {create.data && (
        <p className="one-time-password" role="status">
          Token &quot;{create.data.name}&quot;: <code>{create.data.token}</code> — shown only now:
          copy it into your script&apos;s secret store.
        </p>
      )}
    </section>
  )
}
