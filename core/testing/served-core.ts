/**
 * A core on a chosen store behind the real HTTP server on a free port, for tests that must hold on every store
 * (issue 13: the reservation race). `SERVED_STORES` lists the stores; one not yet available says why, and the
 * tests over it are skipped with that message.
 */
import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCore, type Core } from '../app';
import { seedReferenceData } from '../demo/generate';
import { PostgresStore } from '../store/postgres/postgres-store';
import { startPgCluster } from './pg-cluster';
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

/** The stores a served core runs on, each with the reason it is unavailable here, if it is. */
export const SERVED_STORES: readonly { kind: ServedStoreKind; unavailable?: string }[] = [{ kind: 'file' }, { kind: 'postgres' }];

/**
 * THE one place a served core's store is chosen: the file store in a fresh data folder (with the demo
 * municipality), or a PostgreSQL cluster of its own (startPgCluster) holding the demo's administrations, sites
 * and people without the 24 months of history (seeding that history one transaction at a time takes a minute
 * on PostgreSQL, and nothing served here needs it).
 */
async function startStore(kind: ServedStoreKind): Promise<{ core: Core; cleanUp(): Promise<void> }> {
  if (kind === 'postgres') {
    const cluster = await startPgCluster();
    try {
      const store = await PostgresStore.open(cluster.url);
      await seedReferenceData(store);
      await store.close();
      const core = await startCore({ databaseUrl: cluster.url, demo: false });
      return { core, cleanUp: () => cluster.stop() };
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }
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
