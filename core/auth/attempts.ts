/**
 * Sign-in attempts, limited per account (e-mail) and per client address, in memory: a restart forgets the
 * counts, which costs an attacker a restart they cannot cause. Lock-out after wrong passwords is kept with the
 * credential in the store instead (core/auth/service.ts), so a restart does not unlock an account; only e-mails
 * that name nobody are counted here, so that they lock alike and a lock-out does not tell which e-mails exist.
 */
import type { Clock } from '../context';

export const ATTEMPT_WINDOW_MS = 60_000;
/** Attempts a minute for one e-mail: room for the 10 wrong passwords that lock it, not for guessing. */
export const ACCOUNT_ATTEMPTS_PER_WINDOW = 12;
/** Attempts a minute from one address: a warehouse's tablets may share one address behind the proxy. */
export const ADDRESS_ATTEMPTS_PER_WINDOW = 30;
/** Wrong passwords in a row that lock an account. */
export const LOCK_AFTER = 10;
export const LOCK_MS = 15 * 60_000;
/** Keys kept per table at most: an attacker varying e-mails or addresses cannot grow memory without end. */
const MAX_KEYS = 50_000;

/** Sets `key` as the newest entry, dropping the oldest when the map is full. */
function touch<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key);
  if (map.size >= MAX_KEYS) {
    const oldest = map.keys().next().value;
    if (oldest !== undefined) map.delete(oldest);
  }
  map.set(key, value);
}

/** A sliding window of attempt times per key. */
class Window {
  private readonly times = new Map<string, number[]>();
  constructor(private readonly limit: number) {}

  /** Counts an attempt now; 'ok' within the limit, 'first' for the first refused one in the window, else 'again'. */
  hit(key: string, now: number): 'ok' | 'first' | 'again' {
    const recent = (this.times.get(key) ?? []).filter((t) => now - t < ATTEMPT_WINDOW_MS);
    recent.push(now);
    touch(this.times, key, recent);
    if (recent.length <= this.limit) return 'ok';
    return recent.length === this.limit + 1 ? 'first' : 'again';
  }
}

export class SignInAttempts {
  private readonly byAccount = new Window(ACCOUNT_ATTEMPTS_PER_WINDOW);
  private readonly byAddress = new Window(ADDRESS_ATTEMPTS_PER_WINDOW);
  /** Wrong attempts in a row for e-mails that name nobody, and until when each is "locked". */
  private readonly unknown = new Map<string, { failed: number; lockedUntil?: number }>();

  constructor(private readonly clock: Clock) {}

  /** Counts an attempt: 'ok', or refused ('first' the first time in the window, so the log gets one entry, not thousands). */
  admit(email: string, address: string | undefined): 'ok' | 'first' | 'again' {
    const now = this.clock.now().getTime();
    const account = this.byAccount.hit(email, now);
    const from = address === undefined ? 'ok' : this.byAddress.hit(address, now);
    if (account === 'ok' && from === 'ok') return 'ok';
    return account === 'first' || from === 'first' ? 'first' : 'again';
  }

  /** Until when an e-mail that names nobody counts as locked, if it does now. */
  unknownLockedUntil(email: string): number | undefined {
    const until = this.unknown.get(email)?.lockedUntil;
    return until !== undefined && until > this.clock.now().getTime() ? until : undefined;
  }

  /** A wrong attempt for an e-mail that names nobody; returns the lock's end when this one locks it. */
  unknownFailed(email: string): number | undefined {
    const now = this.clock.now().getTime();
    const failed = (this.unknown.get(email)?.failed ?? 0) + 1;
    const lockedUntil = failed >= LOCK_AFTER ? now + LOCK_MS : undefined;
    touch(this.unknown, email, lockedUntil === undefined ? { failed } : { failed: 0, lockedUntil });
    return lockedUntil;
  }
}
