/** npm run migrate-to-server's copy (issue 13): a seeded demo folder into an empty PostgreSQL database, checked there. */
import fs from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore } from '../app';
import { AppError } from '../errors';
import { TestClock, tempDir } from '../testing/harness';
import { startPgCluster, type PgCluster } from '../testing/pg-cluster';
import { notification, wantedRequest } from './store-contract';
import { FileStore } from './file/file-store';
import { migrateToServer } from './migrate-to-server';
import { PostgresStore } from './postgres/postgres-store';

let cluster: PgCluster;
let dir: string;
beforeAll(async () => {
  dir = tempDir();
  const [c, core] = await Promise.all([startPgCluster(), startCore({ dataDir: dir, clock: new TestClock() })]);
  cluster = c;
  // Beyond the demo: an attachment, a wanted request and a notification, so every kind of record is in the folder.
  await core.store.putAttachment(new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n')));
  await core.store.transaction(async (tx) => {
    tx.putWantedRequest(wantedRequest());
    tx.putNotification(notification());
  });
  await core.close();
}, 300_000);
afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('migrate-to-server', () => {
  it('copies every record of a demo folder, trails with their hashes as they are, and refuses a second run untouched', async () => {
    const url = await cluster.database('municipality');
    const source = await FileStore.open(dir, { readOnly: true });
    try {
      const report = await migrateToServer(source, url);
      expect(report.devices).toBe(await source.deviceCount());
      expect(report.events).toBeGreaterThan(report.devices);
      for (const kind of ['record', 'device', 'event', 'reservation', 'wanted', 'notification', 'lastTag', 'attachment'] as const) {
        expect(report.copied[kind], kind).toBeGreaterThan(0);
      }
      const server = await PostgresStore.open(url);
      try {
        expect(await server.verifyTrails()).toEqual([]);
        expect(await server.deviceCount()).toBe(await source.deviceCount());
        expect(await server.lastAssetTagNumber()).toBe(await source.lastAssetTagNumber());
        expect(await server.listUsers()).toEqual(await source.listUsers());
        expect(await server.getSettings()).toEqual(await source.getSettings());
        expect(await server.listWantedRequests()).toEqual(await source.listWantedRequests());
        const all = { sort: 'updated_desc' as const, limit: 100_000, offset: 0 };
        const [onServer, inFolder] = await Promise.all([server.searchDevices(all), source.searchDevices(all)]);
        expect(onServer.items).toEqual(inFolder.items);
        const reservations = { limit: 100_000 };
        expect(await server.searchReservations(reservations)).toEqual(await source.searchReservations(reservations));
        for (const d of inFolder.items.slice(0, 50)) expect(await server.trail(d.id)).toEqual(await source.trail(d.id));
        const withWipe = inFolder.items.find((d) => d.sanitizationId)!;
        expect(await server.getSanitization(withWipe.sanitizationId!)).toEqual(await source.getSanitization(withWipe.sanitizationId!));
      } finally {
        await server.close();
      }

      const count = async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          return (await c.query<{ n: string }>('SELECT (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM records) AS n')).rows[0]!.n;
        } finally {
          await c.end();
        }
      };
      const before = await count();
      const again = await migrateToServer(source, url).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(again).toBeInstanceOf(AppError);
      expect(again).toMatchObject({ code: 'DATABASE_NOT_EMPTY', params: { devices: report.devices } });
      expect(await count()).toBe(before);
    } finally {
      await source.close();
    }
  }, 300_000);
});
