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
 */
import type http from 'node:http';
import { AppError } from '../errors';
import type { OidcSignIn } from '../auth/oidc';
import { cookieValue, SECURITY_HEADERS, sessionCookie, type SharedHttpOptions } from './server';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from './server-config';
import type { ErrorCode } from '../../shared/errors';

/** The query parameter the sign-in page reads a refused identity-provider sign-in from. */
export const SIGN_IN_ERROR_PARAM = 'signInError';
const STATE_COOKIE = 'kredslob_oidc_state';

function stateCookie(publicUrl: URL, state: string | undefined): string {
  const secure = publicUrl.protocol === 'https:' ? '; Secure' : '';
  const life = state === undefined ? 'Max-Age=0' : 'Max-Age=600';
  return `${STATE_COOKIE}=${state ?? ''}; HttpOnly; SameSite=Lax; Path=/auth/oidc/; ${life}${secure}`;
}

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
export function oidcRoutes(publicUrl: URL, flow: () => Promise<OidcSignIn | undefined>): NonNullable<SharedHttpOptions['routes']> {
  const refused = (res: http.ServerResponse, code: ErrorCode) => redirect(res, `/?${SIGN_IN_ERROR_PARAM}=${code}`, [stateCookie(publicUrl, undefined)]);
  return async (req, res, url, address) => {
    if (url.pathname !== OIDC_START_PATH && url.pathname !== OIDC_CALLBACK_PATH) return false;
    const signIn = await flow();
    if (!signIn) {
      refused(res, 'OIDC_NOT_CONFIGURED');
      return true;
    }
    try {
      if (url.pathname === OIDC_START_PATH) {
        const { url: to, state } = await signIn.begin();
        redirect(res, to.href, [stateCookie(publicUrl, state)]);
      } else {
        // The URL the provider sent the browser to, as the browser saw it (the reverse proxy ends at the public URL).
        const callback = new URL(`${url.pathname}${url.search}`, publicUrl);
        const { token } = await signIn.complete(callback, cookieValue(req.headers.cookie, STATE_COOKIE), address);
        redirect(res, '/', [sessionCookie(publicUrl, token), stateCookie(publicUrl, undefined)]);
      }
    } catch (err) {
      if (!(err instanceof AppError)) console.error('[kredslob oidc]', err);
      else if (err.code === 'OIDC_FAILED') console.warn('[kredslob oidc]', err.message);
      refused(res, refusalCode(err));
    }
    return true;
  };
}
