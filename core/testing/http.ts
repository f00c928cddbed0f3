/** The real HTTP server in front of a core on a fresh data folder, for a test file: started before all its tests, closed after. */
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import fs from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { startCore, type Core } from '../app';
import { createHttpServer } from '../http/server';
import { tempDir } from './harness';

export interface HttpCore {
  readonly core: Core;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  readonly dir: string;
}

export function useHttpCore(): HttpCore {
  let started: { core: Core; server: http.Server; base: string; dir: string } | undefined;
  beforeAll(async () => {
    const dir = tempDir();
    const core = await startCore({ dataDir: dir });
    const server = createHttpServer({ dispatch: core.dispatch, files: core.files });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    started = { core, server, dir, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
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
    get dir() {
      return now().dir;
    },
  };
}
