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

const MAX_KEYS = 50_000

/** What a sign-in that is still being checked waits before trying again. */
export const IN_FLIGHT_RETRY_MS = 1000

/** A try reserved before the password is checked; settle it exactly once. */
export interface SignInAttempt {
  failed(now: number): void
  succeeded(): void
  /** The password was never checked (the server was too busy): the try does not count. */
  withdrawn(): void
}

/**
 * Failed sign-ins per account and per client address in a sliding window, in memory: one
 * process serves a company, and a restart forgetting the count is acceptable. A try is
 * counted before its password is checked, so tries sent at once cannot all pass the check.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()
  private readonly pending = new Map<string, number>()
  private readonly limits: Required<ThrottleLimits>
  /** The password checks of sign-ins, a few at a time. */
  readonly checks: CheckQueue

  constructor(limits: ThrottleLimits = DEFAULT_THROTTLE) {
    this.limits = { ...DEFAULT_THROTTLE, ...limits }
    this.checks = new CheckQueue(this.limits.concurrentChecks, this.limits.queuedChecks)
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs)
    if (times.length === 0) this.failures.delete(key)
    else this.failures.set(key, times)
    return times
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
    let wait = 0
    for (const [key, limit] of this.keys(account, address)) {
      const times = this.recent(key, now)
      const inFlight = this.pending.get(key) ?? 0
      if (times.length >= limit) {
        wait = Math.max(wait, times[times.length - limit]! + this.limits.windowMs - now)
      } else if (times.length + inFlight >= limit) {
        wait = Math.max(wait, IN_FLIGHT_RETRY_MS)
      }
    }
    if (wait > 0) return { retryAfterMs: wait }
    const keys = this.keys(account, address).map(([key]) => key)
    for (const key of keys) this.pending.set(key, (this.pending.get(key) ?? 0) + 1)
    let settled = false
    const settle = () => {
      if (settled) throw new Error('A sign-in attempt was settled twice')
      settled = true
      for (const key of keys) {
        const left = (this.pending.get(key) ?? 1) - 1
        if (left === 0) this.pending.delete(key)
        else this.pending.set(key, left)
      }
    }
    return {
      failed: (at) => {
        settle()
        this.recordFailure(keys, at)
      },
      // A successful sign-in clears the account's count; the address keeps its history.
      succeeded: () => {
        settle()
        this.failures.delete(keys[0]!)
      },
      withdrawn: settle,
    }
  }

  private recordFailure(keys: readonly string[], now: number): void {
    if (this.failures.size >= MAX_KEYS) this.sweep(now)
    for (const key of keys) this.failures.set(key, [...this.recent(key, now), now])
  }

  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now)
    // Still full: drop the oldest keys rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size < MAX_KEYS) break
      this.failures.delete(key)
    }
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
