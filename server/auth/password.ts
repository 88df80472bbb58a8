/**
 * Password hashing with scrypt at OWASP's recommended cost (N=2^17, r=8, p=1), stored as
 * `scrypt$N$r$p$salt$hash`, so the parameters can be raised later without breaking old hashes.
 * `CHORUS_SCRYPT_LOG2_N` changes N for new hashes only, between 2^14 (Node's own default, the
 * floor) and 2^20. The test servers use 2^14: each account the tests create and sign in costs two
 * hashes, 2 × 360 ms at 2^17 on the 2-core CI machine against 2 × 42 ms at 2^14 — about a minute
 * of CI. Production keeps the default.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

const DEFAULT_LOG2_N = 17
const N = 2 ** costExponent(process.env.CHORUS_SCRYPT_LOG2_N)

/** The configured exponent, or the default when unset or outside 14..20. */
function costExponent(value: string | undefined): number {
  const n = Number(value)
  return value && Number.isInteger(n) && n >= 14 && n <= 20 ? n : DEFAULT_LOG2_N
}
const R = 8
const P = 1
const KEY_LEN = 64

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

/** Hash a password for storage. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, KEY_LEN, { N, r: R, p: P, maxmem: 256 * N * R })
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$')
}

/** Check a password against a stored hash, in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split('$')
  if (kind !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * Number(n) * Number(r) }
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, options)
  return timingSafeEqual(key, expected)
}

/** A hash to compare against when the account does not exist, so timing does not reveal it. */
export const DUMMY_HASH = `scrypt$${N}$${R}$${P}$AAAAAAAAAAAAAAAAAAAAAA==$` + Buffer.alloc(KEY_LEN).toString('base64')
