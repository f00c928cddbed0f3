/**
 * The UI is served from our own scheme, app://kredslob/, instead of file://. A file: page shares its origin
 * with every other local file and may read them; app://kredslob/ is a standard, secure origin of its own
 * whose handler can only ever answer with a file of the built renderer folder, with our CSP attached.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_META } from '../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kredslob';
/** The only page our windows show and the only IPC caller we trust. */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Registered before the app is ready. `standard` gives the scheme real origins and relative URLs, `secure`
 * makes it a secure context (the camera needs one), `supportFetchAPI` lets the QR decoder fetch its .wasm.
 * No CORS, no service workers, no bypassing the CSP.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // why: WebAssembly.instantiateStreaming refuses a .wasm served under any other type
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The file of `rendererDir` that an app:// URL names, or null when the URL must not be answered: another
 * scheme or host, a malformed escape, a NUL byte, a path that leaves the folder (also when spelled with
 * encoded slashes or backslashes), a source map, or a type we do not serve. `/` is the index page.
 */
export function appFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') return null;
  let relative: string;
  try {
    relative = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const root = path.resolve(rendererDir);
  // why: after decoding, "%2F" and "%5C" are real separators; resolving and comparing is what catches every spelling of ".."
  const file = path.resolve(root, `.${relative.replaceAll('\\', '/')}`);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  const extension = path.extname(file).toLowerCase();
  if (extension === '.map' || !(extension in MIME_TYPES)) return null;
  return file;
}

function refuse(status: 403 | 404 | 405): Response {
  return new Response(null, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export type ReadFile = (file: string) => Promise<Uint8Array>;

/** Electron (since 45) adds the origin that issued a request; absent when the browser itself asked. */
export type AppRequest = Request & { initiatorOrigin?: string };

const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The CSP of the current mode: the header, and the same policy for index.html's meta tag (connection.ts). */
export interface PagePolicy {
  header: string;
  meta: string;
}

const LOCAL_POLICY: PagePolicy = { header: CONTENT_SECURITY_POLICY, meta: CONTENT_SECURITY_POLICY_META };

/**
 * index.html with its CSP meta tag saying `meta`. The build writes the local policy there, and a page obeys both
 * the header and the tag, so a desktop connected to a server must get the tag that names the server too.
 */
export function withMetaPolicy(html: Uint8Array, meta: string): Uint8Array {
  const text = new TextDecoder().decode(html);
  const escaped = meta.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
  return new TextEncoder().encode(text.replace(/(<meta http-equiv="Content-Security-Policy" content=")[^"]*(")/, `$1${escaped}$2`));
}

/**
 * The app:// handler: GET of a file of the built renderer folder, with our CSP and its MIME type, for the
 * window's own load and for our own page; a request issued by any other origin is refused. `policy` is read
 * at each request: the CSP of the mode the desktop is in now.
 */
export function createAppProtocolHandler(rendererDir: string, readFile: ReadFile = (file) => fs.readFile(file), policy: () => PagePolicy = () => LOCAL_POLICY) {
  return async (request: AppRequest): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) return refuse(403);
    const file = appFileFor(request.url, rendererDir);
    if (file === null) return refuse(404);
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return refuse(404);
    }
    const { header, meta } = policy();
    if (path.extname(file).toLowerCase() === '.html' && meta !== CONTENT_SECURITY_POLICY_META) body = withMetaPolicy(body, meta);
    const headers = {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': header,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    // why: Response wants an ArrayBuffer-backed view; fs.readFile's Buffer may sit on a shared pool
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  };
}

/** Every file: request is refused: the UI never needs one, and a page that asks for one is up to no good. */
export function refuseFileRequest(): Response {
  return refuse(403);
}

/** What serveApp needs of Electron's protocol module (of the session the window uses). */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/** Hooks the two handlers into a session's protocol module; call after the app is ready. */
export function serveApp(protocol: ProtocolLike, rendererDir: string, policy?: () => PagePolicy): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir, undefined, policy));
  protocol.handle('file', refuseFileRequest);
}
