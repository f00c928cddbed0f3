/** The real HTTP server in front of a core on a fresh data folder, for a test file: started before all its tests, closed after. */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { request as httpRequest } from 'node:http';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startCore, type Core } from '../app';
import { createHttpServer, type SharedHttpOptions } from '../http/server';
import { tempDir } from './harness';
import type { Clock } from '../context';

/** The secret of every test server: tests send it as the X-Kredslob-Secret header, as a script would. */
export const TEST_WEB_SECRET = 'test-secret-0123456789abcdef';

/** The headers of a well-formed API call from a script: JSON, and the secret. */
export const API_HEADERS = { 'content-type': 'application/json', 'x-kredslob-secret': TEST_WEB_SECRET } as const;

export interface HttpCore {
  readonly core: Core;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  readonly port: number;
  readonly dir: string;
}

export interface HttpCoreOptions {
  /** A built renderer to serve (absent: API only). */
  staticDir?: string;
  /** Shared mode (issue 13, wt-auth): sign-in instead of the secret, answering only this public URL's host. */
  shared?: { publicUrl: string; trustProxy?: boolean; routes?: (core: Core) => SharedHttpOptions['routes'] };
  clock?: Clock;
}

export function useHttpCore(options: HttpCoreOptions = {}): HttpCore {
  let started: { core: Core; server: http.Server; base: string; port: number; dir: string } | undefined;
  beforeAll(async () => {
    const dir = tempDir();
    const { shared } = options;
    const core = await startCore({ dataDir: dir, ...(shared ? { mode: 'shared' as const } : {}), ...(options.clock ? { clock: options.clock } : {}) });
    const server = createHttpServer({
      dispatch: core.dispatch,
      files: core.files,
      staticDir: options.staticDir,
      ...(shared ? { shared: { publicUrl: new URL(shared.publicUrl), trustProxy: shared.trustProxy, routes: shared.routes?.(core) } } : { secret: TEST_WEB_SECRET }),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo; // why: listening on TCP, so the address is an AddressInfo
    started = { core, server, dir, port, base: `http://127.0.0.1:${port}` };
  });
  afterAll(async () => {
    if (!started) return;
    const { server, core, dir } = started;
    await new Promise((resolve) => server.close(resolve));
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const now = () => {
    if (!started) throw new Error('useHttpCore: the server runs only inside the tests');
    return started;
  };
  return {
    get core() {
      return now().core;
    },
    get base() {
      return now().base;
    },
    get port() {
      return now().port;
    },
    get dir() {
      return now().dir;
    },
  };
}

export interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

/** One request with full control of its headers (fetch would set Host and Origin itself). */
export function rawRequest(
  port: number,
  method: string,
  pathname: string,
  headers: Record<string, string>,
  body?: string | ((req: http.ClientRequest) => void),
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path: pathname, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (typeof body === 'function') body(req);
    else req.end(body);
  });
}
