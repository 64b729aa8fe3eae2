/** How many failed sign-ins a key may have within the window before it must wait. */
export interface ThrottleLimits {
  perAccount: number
  perAddress: number
  windowMs: number
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  perAccount: 5,
  perAddress: 20,
  windowMs: 15 * 60_000,
}

const MAX_KEYS = 50_000

/**
 * Failed sign-ins per account and per client address in a sliding window, in memory: one
 * process serves a company, and a restart forgetting the count is acceptable.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {}

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((at) => at > now - this.limits.windowMs)
    if (times.length === 0) this.failures.delete(key)
    else this.failures.set(key, times)
    return times
  }

  /** Milliseconds until the account or the address may try again; 0 when it may now. */
  retryAfter(account: string, address: string, now: number): number {
    const waits = [
      [`account:${account}`, this.limits.perAccount],
      [`address:${address}`, this.limits.perAddress],
    ] as const
    let wait = 0
    for (const [key, limit] of waits) {
      const times = this.recent(key, now)
      if (times.length >= limit) {
        wait = Math.max(wait, times[times.length - limit]! + this.limits.windowMs - now)
      }
    }
    return wait
  }

  recordFailure(account: string, address: string, now: number): void {
    if (this.failures.size >= MAX_KEYS) this.sweep(now)
    for (const key of [`account:${account}`, `address:${address}`]) {
      this.failures.set(key, [...this.recent(key, now), now])
    }
  }

  /** A successful sign-in clears the account's count; the address keeps its history. */
  recordSuccess(account: string): void {
    this.failures.delete(`account:${account}`)
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
