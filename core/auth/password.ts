/**
 * Local passwords (issue 13): scrypt from Node's crypto, N = 2^17, r = 8, p = 1 (OWASP's scrypt minimum), a fresh
 * 16-byte salt per password, kept as one self-describing string so a stronger cost can be chosen later without
 * breaking the passwords already set. Compared with timingSafeEqual.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FieldKey } from '../../shared/messages';

const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** The shortest password accepted, in characters. */
export const PASSWORD_MIN_LENGTH = 12;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  // why maxmem: scrypt needs 128 * N * r bytes; Node's default limit (32 MB) is below that at N = 2^17
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** The password as stored: `scrypt$N$r$p$salt$hash`, salt and hash base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const STORED = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

/**
 * Whether `password` is the one `stored` was made from. A stored value this code cannot read is a mismatch,
 * never an error; costs far above ours are refused too, so a tampered record cannot make a sign-in hang.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED.exec(stored);
  if (!m) return false;
  const [N, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (N > 2 ** 20 || r > 32 || p > 16 || N < 2 || (N & (N - 1)) !== 0) return false;
  const expected = Buffer.from(m[5]!, 'base64url');
  if (expected.length === 0) return false;
  const key = await derive(password, Buffer.from(m[4]!, 'base64url'), { N, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/**
 * A hash of no one's password, checked when the e-mail names nobody (or someone without a password), so a wrong
 * e-mail takes as long to refuse as a wrong password and the answer's time does not tell which e-mails exist.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('base64url'));
  return dummy;
}

/** What is wrong with a new password for the person with `email`, as a field message key; undefined when it is fine. */
export function passwordProblem(password: string, email: string): FieldKey | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  const p = password.trim().toLowerCase();
  const e = email.trim().toLowerCase();
  if (p === e || p === e.split('@')[0]) return 'password_is_email';
  return undefined;
}
