import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { MIN_PASSWORD_LENGTH } from '../../db/domain'

/** scrypt work factors; the defaults follow OWASP's first recommendation (N = 2^17, r = 8, p = 1). */
export interface PasswordCost {
  logN: number
  r: number
  p: number
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { logN: 17, r: 8, p: 1 }

const KEY_BYTES = 32
const SALT_BYTES = 16
export const MAX_PASSWORD_LENGTH = 256

/** Derives a key from a password; scrypt in use, replaceable so tests can watch the work done. */
export type DeriveKey = (password: string, salt: Buffer, cost: PasswordCost) => Promise<Buffer>

export const scryptKey: DeriveKey = (password, salt, cost) => {
  const options: ScryptOptions = {
    N: 2 ** cost.logN,
    r: cost.r,
    p: cost.p,
    // scrypt needs 128·N·r bytes; leave room above it.
    maxmem: 256 * 2 ** cost.logN * cost.r,
  }
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => {
      if (error) reject(error)
      else resolve(key)
    })
  })
}

/** `scrypt$logN$r$p$salt$key`, salt and key in base64url: the cost travels with each hash. */
export async function hashPassword(
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
  deriveKey: DeriveKey = scryptKey,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(password, salt, cost)
  return [
    'scrypt',
    cost.logN,
    cost.r,
    cost.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ]
    .map(String)
    .join('$')
}

function parseHash(stored: string): { cost: PasswordCost; salt: Buffer; key: Buffer } | null {
  const [scheme, logN, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return null
  const cost = { logN: Number(logN), r: Number(r), p: Number(p) }
  if (!Object.values(cost).every((value) => Number.isInteger(value) && value > 0)) return null
  return { cost, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') }
}

/** Whether the password matches the stored hash, compared in constant time. */
export async function verifyPassword(
  password: string,
  stored: string,
  deriveKey: DeriveKey = scryptKey,
): Promise<boolean> {
  const parsed = parseHash(stored)
  if (!parsed) return false
  const key = await deriveKey(password, parsed.salt, parsed.cost)
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key)
}

/**
 * Checks a password against a user's hash, or, when there is no such user, against a hash of
 * the same cost that nothing matches: both take one scrypt, so the time says nothing about
 * whether the account exists.
 */
export class PasswordChecker {
  private readonly dummyHash: Promise<string>

  constructor(
    readonly cost: PasswordCost = DEFAULT_PASSWORD_COST,
    private readonly deriveKey: DeriveKey = scryptKey,
  ) {
    this.dummyHash = hashPassword(randomBytes(24).toString('base64url'), cost, deriveKey)
  }

  hash(password: string): Promise<string> {
    return hashPassword(password, this.cost, this.deriveKey)
  }

  async check(password: string, stored: string | null | undefined): Promise<boolean> {
    const standIn = await this.dummyHash
    const matches = await verifyPassword(password, stored ?? standIn, this.deriveKey)
    return matches && stored !== null && stored !== undefined
  }
}

const PASSWORD_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/** A random password of 20 characters from an alphabet without look-alikes (about 116 bits). */
export function generatePassword(length = 20): string {
  const bytes = randomBytes(length * 2)
  let password = ''
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= 256 - (256 % PASSWORD_ALPHABET.length)) continue
    password += PASSWORD_ALPHABET.charAt(byte % PASSWORD_ALPHABET.length)
    if (password.length === length) return password
  }
  return password + generatePassword(length - password.length)
}

/** Why a proposed password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${MIN_PASSWORD_LENGTH} characters`
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${MAX_PASSWORD_LENGTH} characters`
  }
  return null
}
