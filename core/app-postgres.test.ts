/** startCore on PostgreSQL (issue 13): the same core, the demo seeded into an empty database, the same answers as standalone. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from './app';
import { TestClock, tempDir } from './testing/harness';
import { startPgCluster, type PgCluster } from './testing/pg-cluster';
import fs from 'node:fs';

let cluster: PgCluster;
const dirs: string[] = [];
beforeAll(async () => {
  cluster = await startPgCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
}, 60_000);

async function call(core: Core, procedure: string, input: unknown, token?: string): Promise<unknown> {
  const res = await core.dispatch(procedure, input, { locale: 'da', token });
  if (!res.ok) throw new Error(`${procedure}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

/** The demo's records are the same in both stores but for the random ids (UUIDs) its services give them. */
const withoutUuids = (v: unknown): unknown => JSON.parse(JSON.stringify(v).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid'));

async function signIn(core: Core, userId: string): Promise<string> {
  return ((await call(core, 'session.signIn', { userId })) as { token: string }).token; // why: session.signIn answers the session's token
}

describe('startCore({ databaseUrl })', () => {
  it('seeds the demo into an empty database once, and answers searches as the file store does', async () => {
    const clock = new TestClock();
    const url = await cluster.database('demo');
    const dir = tempDir();
    dirs.push(dir);
    const [pgCore, fileCore] = await Promise.all([startCore({ databaseUrl: url, clock }), startCore({ dataDir: dir, clock })]);
    let count: number;
    try {
      expect(pgCore.store.kind).toBe('postgres');
      count = await pgCore.store.deviceCount();
      expect(count).toBeGreaterThan(100);
      expect(count).toBe(await fileCore.store.deviceCount());
      expect(await pgCore.store.verifyTrails()).toEqual([]);
      const [pgToken, fileToken] = await Promise.all([signIn(pgCore, 'user-warehouse-1'), signIn(fileCore, 'user-warehouse-1')]);
      // Sorts by time have no ties; year, model and RAM do, and ties fall by id, which differs: those compare as sets.
      const queries: [string, Record<string, unknown>][] = [
        ['marketplace.search', { facets: true, limit: 20 }],
        ['marketplace.search', { text: 'lenovo', filter: { category: 'laptop', ramMinGb: 8 }, facets: true, sort: 'reported_desc', limit: 10, offset: 5 }],
        ['marketplace.search', { filter: { wiped: true, conditions: ['A', 'B'] }, facets: true, sort: 'year_desc', limit: 500 }],
        ['marketplace.search', { filter: { screenMinInch: 20, availableBy: '2026-12-01' }, facets: true, sort: 'ram_desc', limit: 500 }],
        ['devices.search', { status: 'in_stock', limit: 30, offset: 30 }],
        ['devices.search', { text: 'dell', sort: 'reported_desc', limit: 25, offset: 10 }],
        ['devices.search', { category: 'monitor', sort: 'model_asc', limit: 500 }],
      ];
      const timeSorted = (input: Record<string, unknown>) => input.sort === undefined || input.sort === 'reported_desc';
      for (const [procedure, input] of queries) {
        const [a, b] = (await Promise.all([call(pgCore, procedure, input, pgToken), call(fileCore, procedure, input, fileToken)])) as { items: { assetTag: string }[]; total: number }[]; // why: both searches answer items and a total
        expect(a!.total, `${procedure} ${JSON.stringify(input)}`).toBeGreaterThan(0);
        const order = (r: { items: { assetTag: string }[] }) => (timeSorted(input) ? r : { ...r, items: [...r.items].sort((x, y) => x.assetTag.localeCompare(y.assetTag)) });
        expect(withoutUuids(order(a!)), `${procedure} ${JSON.stringify(input)}`).toEqual(withoutUuids(order(b!)));
      }
    } finally {
      await Promise.all([pgCore.close(), fileCore.close()]);
    }
    const again = await startCore({ databaseUrl: url, clock });
    try {
      expect(await again.store.deviceCount()).toBe(count);
    } finally {
      await again.close();
    }
  }, 600_000);
});
