import { parseArgs } from 'node:util'
import { z } from 'zod'
import { USER_ROLES, type UserRole } from '../../db/domain'
import {
  changeUser,
  createApiToken,
  createUser,
  findUserByEmail,
  listUsers,
} from '../auth/accounts'
import { generatePassword, PasswordChecker, passwordProblem } from '../auth/passwords'
import { readEnv } from '../env'
import { openToolDatabase } from './database'
import { ApiError } from '../lib/errors'

const USAGE = `usage:
  npm run user -- create --email E --role admin|talent_lead|hiring_manager [--name N] [--generate]
  npm run user -- list
  npm run user -- reset-password --email E [--generate]
  npm run user -- token --email E --name "what it is for"
  npm run user -- disable --email E
  npm run user -- enable --email E
Without --generate, a password is asked for when a terminal is attached; otherwise one is
generated and printed once.`

const { values, positionals } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string' },
    generate: { type: 'boolean', default: false },
  },
  allowPositionals: true,
})
const fail = (message: string): never => {
  console.error(`${message}\n${USAGE}`)
  process.exit(2)
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin
    process.stderr.write(question)
    input.setRawMode(true)
    input.resume()
    input.setEncoding('utf8')
    let typed = ''
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          input.setRawMode(false)
          input.pause()
          input.off('data', onData)
          process.stderr.write('\n')
          resolve(typed)
          return
        }
        if (character === '\u0003') {
          input.setRawMode(false)
          reject(new Error('Cancelled'))
          return
        }
        typed = character === '\u007f' ? typed.slice(0, -1) : typed + character
      }
    }
    input.on('data', onData)
  })
}

/** A password typed twice at the terminal, or a generated one to print once. */
async function newPassword(): Promise<{ password: string; generated: boolean }> {
  if (values.generate || !process.stdin.isTTY) {
    return { password: generatePassword(), generated: true }
  }
  const password = await askHidden('Password: ')
  const problem = passwordProblem(password)
  if (problem) fail(`The password ${problem}`)
  if ((await askHidden('Again: ')) !== password) fail('The two passwords differ')
  return { password, generated: false }
}

const env = readEnv()
const { store, close } = await openToolDatabase(env)
const passwords = new PasswordChecker()
const actor = { command: 'user' }
const command = positionals[0]

async function existing(email: string | undefined) {
  if (!email) fail('--email is required')
  const user = await findUserByEmail(store, email!)
  if (!user) fail(`There is no user ${email}`)
  return user!
}

try {
  if (command === 'create') {
    const role = values.role as UserRole | undefined
    if (!values.email || !z.email().safeParse(values.email.trim()).success) {
      fail('--email must be an email address')
    }
    if (!role || !USER_ROLES.includes(role)) fail(`--role must be one of ${USER_ROLES.join(', ')}`)
    const { password, generated } = await newPassword()
    const user = await createUser(
      store,
      passwords,
      {
        email: values.email!,
        name: values.name ?? null,
        role: role!,
        password,
        mustChangePassword: generated,
      },
      actor,
    )
    console.log(`Created ${user.role} ${user.email}`)
    if (generated) console.log(`Password (shown once): ${password}`)
  } else if (command === 'list') {
    for (const user of await listUsers(store)) {
      const state = user.disabled_at ? `disabled ${user.disabled_at}` : ''
      console.log(`${user.email.padEnd(32)} ${user.role.padEnd(15)} ${state}`)
    }
  } else if (command === 'reset-password') {
    const user = await existing(values.email)
    const { password, generated } = await newPassword()
    const passwordHash = await passwords.hash(password)
    await changeUser(
      store,
      user.id,
      { passwordHash, mustChangePassword: generated },
      actor,
      new Date(),
    )
    console.log(`New password set for ${user.email}; their sessions and tokens are revoked`)
    if (generated) console.log(`Password (shown once): ${password}`)
  } else if (command === 'token') {
    const user = await existing(values.email)
    if (!values.name?.trim()) fail('--name is required: say what the token is for')
    const token = await createApiToken(store, user, values.name!.trim(), actor, new Date())
    console.log(`API token for ${user.email} (shown once): ${token.token}`)
    console.log('Send it as the header  Authorization: Bearer <token>')
  } else if (command === 'disable' || command === 'enable') {
    const user = await existing(values.email)
    await changeUser(store, user.id, { disabled: command === 'disable' }, actor, new Date())
    console.log(`${user.email} is ${command}d`)
  } else {
    fail(command ? `Unknown command "${command}"` : 'Say what to do')
  }
} catch (error) {
  if (!(error instanceof ApiError)) throw error
  console.error(error.message)
  process.exitCode = 1
} finally {
  await close()
}
