import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { env } from './env.server'

const scrypt = promisify(crypto.scrypt) as (
  password: crypto.BinaryLike,
  salt: crypto.BinaryLike,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>

const KEY_LENGTH = 64
const BLOCK_SIZE = 8
const PARALLELISM = 1

// Format: scrypt$N$r$p$salt$hash (base64url), so the cost can rise later without breaking old hashes.
export async function hashPassword(password: string): Promise<string> {
  const cost = env().SCRYPT_COST
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options(cost, BLOCK_SIZE, PARALLELISM))
  return ['scrypt', cost, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), hash.toString('base64url')].join('$')
}

/** Accounts created by single sign-on hold no password: their stored value is not a hash anything can match. */
export const NO_PASSWORD = '!'

export function isUsablePasswordHash(stored: string): boolean {
  return stored.startsWith('scrypt$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, hashText] = stored.split('$')
  // The same time as a real check, so an account without a password does not answer faster than one with.
  if (scheme !== 'scrypt' || !saltText || !hashText) return verifyAgainstDummy(password)
  const expected = Buffer.from(hashText, 'base64url')
  const actual = await scrypt(
    password.normalize('NFC'),
    Buffer.from(saltText, 'base64url'),
    expected.length,
    options(Number(n), Number(r), Number(p)),
  )
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

function options(N: number, r: number, p: number): crypto.ScryptOptions {
  return { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }
}

let dummyHash: Promise<string> | undefined
/** Spends the same time as a real check, so response time does not reveal whether an account exists. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'))
  await verifyPassword(password, await dummyHash)
  return false
}
