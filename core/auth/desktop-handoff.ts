/**
 * The desktop app's sign-in through the municipality's identity provider (issue 13), the way native apps do it
 * (RFC 8252, "OAuth 2.0 for Native Apps"): the app cannot receive the provider's redirect itself, and must not see
 * the person's password, so
 *
 * 1. the app listens on 127.0.0.1 on a port of its choosing, makes a secret `verifier`, and opens the person's own
 *    browser at the server's `/auth/oidc/start?desktop=<port>&challenge=<sha256 of the verifier>`;
 * 2. the server runs its usual sign-in with the provider (its own PKCE, state and nonce) and, at the callback,
 *    instead of setting a cookie in that browser, hands the new session to a one-time `code` and sends the browser
 *    to `http://127.0.0.1:<port>/kredslob-sign-in?code=…` (or `?error=CODE` when the sign-in was refused);
 * 3. the app posts the code with its verifier to `/auth/oidc/desktop-token` and gets the session token, which it
 *    then uses as a bearer token like a password sign-in's.
 *
 * Another program on the PC that catches the code cannot use it without the verifier, which never leaves the app;
 * a code works once, for two minutes.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The loopback path the server sends the browser to on the app's port. */
export const DESKTOP_LOOPBACK_PATH = '/kredslob-sign-in';
/** Where the app exchanges its code and verifier for the session token (POST, JSON). */
export const DESKTOP_TOKEN_PATH = '/auth/oidc/desktop-token';
/** The start address's parameters: the app's loopback port and its challenge. */
export const DESKTOP_PORT_PARAM = 'desktop';
export const DESKTOP_CHALLENGE_PARAM = 'challenge';

/** base64url of 32 bytes, no padding: a verifier, a challenge and a code all look like this. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The challenge of a verifier: base64url(sha256(verifier)), as PKCE's S256. */
export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export interface DesktopRequest {
  port: number;
  challenge: string;
}

/**
 * The desktop's part of a start address, or null when there is none; throws naming what is wrong when it is
 * there but malformed (never a redirect to a port or page the app did not ask for).
 */
export function desktopRequestOf(params: URLSearchParams): DesktopRequest | null {
  const port = params.get(DESKTOP_PORT_PARAM);
  const challenge = params.get(DESKTOP_CHALLENGE_PARAM);
  if (port === null && challenge === null) return null;
  if (port === null || !/^\d{1,5}$/.test(port) || Number(port) < 1024 || Number(port) > 65535) throw new Error(`the desktop port "${port ?? ''}" is not a port from 1024 to 65535`);
  if (challenge === null || !SECRET.test(challenge)) throw new Error('the desktop challenge is not 43 characters of base64url');
  return { port: Number(port), challenge };
}

/** The desktop request kept between start and callback (in the flow's cookie), as text and back. */
export const desktopRequestText = (r: DesktopRequest): string => `${r.port}.${r.challenge}`;
export function desktopRequestFromText(text: string | undefined): DesktopRequest | null {
  const m = /^(\d{4,5})\.([A-Za-z0-9_-]{43})$/.exec(text ?? '');
  if (!m) return null;
  const port = Number(m[1]);
  return port >= 1024 && port <= 65535 ? { port, challenge: m[2]! } : null;
}

/** The app's loopback address for a finished sign-in: a code, or the refusal's error code. */
export function loopbackUrl(port: number, answer: { code: string } | { error: string }): string {
  const url = new URL(`http://127.0.0.1:${port}${DESKTOP_LOOPBACK_PATH}`);
  if ('code' in answer) url.searchParams.set('code', answer.code);
  else url.searchParams.set('error', answer.error);
  return url.href;
}

interface Handoff {
  token: string;
  challenge: string;
  expiresAt: number;
}

/** Sessions waiting for their desktop app to collect them: one-time codes, kept in memory for two minutes. */
export class DesktopHandoffs {
  private readonly waiting = new Map<string, Handoff>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifeMs = 120_000,
    /** Kept at most: a loop of sign-ins never collected cannot grow memory without end (the oldest go first). */
    private readonly max = 1000,
  ) {}

  /** Keeps `token` for the app that holds the verifier of `challenge`; the code to send it. */
  give(token: string, challenge: string): string {
    this.sweep();
    while (this.waiting.size >= this.max) this.waiting.delete(this.waiting.keys().next().value!);
    const code = newSecret();
    this.waiting.set(code, { token, challenge, expiresAt: this.now() + this.lifeMs });
    return code;
  }

  /**
   * The token for `code` when `verifier` is the one its challenge was made from, else undefined. A code is gone
   * after its first use, right or wrong, so it cannot be guessed at.
   */
  take(code: string, verifier: string): string | undefined {
    this.sweep();
    const handoff = this.waiting.get(code);
    if (!handoff) return undefined;
    this.waiting.delete(code);
    if (!SECRET.test(verifier)) return undefined;
    const given = Buffer.from(challengeOf(verifier));
    const expected = Buffer.from(handoff.challenge);
    return given.length === expected.length && timingSafeEqual(given, expected) ? handoff.token : undefined;
  }

  private sweep(): void {
    const now = this.now();
    for (const [code, h] of this.waiting) if (h.expiresAt <= now) this.waiting.delete(code);
  }
}
