/**
 * Sessions: in standalone mode a person picks a profile and gets a token; in shared mode (issue 13) they sign in
 * (core/auth) and get the same kind of token, which the HTTP layer keeps in a cookie for a browser.
 *
 * A session ends when it is signed out, after the idle limit without a call (a PC left signed in overnight; the
 * settings' sessionIdleMinutes, else the server's default), or when
 * more than `maxSessions` are open (the oldest-used goes first), so the table cannot grow without end.
 */
import { randomBytes } from 'node:crypto';
import { systemClock, type Clock } from '../context';
import { SESSION_IDLE_MINUTES_DEFAULT, type CoreMode, type Settings } from '../../shared/schemas';
import { SignInAttempts } from '../auth/attempts';

export const DEFAULT_SESSION_IDLE_MS = SESSION_IDLE_MINUTES_DEFAULT * 60_000;
export const DEFAULT_MAX_SESSIONS = 1000;

export interface SessionOptions {
  /** The idle limit while the settings name none (the server's KREDSLOB_SESSION_IDLE_MINUTES; default 8 hours). */
  idleMs?: number;
  maxSessions?: number;
  clock?: Clock;
  /** Shared mode (issue 13): people sign in with a password or the identity provider; no profile picker. Default standalone. */
  mode?: CoreMode;
  /** The identity provider's name on the sign-in button, when OpenID Connect is configured (shared mode). */
  oidcName?: string | undefined;
  /** Shared mode on an empty store: the code setup.initialize asks for (printed by the server at start). */
  setupCode?: string | undefined;
}

interface Entry {
  userId: string;
  lastUsed: number;
}

export class Sessions {
  // why a Map: it keeps insertion order, and a used session is re-inserted, so the first key is the oldest-used
  private readonly byToken = new Map<string, Entry>();
  /** The idle limit when the settings name none. */
  readonly defaultIdleMs: number;
  // why not readonly: the settings' figure (applySettings) holds from the next check, so a change needs no restart
  private idleMs: number;
  private readonly maxSessions: number;
  private readonly clock: Clock;
  /** How people get a session here: choosing a profile (standalone) or signing in (shared). */
  readonly mode: CoreMode;
  /** Sign-in attempts per account and address (shared mode). */
  readonly attempts: SignInAttempts;
  readonly oidcName: string | undefined;
  readonly setupCode: string | undefined;

  constructor(options: SessionOptions = {}) {
    this.defaultIdleMs = options.idleMs ?? DEFAULT_SESSION_IDLE_MS;
    this.idleMs = this.defaultIdleMs;
    this.maxSessions = options.maxSessions ?? DEFAULT_MAX_SESSIONS;
    this.clock = options.clock ?? systemClock;
    this.mode = options.mode ?? 'standalone';
    this.attempts = new SignInAttempts(this.clock);
    this.oidcName = options.oidcName;
    this.setupCode = options.setupCode;
  }

  /**
   * The idle limit from the settings (their figure, else the default), at the core's start and after each save of
   * the settings. It holds for every open session from its next call: one idle longer than a new, shorter limit ends then.
   */
  applySettings(settings: Pick<Settings, 'sessionIdleMinutes'>): void {
    this.idleMs = settings.sessionIdleMinutes === undefined ? this.defaultIdleMs : settings.sessionIdleMinutes * 60_000;
  }

  /** The default idle limit in whole minutes, as the settings screen shows it when the settings name none. */
  get defaultIdleMinutes(): number {
    return Math.round(this.defaultIdleMs / 60_000);
  }

  start(userId: string): string {
    const token = randomBytes(24).toString('base64url');
    while (this.byToken.size >= this.maxSessions) {
      const oldest = this.byToken.keys().next().value;
      if (oldest === undefined) break;
      this.byToken.delete(oldest);
    }
    this.byToken.set(token, { userId, lastUsed: this.clock.now().getTime() });
    return token;
  }

  /** The profile of a live session, and the session counts as used now; undefined once it has been idle too long. */
  userIdFor(token: string | undefined): string | undefined {
    if (token === undefined) return undefined;
    const entry = this.byToken.get(token);
    if (!entry) return undefined;
    const now = this.clock.now().getTime();
    this.byToken.delete(token);
    if (now - entry.lastUsed >= this.idleMs) return undefined;
    this.byToken.set(token, { userId: entry.userId, lastUsed: now });
    return entry.userId;
  }

  /** Ends a session; ending one that is unknown or already over is not an error (signing out twice is harmless). */
  end(token: string | undefined): void {
    if (token !== undefined) this.byToken.delete(token);
  }

  get size(): number {
    return this.byToken.size;
  }
}
