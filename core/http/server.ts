/**
 * The HTTP transport: POST /api/<procedure> with a JSON body, POST /download/<procedure> for a streamed file,
 * GET /api/contract, and the built UI from /.
 * A thin adapter over the same dispatcher as the Electron IPC channel.
 *
 * It listens on 127.0.0.1 only, yet every OS user of the PC and every web page in the user's browser can reach
 * that address. So the API answers only a caller who holds the secret made at this start (the link printed in
 * the terminal, then an HttpOnly cookie; scripts send it as a header), names this server as its Host (a page
 * on a rebinding DNS name does not), comes from no foreign Origin, and sends JSON (a cross-site form cannot).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import type { ApiErrorBody } from '../../shared/errors';
import { HTTP_STATUS } from '../../shared/errors';
import { errorBody, fieldText, toLocale } from '../../shared/messages';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import type { CallMeta, Dispatcher } from '../api/dispatch';
import type { FileDispatcher } from '../api/files';
import { contractAsJson } from '../api/contract-json';
import { contract, isProcedureName, type ProcedureDef } from '../../shared/contract';

export const MAX_BODY_BYTES = 1024 * 1024;
/** POST /download/<procedure>: the same call as /api/<procedure>, answered with the file itself (core/api/files.ts). */
export const DOWNLOAD_PREFIX = '/download/';

/**
 * GET /photo/<deviceId>/<sha256>: one of a device's stored photo images (devices.photo), as an image with long
 * cache headers (attachments never change), behind the same secret and session as /api/.
 */
export const PHOTO_PREFIX = '/photo/';
/** A year: a stored image never changes, since its name is its hash. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

/** The body limit of a procedure: its own (a certificate with its PDF) or 1 MB. */
function maxBodyOf(procedure: string): number {
  return isProcedureName(procedure) ? (contract[procedure] as ProcedureDef).maxBodyBytes ?? MAX_BODY_BYTES : MAX_BODY_BYTES; // why: widened to read the optional field every definition may have
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
};

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // The camera (QR scanning) for our own page only; nothing else a browser could be asked for.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), usb=(), payment=()',
};

export function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

export function sendError(res: http.ServerResponse, error: ApiErrorBody): void {
  send(res, HTTP_STATUS[error.code], { ok: false, error });
}

class BodyTooLarge extends Error {}

/**
 * The desktop app connected to a server (issue 13, wt-connect) calls it from its own page, app://kredslob
 * (electron/protocol.ts): that origin may call, cross-origin, with its bearer token. No browser page can claim it,
 * and it gets no cookies (no credentials mode), so this opens nothing to a web page.
 */
export const DESKTOP_APP_ORIGIN = 'app://kredslob';
const DESKTOP_CORS_HEADERS = {
  'access-control-allow-origin': DESKTOP_APP_ORIGIN,
  'access-control-expose-headers': 'content-disposition, x-export-rows',
  vary: 'Origin',
};
const DESKTOP_PREFLIGHT_HEADERS = {
  'access-control-allow-methods': 'POST, GET, HEAD',
  'access-control-allow-headers': 'content-type, authorization, accept-language',
  'access-control-max-age': '600',
};

/** The header a script or test sends the secret in. */
export const SECRET_HEADER = 'x-kredslob-secret';

/** The cookie the printed link leaves; named by port, since browsers share cookies between ports of one host. */
export function secretCookieName(port: number): string {
  return `kredslob_secret_${port}`;
}

