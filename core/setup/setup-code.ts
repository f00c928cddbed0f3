/**
 * The setup code of a shared server's first start (issue 13): until the first admin exists, setup.initialize is
 * open to anyone who reaches the server, so it asks for a code only the operator can read (the server's log, or
 * KREDSLOB_SETUP_CODE). Letters and digits people do not confuse, in groups of four, compared without case,
 * spaces or dashes, in constant time.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 16 characters of 31: about 79 bits, beyond guessing over HTTP. */
export function makeSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const normal = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');
const digest = (code: string): Buffer => createHash('sha256').update(normal(code)).digest();

/** Whether the code given is the server's; false when either is missing. */
export function sameSetupCode(given: string | undefined, expected: string | undefined): boolean {
  if (given === undefined || expected === undefined || normal(given) === '') return false;
  return timingSafeEqual(digest(given), digest(expected));
}
