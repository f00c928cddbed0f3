/** The real HTTP server in front of a core on a fresh data folder, for a test file: started before all its tests, closed after. */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startCore, type Core } from '../app';
import { createHttpServer } from '../http/server';
import { tempDir } from './harness';

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
}

export function useHttpCore(options: HttpCoreOptions = {}): HttpCore {
  let started: { core: Core; server: http.Server; base: string; port: number; dir: string } | undefined;
  beforeAll(async () => {
    const dir = tempDir();
    const core = await startCore({ dataDir: dir });
    const server = createHttpServer({ dispatch: core.dispatch, files: core.files, secret: TEST_WEB_SECRET, staticDir: options.staticDir });
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
