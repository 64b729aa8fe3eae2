import { and, asc, count, eq, gt, inArray, lte } from 'drizzle-orm'
import { atomically, immediately, type Db } from '../../db/client'
import { loginAttempts } from '../../db/schema'

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
  failed(now: number): void
  succeeded(): void
  /** The password was never checked (the server was too busy): the try does not count. */
  withdrawn(): void
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
    private readonly db: Db,
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
  reserve(account: string, address: string, now: number): SignInAttempt | { retryAfterMs: number } {
    const keys = this.keys(account, address)
    // Read and reserve under the write lock, so another instance cannot count in between.
    const reserved = immediately(this.db, () => {
      this.db
        .delete(loginAttempts)
        .where(lte(loginAttempts.at, now - Math.max(this.limits.windowMs, IN_FLIGHT_EXPIRY_MS)))
        .run()
      let wait = 0
      for (const [key, limit] of keys) {
        const times = this.failureTimes(key, now)
        const inFlight = this.inFlight(key, now)
        if (times.length >= limit) {
          wait = Math.max(wait, times[times.length - limit]! + this.limits.windowMs - now)
        } else if (times.length + inFlight >= limit) {
          wait = Math.max(wait, IN_FLIGHT_RETRY_MS)
        }
      }
      if (wait > 0) return { retryAfterMs: wait }
      return keys.map(
        ([key]) =>
          this.db
            .insert(loginAttempts)
            .values({ key, state: 'pending', at: now })
            .returning({ id: loginAttempts.id })
            .get().id,
      )
    })
    if (!Array.isArray(reserved)) return reserved
    const rows = inArray(loginAttempts.id, reserved)
    let settled = false
    const settle = () => {
      if (settled) throw new Error('A sign-in attempt was settled twice')
      settled = true
    }
    return {
      failed: (at) => {
        settle()
        this.db.update(loginAttempts).set({ state: 'failed', at }).where(rows).run()
      },
      // A successful sign-in clears the account's count; the address keeps its history.
      succeeded: () => {
        settle()
        atomically(this.db, () => {
          this.db.delete(loginAttempts).where(rows).run()
          this.db.delete(loginAttempts).where(eq(loginAttempts.key, keys[0][0])).run()
        })
      },
      withdrawn: () => {
        settle()
        this.db.delete(loginAttempts).where(rows).run()
      },
    }
  }

  /** The key's failures within the window, oldest first. */
  private failureTimes(key: string, now: number): number[] {
    return this.db
      .select({ at: loginAttempts.at })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.state, 'failed'),
          gt(loginAttempts.at, now - this.limits.windowMs),
        ),
      )
      .orderBy(asc(loginAttempts.at))
      .all()
      .map((row) => row.at)
  }

  /** The key's tries still being checked. */
  private inFlight(key: string, now: number): number {
    return this.db
      .select({ tries: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.key, key),
          eq(loginAttempts.state, 'pending'),
          gt(loginAttempts.at, now - IN_FLIGHT_EXPIRY_MS),
        ),
      )
      .get()!.tries
  }
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
