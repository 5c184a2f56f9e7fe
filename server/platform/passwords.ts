import { randomBytes, scrypt, timingSafeEqual, createHash, type ScryptOptions } from 'node:crypto'
import { config } from './config'

// scrypt from Node's crypto: a memory-hard KDF, parameters as OWASP's password storage cheat sheet
// suggests (N = 2^17, r = 8, p = 1). N comes from PLAZA_PASSWORD_SCRYPT_LOG2N, which only tests lower;
// each stored hash names its own parameters, so hashes made with another N still verify.
const R = 8
const P = 1
const MAX_MEMORY = 256 * 1024 * 1024
const KEY_LENGTH = 32

// A hash at N = 2^17 holds 128 MB outside the JavaScript heap for its duration, and Node runs up to
// four at once on its thread pool: two at a time keeps a burst of sign-ins from taking half a gigabyte.
const MAX_CONCURRENT = 2
let running = 0
const waiting: (() => void)[] = []

async function derive(password: string, salt: Buffer, params: ScryptOptions): Promise<Buffer> {
  if (running >= MAX_CONCURRENT) await new Promise<void>(resolve => waiting.push(resolve))
  running++
  try {
    return await new Promise((resolve, reject) => {
      scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...params, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key)))
    })
  }
  finally {
    running--
    waiting.shift()?.()
  }
}

export async function hashPassword(password: string, log2N = config().PLAZA_PASSWORD_SCRYPT_LOG2N): Promise<string> {
  const salt = randomBytes(16)
  const N = 2 ** log2N
  const key = await derive(password, salt, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(stored: string, candidate: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(candidate, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) })
  return timingSafeEqual(expected, actual)
}

/**
 * Spends the time a real check would, for a sign-in whose account does not exist or has no password,
 * so the answer's timing does not tell which accounts exist.
 */
export async function verifyNothing(candidate: string): Promise<false> {
  await derive(candidate, randomBytes(16), { N: 2 ** config().PLAZA_PASSWORD_SCRYPT_LOG2N, r: R, p: P })
  return false
}

/** Compares two secrets in constant time, whatever their lengths. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b))
}

export function sha256(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

export function generateSecret(bytes: number): string {
  return randomBytes(bytes).toString('base64url')
}
