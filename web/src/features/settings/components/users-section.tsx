import { useState, type SubmitEvent } from 'react'
import { MIN_PASSWORD_LENGTH, USER_ROLES, type UserRole } from '../../../../../db/domain'
import { PanelBoundary } from '../../../components/panel-boundary'
import { ROLE_LABELS } from '../../../lib/session'
import { QueryStates } from '../../../components/query-states'
import { fieldErrors } from '../../../lib/field-errors'
import { useChangeUser, useCreateUser, useUsers, type User } from '../api/users'
import { ConfirmButton } from './confirm-button'
import { SettingsTable } from './settings-table'

function OneTimePassword({ email, password }: { email: string; password: string }) {
  return (
    <p className="one-time-password" role="status">
      New password for {email}: <code>{password}</code> — shown only now: pass it on securely.
    </p>
  )
}

function NameCell({ user }: { user: User }) {
  const [editing, setEditing] = useState(false)
  const change = useChangeUser()
  const errors = fieldErrors(change.error)

  if (!editing) {
    return (
      <span className="name-cell">
        {user.name ?? <span className="settings-table__note">no name</span>}
        <button
          type="button"
          className="link-button"
          aria-label={`Rename ${user.email}`}
          onClick={() => setEditing(true)}
        >
          Rename
        </button>
      </span>
    )
  }
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = new FormData(event.currentTarget).get('name')
    const trimmed = typeof name === 'string' ? name.trim() : ''
    change.mutate(
      { id: user.id, change: { name: trimmed === '' ? null : trimmed } },
      { onSuccess: () => setEditing(false) },
    )
  }
  return (
    <form className="name-cell" onSubmit={submit}>
      <input
        name="name"
        aria-label={`Name of ${user.email}`}
        defaultValue={user.name ?? ''}
        autoFocus
        aria-invalid={errors.name ? true : undefined}
      />
      <button type="submit" disabled={change.isPending}>
        Save
      </button>
      <button type="button" className="button--secondary" onClick={() => setEditing(false)}>
        Cancel
      </button>
      {change.isError && (
        <span className="field-error" role="alert">
          {errors.name ?? change.error.message}
        </span>
      )}
    </form>
  )
}

function UserRow({ user, isYou }: { user: User; isYou: boolean }) {
  const change = useChangeUser()
  const disabled = user.disabled_at !== null
  const yourself = isYou ? ' You will be signed out.' : ''
  return (
    <tr className={disabled ? 'user-row--disabled' : undefined}>
      <td>
        {user.email}
        {isYou && <span className="settings-table__note">you</span>}
      </td>
      <td>
        <NameCell user={user} />
      </td>
      <td>
        <select
          aria-label={`Role of ${user.email}`}
          value={user.role}
          disabled={change.isPending}
          onChange={(event) =>
            change.mutate({ id: user.id, change: { role: event.target.value as UserRole } })
          }
        >
          {USER_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
      </td>
      <td>{disabled ? `Disabled ${user.disabled_at!.slice(0, 10)}` : 'Enabled'}</td>
      <td>
        <div className="row-actions">
          {disabled ? (
            <button
              type="button"
              className="button--secondary"
              disabled={change.isPending}
              onClick={() => change.mutate({ id: user.id, change: { disabled: false } })}
            >
              Enable
            </button>
          ) : (
            <ConfirmButton
              label="Disable"
              question={`Disable ${user.email}? They are signed out everywhere.${yourself}`}
              confirmLabel="Disable"
              disabled={change.isPending}
              onConfirm={() => change.mutate({ id: user.id, change: { disabled: true } })}
            />
          )}
          <ConfirmButton
            label="Reset password"
            question={`Give ${user.email} a new generated password?${yourself}`}
            confirmLabel="Reset"
            disabled={change.isPending}
            onConfirm={() => change.mutate({ id: user.id, change: { reset_password: true } })}
          />
        </div>
        {change.isError && (
          <p className="form-error" role="alert">
            Not changed: {change.error.message}
          </p>
        )}
        {change.data?.password !== undefined && (
          <OneTimePassword email={user.email} password={change.data.password} />
        )}
      </td>
    </tr>
  )
}

function CreateUserForm() {
  const create = useCreateUser()
  const [passwordProblem, setPasswordProblem] = useState<string | null>(null)
  const errors = fieldErrors(create.error)

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const data = new FormData(form)
    const field = (name: string) => {
      const value = data.get(name)
      return typeof value === 'string' ? value.trim() : ''
    }
    const password = data.get('password')
    const chosen = typeof password === 'string' && password !== '' ? password : undefined
    if (chosen !== undefined && chosen.length < MIN_PASSWORD_LENGTH) {
      setPasswordProblem(`must be at least ${MIN_PASSWORD_LENGTH} characters`)
      return
    }
    setPasswordProblem(null)
    const name = field('name')
    create.mutate(
      {
        email: field('email'),
        role: field('role') as UserRole,
        ...(name ? { name } : {}),
        ...(chosen !== undefined ? { password: chosen } : {}),
      },
      { onSuccess: () => form.reset() },
    )
  }

  const problem = (name: string, message: string | null | undefined) =>
    message && (
      <span className="field-error" id={`new-user-${name}-error`}>
        {message}
      </span>
    )
  const passwordMessage = passwordProblem ?? errors.password

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">Add a user</h2>
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor="new-user-email">Email</label>
          <input
            id="new-user-email"
            name="email"
            type="email"
            required
            spellCheck={false}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'new-user-email-error' : undefined}
          />
          {problem('email', errors.email)}
        </div>
        <div className="form-field">
          <label htmlFor="new-user-name">Name</label>
          <input id="new-user-name" name="name" />
        </div>
        <div className="form-field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" name="role" defaultValue="hiring_manager">
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="new-user-password">Password</label>
          <input
            id="new-user-password"
            name="password"
            type="password"
            autoComplete="new-password"
            aria-invalid={passwordMessage ? true : undefined}
            aria-describedby={`new-user-password-hint${passwordMessage ? ' new-user-password-error' : ''}`}
          />
          <span className="form-field__hint" id="new-user-password-hint">
            At least {MIN_PASSWORD_LENGTH} characters. Leave empty to have one generated, shown
            once.
          </span>
          {problem('password', passwordMessage)}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" disabled={create.isPending} aria-busy={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add user'}
        </button>
        <span className="form-actions__status" role="status">
          {create.isSuccess && `Added ${create.data.email}.`}
        </span>
      </div>
      {create.isError && (
        <p className="form-error" role="alert">
          Not added: {create.error.message}
        </p>
      )}
      {create.data?.password !== undefined && (
        <OneTimePassword email={create.data.email} password={create.data.password} />
      )}
    </form>
  )
}

/** Who may sign in and as what: an admin's tool. */
export function UsersSection({ yourId }: { yourId: number }) {
  const users = useUsers()
  return (
    <>
      <section className="panel" aria-labelledby="users-title">
        <h2 id="users-title">Users</h2>
        <p className="settings-note">
          A new role, a disable or a password reset signs the user out everywhere. Loopscope keeps
          at least one enabled admin.
        </p>
        <QueryStates query={users} what="The users" loading="Loading users…">
          {(data) => (
            <SettingsTable
              caption="Users"
              columns={['Email', 'Name', 'Role', 'Status']}
              withActions={true}
            >
              {data.users.map((user) => (
                <UserRow key={user.id} user={user} isYou={user.id === yourId} />
              ))}
            </SettingsTable>
          )}
        </QueryStates>
      </section>
      <PanelBoundary title="The new-user form">
        <CreateUserForm />
      </PanelBoundary>
    </>
  )
}
