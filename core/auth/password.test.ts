import { describe, expect, it } from 'vitest';
import { TestClock } from '../testing/harness';
import { ACCOUNT_ATTEMPTS_PER_WINDOW, ADDRESS_ATTEMPTS_PER_WINDOW, ATTEMPT_WINDOW_MS, SignInAttempts } from './attempts';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('local passwords', () => {
  it('keeps scrypt with its cost and a fresh salt in one string, and knows the right password from a wrong one', async () => {
    const [a, b] = await Promise.all([hashPassword('Cykel-genbrug-2026'), hashPassword('Cykel-genbrug-2026')]);
    expect(a).toMatch(/^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b); // the salt differs
    expect(await verifyPassword('Cykel-genbrug-2026', a)).toBe(true);
    expect(await verifyPassword('cykel-genbrug-2026', a)).toBe(false);
    // A damaged or tampered record is a mismatch, never a crash or a hang.
    expect(await verifyPassword('Cykel-genbrug-2026', 'plain-text')).toBe(false);
    expect(await verifyPassword('Cykel-genbrug-2026', a.replace('131072', '1073741824'))).toBe(false);
  }, 60_000);

  it('refuses a password under 12 characters or equal to the e-mail, naming why', () => {
    expect(passwordProblem('kort-kode', 'anna@kk.dk')).toBe('password_too_short');
    expect(passwordProblem('Anna.Berg@KK.dk', 'anna.berg@kk.dk')).toBe('password_is_email');
    expect(passwordProblem('anna.berg.hansen', 'anna.berg.hansen@kk.dk')).toBe('password_is_email');
    expect(passwordProblem('æøå-genbrug-12', 'anna@kk.dk')).toBeUndefined();
  });
});

describe('sign-in attempts (in memory)', () => {
  it('limits attempts per e-mail and per address in a sliding minute, saying the first refusal apart', () => {
    const clock = new TestClock();
    const attempts = new SignInAttempts(clock);
    const results = Array.from({ length: ACCOUNT_ATTEMPTS_PER_WINDOW + 2 }, () => attempts.admit('anna@kk.dk', '10.0.0.1'));
    expect(results.filter((r) => r === 'ok')).toHaveLength(ACCOUNT_ATTEMPTS_PER_WINDOW);
    expect(results.slice(-2)).toEqual(['first', 'again']);
    clock.advance(ATTEMPT_WINDOW_MS);
    expect(attempts.admit('anna@kk.dk', '10.0.0.2')).toBe('ok');
    // One address trying many e-mails is stopped too.
    const fromOne = Array.from({ length: ADDRESS_ATTEMPTS_PER_WINDOW + 1 }, (_, i) => attempts.admit(`p${i}@kk.dk`, '10.0.0.3'));
    expect(fromOne.at(-1)).toBe('first');
    expect(attempts.admit('someone-else@kk.dk', '10.0.0.4')).toBe('ok');
  });

  it('locks an unknown e-mail after 10 wrong attempts for 15 minutes, as a real account would be', () => {
    const clock = new TestClock();
    const attempts = new SignInAttempts(clock);
    for (let i = 0; i < 9; i++) expect(attempts.unknownFailed('ghost@kk.dk')).toBeUndefined();
    expect(attempts.unknownFailed('ghost@kk.dk')).toBe(clock.now().getTime() + 15 * 60_000);
    expect(attempts.unknownLockedUntil('ghost@kk.dk')).toBeDefined();
    clock.advance(15 * 60_000);
    expect(attempts.unknownLockedUntil('ghost@kk.dk')).toBeUndefined();
  });
});