/** How much of a refused body is read and dropped before the connection is cut (so the 413 reaches the caller). */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Equal texts, in time that does not depend on where they differ (hashing first makes the lengths equal). */
function sameSecret(given: string | undefined, secret: string): boolean {
  return given !== undefined && timingSafeEqual(digest(given), digest(secret));
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/**
 * The request target as a URL on this server. Only a path counts: "//evil.example/x" is a path here, not another
 * host, and a target that is no path ("*", "http://…") is refused.
 */
function requestUrl(target: string | undefined): URL | undefined {
  if (!target?.startsWith('/')) return undefined;
  try {
    return new URL(`http://localhost${target}`);
  } catch {
    return undefined;
  }
}

function bearerToken(header: string | undefined): string | undefined {
  return /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '')?.[1];
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A URL path with its %-escapes decoded; undefined for a malformed escape (answered 400/404, never a crash). */
function decodePath(p: string): string | undefined {
  try {
    return decodeURIComponent(p);
  } catch {
    return undefined;
  }
}

/**
 * The body, up to `limit` bytes. A longer one is refused with BodyTooLarge and the rest is read and dropped
 * (up to MAX_DRAIN_BYTES), so the caller gets the 413 answer instead of a reset connection.
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      reject(new BodyTooLarge());
    };
    if (Number(req.headers['content-length'] ?? 0) > limit) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > MAX_DRAIN_BYTES) req.destroy();
        return;
      }
      if (size > limit) refuse();
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export interface HttpServerOptions {
  dispatch: Dispatcher;
  /** Streamed files (POST /download/<procedure>); absent: no downloads. */
  files?: FileDispatcher | undefined;
  /** The built renderer (dist/renderer); absent in API-only tests. */
  staticDir?: string | undefined;
  /** The secret of this start: every API call must carry it (header or the cookie the printed link sets). Standalone web mode only. */
  secret?: string | undefined;
  /** Shared mode (issue 13, wt-auth): no secret; sessions protect the API, and only the public URL's host is answered. */
  shared?: SharedHttpOptions | undefined;
}

/**
 * Shared mode over HTTP (issue 13). A desktop app sends its session token as `Authorization: Bearer`. A browser
 * never holds the token: its calls carry the header `X-Kredslob-Session: cookie`, and for those a sign-in's answer
 * sets the session as an HttpOnly, SameSite=Strict cookie (Secure behind an https public URL) and its token is
 * left empty; sign-out clears the cookie. A call without a bearer token uses the cookie.
 */
export interface SharedHttpOptions {
  /** KREDSLOB_PUBLIC_URL: the address people open; its host is the only Host answered, its origin the only Origin. */
  publicUrl: URL;
  /** Take the client's address from the last X-Forwarded-For hop (the reverse proxy's), not the socket. */
  trustProxy?: boolean | undefined;
  /**
   * Extra GET and POST routes outside /api/ (the identity provider's sign-in flow, and the desktop app's collection
   * of its session from it), tried before the static files; true when answered.
   */
  routes?: ((req: http.IncomingMessage, res: http.ServerResponse, url: URL, address: string | undefined) => Promise<boolean>) | undefined;
}

/** The header a browser's calls carry in shared mode: keep my session in the cookie, never hand me the token. */
export const SESSION_MODE_HEADER = 'x-kredslob-session';

/** The session cookie's name: with the __Host- prefix over https (the browser then insists on Secure, Path=/ and no Domain). */
export function sessionCookieName(publicUrl: URL): string {
  return publicUrl.protocol === 'https:' ? '__Host-kredslob_session' : 'kredslob_session';
}

/** The Set-Cookie value for a session token (or, with undefined, one that ends the cookie at once). */
export function sessionCookie(publicUrl: URL, token: string | undefined): string {
  const secure = publicUrl.protocol === 'https:' ? '; Secure' : '';
  const life = token === undefined ? '; Max-Age=0' : '';
  return `${sessionCookieName(publicUrl)}=${token ?? ''}; HttpOnly; SameSite=Strict; Path=/${secure}${life}`;
}

/** The procedures whose answer starts a session ({ token, user }). */
const SIGN_IN_PROCEDURES: ReadonlySet<string> = new Set(['auth.signIn', 'setup.initialize']);

/** The client's address: the socket's, or behind a trusted reverse proxy the last X-Forwarded-For hop (the one the proxy added). */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean | undefined): string | undefined {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded ?? '').split(',').map((a) => a.trim()).filter(Boolean).pop();
    if (last) return last.slice(0, 100);
  }
  return req.socket.remoteAddress;
}

/** How long an idle kept-alive connection stays open (see createHttpServer). */
export const KEEP_ALIVE_MS = 65_000;

