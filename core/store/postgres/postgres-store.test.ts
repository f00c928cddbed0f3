import { createHash } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startPgCluster, type PgCluster } from '../../testing/pg-cluster';
import { describeStoreContract } from '../store-contract';
import { hasDump } from '../dump';
import { PostgresStore } from './postgres-store';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
  // Each test's database is a copy of one migrated database (CREATE DATABASE … TEMPLATE): open still checks the schema.
  await (await PostgresStore.open(await cluster.database('migrated'))).close();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

/** The database a contract test's folder stands for: the same folder reopens the same database. */
const databaseOf = (dir: string) => `t_${createHash('sha256').update(dir).digest('hex').slice(0, 24)}`;

describeStoreContract('PostgreSQL store', {
  // A folder holding a backup (a dump) stands for a database restored from it.
  open: async (dir) => {
    const { url, created } = await cluster.databaseFrom(databaseOf(dir), 'migrated');
    return created && hasDump(dir) ? PostgresStore.restore(url, dir) : PostgresStore.open(url);
  },
});
