/**
 * The identity provider's sign-in over HTTP (issue 13, wt-oidc), served by `npm run server` through the shared
 * HTTP options' `routes` hook:
 *
 * - GET /auth/oidc/start: remembers the state in a short-lived cookie and sends the browser to the provider.
 * - GET /auth/oidc/callback: the provider sends the browser back here; on success the session becomes the same
 *   HttpOnly, SameSite=Strict cookie a password sign-in gives, and the browser goes to the app. A refusal goes to
 *   the sign-in page with its error code (`/?signInError=CODE`), which shows its translated text; never a stack
 *   trace or JSON.
 *
 * The state cookie is SameSite=Lax: the provider's redirect back is a cross-site navigation, on which a Strict
 * cookie would not be sent. It binds the flow to the browser that started it, so a callback link made in someone
 * else's flow (login CSRF) is refused.
 *
 * The desktop app (core/auth/desktop-handoff.ts) starts the same flow in the person's browser with its loopback port
 * and challenge, kept in a second cookie beside the state; its callback hands the session to a one-time code sent to
 * the app's loopback address instead of setting a cookie, and POST /auth/oidc/desktop-token gives the app the token
 * for that code and its verifier.
 */
import type http from 'node:http';
import { z } from 'zod';
import { AppError } from '../errors';
import type { OidcSignIn } from '../auth/oidc';
import { DESKTOP_TOKEN_PATH, DesktopHandoffs, desktopRequestFromText, desktopRequestOf, desktopRequestText, loopbackUrl, type DesktopRequest } from '../auth/desktop-handoff';
import { cookieValue, readBody, SECURITY_HEADERS, send, sendError, sessionCookie, type SharedHttpOptions } from './server';
import { errorBody } from '../../shared/messages';
import { toLocale } from '../../shared/i18n';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from './server-config';
import type { ErrorCode } from '../../shared/errors';

/** The query parameter the sign-in page reads a refused identity-provider sign-in from. */
export const SIGN_IN_ERROR_PARAM = 'signInError';
const STATE_COOKIE = 'kredslob_oidc_state';
/** The desktop app's port and challenge of a flow it started (absent for a browser's own sign-in). */
const DESKTOP_COOKIE = 'kredslob_oidc_desktop';

/** A flow cookie, or with undefined one that ends it at once. */
function flowCookie(publicUrl: URL, name: string, value: string | undefined): string {
  const secure = publicUrl.protocol === 'https:' ? '; Secure' : '';
  const life = value === undefined ? 'Max-Age=0' : 'Max-Age=600';
  return `${name}=${value ?? ''}; HttpOnly; SameSite=Lax; Path=/auth/oidc/; ${life}${secure}`;
}

const stateCookie = (publicUrl: URL, state: string | undefined) => flowCookie(publicUrl, STATE_COOKIE, state);
const desktopCookie = (publicUrl: URL, request: DesktopRequest | undefined) => flowCookie(publicUrl, DESKTOP_COOKIE, request && desktopRequestText(request));

/** What the desktop app posts to collect its session. */
const DesktopTokenInput = z.object({ code: z.string().max(100), verifier: z.string().max(100) }).strict();
const MAX_TOKEN_BODY_BYTES = 1024;

function redirect(res: http.ServerResponse, location: string, cookies: string[]): void {
  res.writeHead(303, { location, 'cache-control': 'no-store', 'set-cookie': cookies, ...SECURITY_HEADERS });
  res.end();
}

/** The codes the sign-in page explains; anything else (a bug) is said as a failed sign-in. */
const SHOWN: ReadonlySet<ErrorCode> = new Set(['OIDC_FAILED', 'OIDC_NO_GROUP', 'OIDC_NOT_CONFIGURED', 'USER_INACTIVE']);

function refusalCode(err: unknown): ErrorCode {
  if (err instanceof AppError && SHOWN.has(err.code)) return err.code;
  return 'OIDC_FAILED';
}

/**
 * The routes for the shared HTTP options. `flow` resolves to the server's identity-provider sign-in once the core
 * has started, or undefined when none is configured.
 */
export function oidcRoutes(
  publicUrl: URL,
  flow: () => Promise<OidcSignIn | undefined>,
  handoffs: DesktopHandoffs = new DesktopHandoffs(),
): NonNullable<SharedHttpOptions['routes']> {
  const ended = [stateCookie(publicUrl, undefined), desktopCookie(publicUrl, undefined)];
  /** A refusal goes to the sign-in page, or for a desktop app's flow to the app, which says it there. */
  const refused = (res: http.ServerResponse, code: ErrorCode, desktop: DesktopRequest | null) =>
    redirect(res, desktop ? loopbackUrl(desktop.port, { error: code }) : `/?${SIGN_IN_ERROR_PARAM}=${code}`, ended);
  return async (req, res, url, address) => {
    if (url.pathname === DESKTOP_TOKEN_PATH && req.method === 'POST') {
      await collect(req, res, handoffs);
      return true;
    }
    if (req.method !== 'GET' || (url.pathname !== OIDC_START_PATH && url.pathname !== OIDC_CALLBACK_PATH)) return false;
    let desktop: DesktopRequest | null;
    try {
      desktop = url.pathname === OIDC_START_PATH ? desktopRequestOf(url.searchParams) : desktopRequestFromText(cookieValue(req.headers.cookie, DESKTOP_COOKIE));
    } catch (err) {
      // A malformed desktop start: never a redirect to a port or page the app did not ask for.
      console.warn('[kredslob oidc]', err instanceof Error ? err.message : err);
      refused(res, 'OIDC_FAILED', null);
      return true;
    }
    const signIn = await flow();
    if (!signIn) {
      refused(res, 'OIDC_NOT_CONFIGURED', desktop);
      return true;
    }
    try {
      if (url.pathname === OIDC_START_PATH) {
        const { url: to, state } = await signIn.begin();
        redirect(res, to.href, [stateCookie(publicUrl, state), desktopCookie(publicUrl, desktop ?? undefined)]);
      } else {
        // The URL the provider sent the browser to, as the browser saw it (the reverse proxy ends at the public URL).
        const callback = new URL(`${url.pathname}${url.search}`, publicUrl);
        const { token } = await signIn.complete(callback, cookieValue(req.headers.cookie, STATE_COOKIE), address);
        if (desktop) redirect(res, loopbackUrl(desktop.port, { code: handoffs.give(token, desktop.challenge) }), ended);
        else redirect(res, '/', [sessionCookie(publicUrl, token), ...ended]);
      }
    } catch (err) {
      if (!(err instanceof AppError)) console.error('[kredslob oidc]', err);
      else if (err.code === 'OIDC_FAILED') console.warn('[kredslob oidc]', err.message);
      refused(res, refusalCode(err), desktop);
    }
    return true;
  };
}

/** POST /auth/oidc/desktop-token: the session for a one-time code and its verifier, as an API answer. */
async function collect(req: http.IncomingMessage, res: http.ServerResponse, handoffs: DesktopHandoffs): Promise<void> {
  const locale = toLocale(req.headers['accept-language']);
  let input: z.infer<typeof DesktopTokenInput>;
  try {
    input = DesktopTokenInput.parse(JSON.parse((await readBody(req, MAX_TOKEN_BODY_BYTES)).toString('utf8')));
  } catch {
    sendError(res, errorBody('BAD_REQUEST', locale, { detail: 'code, verifier' }));
    return;
  }
  const token = handoffs.take(input.code, input.verifier);
  if (token === undefined) sendError(res, errorBody('OIDC_FAILED', locale));
  else send(res, 200, { ok: true, data: { token } });
}
