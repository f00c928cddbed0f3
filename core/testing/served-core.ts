/**
 * A core on a chosen store behind the real HTTP server on a free port, for tests that must hold on every store
 * (issue 13: the reservation race). `SERVED_STORES` lists the stores; one not yet available says why, and the
 * tests over it are skipped with that message.
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCore, type Core } from '../app';
import { createHttpServer } from '../http/server';
import { tempDir } from './harness';
import { TEST_WEB_SECRET } from './http';

export type ServedStoreKind = 'file' | 'postgres';

export interface ServedCore {
  core: Core;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The secret every call sends (X-Kredslob-Secret). */
  secret: string;
  stop(): Promise<void>;
}

/** Why the PostgreSQL store cannot be served yet (wt-pg's PostgresStore, startPgCluster and startCore({ databaseUrl }) are not merged). */
export const POSTGRES_NOT_WIRED = 'PostgreSQL store not wired in yet: core/testing/served-core.ts startStore() serves the file store only';

/** The stores a served core runs on, each with the reason it is unavailable here, if it is. */
export const SERVED_STORES: readonly { kind: ServedStoreKind; unavailable?: string }[] = [
  { kind: 'file' },
  { kind: 'postgres', unavailable: POSTGRES_NOT_WIRED },
];

/**
 * THE one place a served core's store is chosen: the file store in a fresh data folder (with the demo
 * municipality). Once PostgreSQL is merged, 'postgres' starts its own cluster (startPgCluster), calls
 * startCore({ databaseUrl: cluster.url }) and stops the cluster in `stop`.
 */
async function startStore(kind: ServedStoreKind): Promise<{ core: Core; cleanUp(): Promise<void> }> {
  if (kind === 'postgres') throw new Error(POSTGRES_NOT_WIRED);
  const dir = tempDir('kredslob-served-');
  const core = await startCore({ dataDir: dir });
  return { core, cleanUp: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function startServedCore(kind: ServedStoreKind): Promise<ServedCore> {
  const { core, cleanUp } = await startStore(kind);
  const server: http.Server = createHttpServer({ dispatch: core.dispatch, files: core.files, secret: TEST_WEB_SECRET });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo; // why: listening on TCP, so the address is an AddressInfo
  return {
    core,
    base: `http://127.0.0.1:${port}`,
    secret: TEST_WEB_SECRET,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await core.close();
      await cleanUp();
    },
  };
}
