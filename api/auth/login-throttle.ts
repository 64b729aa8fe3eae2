import { and, asc, count, eq, gt, inArray, lte, or, type SQL } from 'drizzle-orm'
import { first, rows, write, type Operation, type Queries, type Store } from '../../db/store'

/** How many failed sign-ins a key may have within the window before it must wait. */
export interface ThrottleLimits {
  perAccount: number
  perAddress: number
  windowMs: number
  /** Sign-in password checks running at once, all clients together. */
  concurrentChecks?: number
  /** Sign-ins waiting for a check; past this they are refused at once. */
  queuedChecks?: number
}

export const DEFAULT_THROTTLE: Required<ThrottleLimits> = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
  // One scrypt (128 MB, a few hundred ms) at a time leaves the other core to the server.
  concurrentChecks: 1,
  queuedChecks: 16,
}

/** What a sign-in that is still being checked waits before trying again. */
export const IN_FLIGHT_RETRY_MS = 1000

/**
 * How long a try reserved but never settled counts as in flight: one whose instance stopped
 * mid-check. A check, with its wait in line, takes a few seconds at most.
 */
export const IN_FLIGHT_EXPIRY_MS = 60_000

/** A try reserved before the password is checked; settle it exactly once. */
export interface SignInAttempt {
  failed(now: number): Promise<void>
  succeeded(): Promise<void>
  /** The password was never checked (the server was too busy): the try does not count. */
  withdrawn(): Promise<void>
}

/**
 * Failed sign-ins per account and per client address in a sliding window, kept in the
 * database so that every instance serving it counts the same tries. A try is counted before
 * its password is checked, so tries sent at once, to one instance or several, cannot all pass
 * the check. How many rows there can be is bounded by the password checks, a few a second.
 */
export class LoginThrottle {
  private readonly limits: Required<ThrottleLimits>
  /** The password checks of sign-ins, a few at a time. */
  readonly checks: CheckQueue

  constructor(
    private readonly store: Store,
    limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {
    this.limits = { ...DEFAULT_THROTTLE, ...limits }
    this.checks = new CheckQueue(this.limits.concurrentChecks, this.limits.queuedChecks)
  }

  private keys(account: string, address: string) {
    return [
      [`account:${account}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ] as const
  }

  /**
   * Reserves a try for the account and the address, counted as a failure until it settles;
   * or, when either has no try left, the milliseconds until it may try again.
   */
  async reserve(
    account: string,
    address: string,
    now: number,
  ): Promise<SignInAttempt | { retryAfterMs: number }> {
    const keys = this.keys(account, address)
    const { windowMs } = this.limits
    // Read and reserve one at a time, so another instance cannot count in between.
    const reserved = await this.store.transaction(
      function* (queries) {
        const {
          db,
          tables: { loginAttempts },
        } = queries
        yield* write(
          db
            .delete(loginAttempts)
            .where(lte(loginAttempts.at, now - Math.max(windowMs, IN_FLIGHT_EXPIRY_MS))),
        )
        let wait = 0
        for (const [key, limit] of keys) {
          const times = yield* failureTimes(queries, key, now - windowMs)
          const inFlight = yield* pendingTries(queries, key, now - IN_FLIGHT_EXPIRY_MS)
          if (times.length >= limit) {
            wait = Math.max(wait, times[times.length - limit]! + windowMs - now)
          } else if (times.length + inFlight >= limit) {
            wait = Math.max(wait, IN_FLIGHT_RETRY_MS)
          }
        }
        if (wait > 0) return { retryAfterMs: wait }
        const added = yield* rows(
          db
            .insert(loginAttempts)
            .values(keys.map(([key]) => ({ key, state: 'pending' as const, at: now })))
            .returning({ id: loginAttempts.id }),
        )
        return added.map((row) => row.id)
      },
      { exclusive: true },
    )
    if (!Array.isArray(reserved)) return reserved
    let settled = false
    const settle = (
      change: (queries: Queries, reservation: SQL) => Operation<void>,
    ): Promise<void> => {
      if (settled) throw new Error('A sign-in attempt was settled twice')
      settled = true
      return this.store.run((queries) =>
        change(queries, inArray(queries.tables.loginAttempts.id, reserved)),
      )
    }
    return {
      failed: (at) =>
        settle(({ db, tables: { loginAttempts } }, reservation) =>
          write(db.update(loginAttempts).set({ state: 'failed', at }).where(reservation)),
        ),
      // A successful sign-in clears the account's count; the address keeps its history.
      succeeded: () =>
        settle(({ db, tables: { loginAttempts } }, reservation) =>
          write(db.delete(loginAttempts).where(or(reservation, eq(loginAttempts.key, keys[0][0])))),
        ),
      withdrawn: () =>
        settle(({ db, tables: { loginAttempts } }, reservation) =>
          write(db.delete(loginAttempts).where(reservation)),
        ),
    }
  }
}

/** The key's failures since `since`, oldest first. */
function* failureTimes({ db, tables: { loginAttempts } }: Queries, key: string, since: number) {
  const found = yield* rows(
    db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.state, 'failed'),
          gt(loginAttempts.at, since),
        ),
      )
      .orderBy(asc(loginAttempts.at)),
  )
  return found.map((row) => row.at)
}

/** The key's tries reserved since `since` and still being checked. */
function* pendingTries({ db, tables: { loginAttempts } }: Queries, key: string, since: number) {
  const found = yield* first(
    db
      .select({ tries: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.state, 'pending'),
          gt(loginAttempts.at, since),
        ),
      ),
  )
  return found?.tries ?? 0
}

/**
 * Runs password checks a few at a time and keeps a short line of waiting ones: however many
 * sign-ins arrive, unauthenticated clients never have more than `concurrent` hashes running.
 */
export class CheckQueue {
  private running = 0
  private readonly waiting: (() => void)[] = []

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  /** The check's result once it has run; null at once when the line is full. */
  run<Result>(check: () => Promise<Result>): Promise<Result> | null {
    if (this.running >= this.concurrent && this.waiting.length >= this.queued) return null
    const turn =
      this.running < this.concurrent
        ? Promise.resolve()
        : new Promise<void>((resolve) => this.waiting.push(resolve))
    if (this.running < this.concurrent) this.running++
    return turn.then(check).finally(() => {
      const next = this.waiting.shift()
      // The slot passes straight to the next in line; only an empty line frees it.
      if (next) next()
      else this.running--
    })
  }
}