export function createHttpServer(options: HttpServerOptions): http.Server {
  const { dispatch, files, staticDir, secret, shared } = options;
  if ((secret === undefined) === (shared === undefined)) throw new Error('createHttpServer: give either a secret (standalone web mode) or shared options');
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[kredslob http]', err);
      if (!res.headersSent) sendError(res, errorBody('INTERNAL', toLocale(req.headers['accept-language'])));
      else res.destroy();
    });
  });
  // Node closes an idle kept-alive connection after 5 s; a client (a script, a test's request context, a reverse
  // proxy's pool) that sends on it at that instant gets ECONNRESET with no answer. Longer than a proxy's pool
  // (nginx keeps them 60 s), so the proxy closes first; headers must still come within that time.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  return server;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const locale = toLocale(req.headers['accept-language']);
    const port = (server.address() as AddressInfo).port; // why: a server answering a request is listening on TCP
    // Shared mode answers only the public URL's host (through the reverse proxy); the web mode only 127.0.0.1.
    const own = shared ? [shared.publicUrl.host.toLowerCase()] : [`127.0.0.1:${port}`, `localhost:${port}`];
    const origins = shared ? [shared.publicUrl.origin.toLowerCase()] : own.map((host) => `http://${host}`);
    if (!own.includes((req.headers.host ?? '').toLowerCase())) {
      sendError(res, errorBody('FOREIGN_HOST', locale));
      return;
    }
    const origin = req.headers.origin;
    const fromDesktop = origin === DESKTOP_APP_ORIGIN;
    if (fromDesktop) {
      for (const [name, value] of Object.entries(DESKTOP_CORS_HEADERS)) res.setHeader(name, value);
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...DESKTOP_PREFLIGHT_HEADERS, ...SECURITY_HEADERS }).end();
        return;
      }
    }
    if (origin !== undefined && !fromDesktop && !origins.includes(origin.toLowerCase())) {
      sendError(res, errorBody('FOREIGN_ORIGIN', locale));
      return;
    }
    const url = requestUrl(req.url);
    if (!url) {
      sendError(res, errorBody('BAD_REQUEST', locale, { detail: fieldText('path_escape', locale) }));
      return;
    }
    const cookieName = secretCookieName(port);
    const address = clientAddress(req, shared?.trustProxy);
    if (shared?.routes && (req.method === 'GET' || req.method === 'POST') && !url.pathname.startsWith('/api/') && (await shared.routes(req, res, url, address))) return;
    if (secret !== undefined && !url.pathname.startsWith('/api/') && req.method === 'GET' && url.searchParams.has('secret')) {
      // The printed link: trade the secret for a cookie, and drop it from the address (and the history) at once.
      const given = url.searchParams.get('secret') ?? undefined;
      url.searchParams.delete('secret');
      res.writeHead(303, {
        // One leading slash: "//host/" or "/\\host/" in a Location would send the browser to another site.
        location: `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`,
        'cache-control': 'no-store',
        ...(sameSecret(given, secret) ? { 'set-cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/` } : {}),
        ...SECURITY_HEADERS,
      });
      res.end();
      return;
    }
    const isCall = url.pathname.startsWith('/api/') || url.pathname.startsWith(DOWNLOAD_PREFIX);
    const isPhoto = url.pathname.startsWith(PHOTO_PREFIX);
    if ((isCall || isPhoto) && secret !== undefined) {
      const header = req.headers[SECRET_HEADER];
      const given = typeof header === 'string' ? header : cookieValue(req.headers.cookie, cookieName);
      if (!sameSecret(given, secret)) {
        sendError(res, errorBody('SECRET_REQUIRED', locale));
        return;
      }
    }
    // A bearer token (scripts, the desktop app), else in shared mode the browser's session cookie.
    const token = bearerToken(req.headers.authorization) ?? (shared ? cookieValue(req.headers.cookie, sessionCookieName(shared.publicUrl)) || undefined : undefined);
    if (isPhoto) {
      await sendPhoto(url.pathname.slice(PHOTO_PREFIX.length), req, res, { token, locale, address });
      return;
    }
    if (url.pathname === '/api/contract' && req.method === 'GET') {
      send(res, 200, contractAsJson());
      return;
    }
    if (isCall) {
      const isFile = url.pathname.startsWith(DOWNLOAD_PREFIX);
      const procedure = decodePath(url.pathname.slice(isFile ? DOWNLOAD_PREFIX.length : '/api/'.length));
      if (procedure === undefined) {
        sendError(res, errorBody('BAD_REQUEST', locale, { detail: fieldText('path_escape', locale) }));
        return;
      }
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendError(res, errorBody('METHOD_NOT_ALLOWED', locale, { procedure }));
        return;
      }
      if (!isJson(req.headers['content-type'])) {
        sendError(res, errorBody('UNSUPPORTED_MEDIA_TYPE', locale));
        return;
      }
      let body: Buffer;
      try {
        body = await readBody(req, maxBodyOf(procedure));
      } catch (err) {
        if (err instanceof BodyTooLarge) {
          res.setHeader('connection', 'close');
          sendError(res, errorBody('PAYLOAD_TOO_LARGE', locale, { limit: `${Math.round(maxBodyOf(procedure) / 1024 / 1024)} MB` }));
          return;
        }
        throw err;
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          sendError(res, errorBody('BAD_JSON', locale));
          return;
        }
      }
      if (isFile) {
        await sendFile(procedure, input, { token, locale, address }, res);
        return;
      }
      const result = await dispatch(procedure, input, { token, locale, address });
      if (!result.ok) {
        sendError(res, result.error);
        return;
      }
      if (shared && req.headers[SESSION_MODE_HEADER] === 'cookie') {
        // A browser: the session goes into the HttpOnly cookie, where its scripts cannot read it.
        if (SIGN_IN_PROCEDURES.has(procedure)) {
          const data = result.data as { token: string }; // why: these procedures' output is { token, user } (checked by the dispatcher)
          res.setHeader('set-cookie', sessionCookie(shared.publicUrl, data.token));
          send(res, 200, { ok: true, data: { ...data, token: '' } });
          return;
        }
        if (procedure === 'session.signOut') res.setHeader('set-cookie', sessionCookie(shared.publicUrl, undefined));
      }
      send(res, 200, result);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    serveStatic(url.pathname, res);
  }

  /**
   * A streamed file: refused like a call (the error shape, nothing written), else its headers (the row count
   * for a progress bar) and its bytes as they are written. A failure halfway cuts the connection, so the
   * browser reports a failed download rather than saving a truncated file.
   */
  async function sendFile(procedure: string, input: unknown, meta: CallMeta, res: http.ServerResponse): Promise<void> {
    const opened = files ? await files(procedure, input, meta) : { ok: false as const, error: errorBody('UNKNOWN_PROCEDURE', meta.locale, { procedure }) };
    if (!opened.ok) {
      sendError(res, opened.error);
      return;
    }
    const file = opened.data;
    res.writeHead(200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'x-export-rows': String(file.rows),
      'cache-control': 'no-store',
      ...SECURITY_HEADERS,
    });
    try {
      await file.write(res);
      res.end();
    } catch (err) {
      console.error('[kredslob http] writing', file.fileName, err);
      res.destroy();
    }
  }

  /** A photo image by devices.photo (roles, session and the device's own photos checked there), or its refusal. */
  async function sendPhoto(rest: string, req: http.IncomingMessage, res: http.ServerResponse, meta: CallMeta): Promise<void> {
    const { locale } = meta;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      sendError(res, errorBody('METHOD_NOT_ALLOWED', locale, { procedure: 'devices.photo' }));
      return;
    }
    const [deviceId = '', sha256 = ''] = rest.split('/');
    const result = await dispatch('devices.photo', { deviceId: decodePath(deviceId) ?? '', sha256 }, meta);
    if (!result.ok) {
      sendError(res, result.error);
      return;
    }
    const image = result.data as { contentType: string; dataBase64: string }; // why: devices.photo's output, checked by the dispatcher
    const bytes = Buffer.from(image.dataBase64, 'base64');
    res.writeHead(200, { 'content-type': image.contentType, 'content-length': bytes.length, 'cache-control': IMMUTABLE, ...SECURITY_HEADERS });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    if (!staticDir) {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    const decoded = decodePath(pathname);
    const rel = pathname === '/' ? 'index.html' : (decoded ?? '').replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    // Source maps would hand out the source; the browser works without them.
    if (decoded === undefined || path.extname(file) === '.map' || !file.startsWith(path.resolve(staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': rel === 'index.html' ? 'no-cache' : 'public, max-age=3600',
      ...SECURITY_HEADERS,
    });
    pipeline(fs.createReadStream(file), res, (err) => {
      // why: a file removed or unreadable between the check and the read (a rebuild of dist/) must not stop the server
      if (err && !res.headersSent) res.writeHead(500).end();
      else if (err) res.destroy();
    });
  }
}
