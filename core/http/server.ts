/**
 * The HTTP transport: POST /api/<procedure> with a JSON body, POST /download/<procedure> for a streamed file,
 * GET /api/contract, and the built UI from /.
 * A thin adapter over the same dispatcher as the Electron IPC channel.
 */
import fs from 'node:fs';
import http from 'node:http';
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
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // The camera (QR scanning) for our own page only; nothing else a browser could be asked for.
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), usb=(), payment=()',
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...SECURITY_HEADERS });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: ApiErrorBody): void {
  send(res, HTTP_STATUS[error.code], { ok: false, error });
}

class BodyTooLarge extends Error {}

/** A URL path with its %-escapes decoded; undefined for a malformed escape (answered 400/404, never a crash). */
function decodePath(p: string): string | undefined {
  try {
    return decodeURIComponent(p);
  } catch {
    return undefined;
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
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
}

export function createHttpServer(options: HttpServerOptions): http.Server {
  const { dispatch, files, staticDir } = options;
  return http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[kredslob http]', err);
      if (!res.headersSent) sendError(res, errorBody('INTERNAL', toLocale(req.headers['accept-language'])));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const locale = toLocale(req.headers['accept-language']);
    if (url.pathname === '/api/contract' && req.method === 'GET') {
      send(res, 200, contractAsJson());
      return;
    }
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith(DOWNLOAD_PREFIX)) {
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
      const auth = String(req.headers.authorization ?? '');
      const token = auth.startsWith('Bearer ') ? auth.slice(7) : undefined;
      if (isFile) {
        await sendFile(procedure, input, { token, locale }, res);
        return;
      }
      const result = await dispatch(procedure, input, { token, locale });
      if (result.ok) send(res, 200, result);
      else sendError(res, result.error);
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

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    if (!staticDir) {
      res.writeHead(404, SECURITY_HEADERS).end('Not found');
      return;
    }
    const decoded = decodePath(pathname);
    const rel = pathname === '/' ? 'index.html' : (decoded ?? '').replace(/^\/+/, '');
    const file = path.resolve(staticDir, rel);
    if (decoded === undefined || !file.startsWith(path.resolve(staticDir) + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
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
