import { parseArgs } from 'node:util'
import { openDatabase } from '../../db/client'
import { users } from '../../db/schema'
import { createApp } from '../app'
import { DEFAULT_PASSWORD_COST, PasswordChecker } from '../auth/passwords'

// How long a failed sign-in takes on each path, through the real app at the real scrypt cost.
// Printed, not asserted: the test suite checks the work (one scrypt of one cost) instead.
const USAGE = 'usage: npm run bench:sign-in -- [--rounds N]'
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '15' } } })
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 3 || rounds > 200) {
  console.error(`--rounds must be a whole number from 3 to 200 (got "${values.rounds}")\n${USAGE}`)
  process.exit(2)
}

const PASSWORD = 'correct horse battery staple'
const db = openDatabase(':memory:')
const passwords = new PasswordChecker(DEFAULT_PASSWORD_COST)
const hash = await passwords.hash(PASSWORD)
db.insert(users).values({ email: 'known@localhost', role: 'admin', passwordHash: hash }).run()
db.insert(users)
  .values({
    email: 'disabled@localhost',
    role: 'admin',
    passwordHash: hash,
    disabledAt: new Date().toISOString(),
  })
  .run()
const app = createApp({
  db,
  passwords,
  throttleLimits: { perAccount: 10_000, perAddress: 10_000, windowMs: 60_000 },
})

const PATHS = [
  { path: 'wrong password', email: 'known@localhost', password: 'not the password' },
  { path: 'unknown email', email: 'nobody@localhost', password: 'not the password' },
  { path: 'disabled account', email: 'disabled@localhost', password: PASSWORD },
  { path: 'right password', email: 'known@localhost', password: PASSWORD },
]

async function timeOnce(email: string, password: string): Promise<number> {
  const started = performance.now()
  const response = await app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  await response.text()
  return performance.now() - started
}

// Interleaved rounds, so a burst of load elsewhere falls on every path alike.
const times = new Map(PATHS.map(({ path }) => [path, [] as number[]]))
for (let round = 0; round < rounds; round++) {
  for (const { path, email, password } of PATHS) {
    times.get(path)!.push(await timeOnce(email, password))
  }
}

const quantile = (sorted: number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]!
const reference = [...times.get('wrong password')!].sort((a, b) => a - b)
const referenceMedian = quantile(reference, 0.5)
const ms = (value: number) => value.toFixed(1)

console.log(
  `\nSign-in timing, ${rounds} rounds, scrypt N=2^${DEFAULT_PASSWORD_COST.logN} r=${DEFAULT_PASSWORD_COST.r} p=${DEFAULT_PASSWORD_COST.p}, Node ${process.version}\n`,
)
console.log('| path | median ms | p10 ms | p90 ms | median / wrong password |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const { path } of PATHS) {
  const sorted = [...times.get(path)!].sort((a, b) => a - b)
  const median = quantile(sorted, 0.5)
  console.log(
    `| ${path} | ${ms(median)} | ${ms(quantile(sorted, 0.1))} | ${ms(quantile(sorted, 0.9))} | ${(median / referenceMedian).toFixed(2)} |`,
  )
}
console.log(
  '\nEvery failed path runs one scrypt of the same cost, so each ratio should sit near 1.00; skipping the hash would put it near 0.01.',
)
