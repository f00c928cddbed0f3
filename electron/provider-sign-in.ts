/**
 * "Log ind med kommunens login" in the desktop app connected to a server (issue 13). The flow is the one native
 * apps use (RFC 8252), described in core/auth/desktop-handoff.ts: a one-shot listener on 127.0.0.1, the person's
 * own browser (where their single sign-on already lives, and where the app never sees their password), then the
 * exchange of the one-time code and this app's verifier for the session token.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { challengeOf, DESKTOP_CHALLENGE_PARAM, DESKTOP_LOOPBACK_PATH, DESKTOP_PORT_PARAM, DESKTOP_TOKEN_PATH, newSecret } from '../core/auth/desktop-handoff';
import { ERROR_CODES, type ApiResult, type ErrorCode } from '../shared/errors';
import { errorBody, type Locale } from '../shared/messages';
import { translate } from '../shared/i18n';

export interface ProviderSignInDeps {
  /** The server this desktop is connected to. */
  origin: string;
  /** Opens the address in the person's default browser (Electron's shell.openExternal). */
  openExternal(url: string): Promise<void>;
  locale: Locale;
  /** How long the person has to sign in; then the listener closes. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Ends the wait early (a second click, the window closing). */
  signal?: AbortSignal;
}

/** Five minutes: time to find a phone for the second factor, not an open port all day. */
export const PROVIDER_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

const fail = (code: ErrorCode, locale: Locale): ApiResult<never> => ({ ok: false, error: errorBody(code, locale) });
const isErrorCode = (text: string | null): text is ErrorCode => (ERROR_CODES as readonly string[]).includes(text ?? '');

/** The page the browser shows when it comes back to the app: done, or what went wrong. Plain text, no script. */
function browserPage(res: http.ServerResponse, locale: Locale, refusal: ErrorCode | undefined): void {
  const title = translate(locale, refusal ? 'providerSignIn.pageFailed' : 'providerSignIn.pageDone');
  const text = refusal ? errorBody(refusal, locale).message : translate(locale, 'providerSignIn.pageClose');
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'",
    'referrer-policy': 'no-referrer',
  });
  res.end(`<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>${escape(title)}</title><h1>${escape(title)}</h1><p>${escape(text)}</p></html>`);
}

/** Signs in through the server's identity provider; the session token, or the refusal in the person's language. */
export async function signInThroughProvider(deps: ProviderSignInDeps): Promise<ApiResult<{ token: string }>> {
  const { origin, locale } = deps;
  const verifier = newSecret();
  let answered: (answer: { code: string } | { error: ErrorCode }) => void = () => {};
  const answer = new Promise<{ code: string } | { error: ErrorCode }>((resolve) => (answered = resolve));
  const listener = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== DESKTOP_LOOPBACK_PATH) {
      res.writeHead(404).end();
      return;
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    const refusal = code ? undefined : isErrorCode(error) ? error : 'OIDC_FAILED';
    browserPage(res, locale, refusal);
    answered(refusal ? { error: refusal } : { code: code! }); // why: refusal is undefined only when code is a non-empty string
  });
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(0, '127.0.0.1', () => resolve());
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    const { port } = listener.address() as AddressInfo; // why: a TCP listener that is listening has an AddressInfo
    const start = new URL('/auth/oidc/start', origin);
    start.searchParams.set(DESKTOP_PORT_PARAM, String(port));
    start.searchParams.set(DESKTOP_CHALLENGE_PARAM, challengeOf(verifier));
    await deps.openExternal(start.href);
    const ended = new Promise<'timed_out' | 'aborted'>((resolve) => {
      timer = setTimeout(() => resolve('timed_out'), deps.timeoutMs ?? PROVIDER_SIGN_IN_TIMEOUT_MS);
      if (deps.signal?.aborted) resolve('aborted');
      deps.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    const got = await Promise.race([answer, ended]);
    if (got === 'timed_out') return fail('OIDC_TIMED_OUT', locale);
    if (got === 'aborted') return fail('OIDC_CANCELLED', locale);
    if ('error' in got) return fail(got.error, locale);
    let reply: Response;
    try {
      reply = await (deps.fetch ?? fetch)(new URL(DESKTOP_TOKEN_PATH, origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': locale },
        body: JSON.stringify({ code: got.code, verifier }),
      });
    } catch {
      return fail('SERVER_UNREACHABLE', locale);
    }
    const body = (await reply.json().catch(() => null)) as { ok?: unknown; data?: { token?: unknown }; error?: { code?: unknown } } | null; // why: checked field by field below
    if (body?.ok === true && typeof body.data?.token === 'string' && body.data.token) return { ok: true, data: { token: body.data.token } };
    const code = typeof body?.error?.code === 'string' && isErrorCode(body.error.code) ? body.error.code : 'OIDC_FAILED';
    return fail(code, locale);
  } finally {
    clearTimeout(timer);
    listener.close();
    listener.closeAllConnections();
  }
}
