/**
 * A worker's PostgreSQL cluster for the shared-mode journeys on PostgreSQL (issue 13), started on first use:
 * a database `demo` holding the demo municipality's administrations, sites and people (the 24 months of history
 * take a minute to seed on PostgreSQL, and the journeys do not read it), and one copy of it per test, so
 * nothing one test writes is seen by another. The server gives every person the test password at start, as on a
 * data folder.
 */
import { seedReferenceData } from '../../core/demo/generate';
import { PostgresStore } from '../../core/store/postgres/postgres-store';
import { startPgCluster, type PgCluster } from '../../core/testing/pg-cluster';

export class PgDemo {
  private cluster: Promise<PgCluster> | undefined;
  private copies = 0;

  /** The URL of a new database holding the demo's reference data. */
  async database(): Promise<string> {
    this.cluster ??= (async () => {
      const cluster = await startPgCluster();
      const store = await PostgresStore.open(await cluster.database('demo'));
      try {
        await seedReferenceData(store);
      } finally {
        await store.close();
      }
      return cluster;
    })();
    const cluster = await this.cluster;
    this.copies++;
    return (await cluster.databaseFrom(`test_${this.copies}`, 'demo')).url;
  }

  async stop(): Promise<void> {
    if (this.cluster) await (await this.cluster).stop();
  }
}
