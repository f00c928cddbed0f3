/**
 * The PostgreSQL store's own rules beyond the contract suite: first reservation wins across connections, a
 * failed step leaves nothing, and a database with a newer schema is refused untouched.
 */
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../context';
import { seedReferenceData } from '../../demo/generate';
import { DEPARTMENTS, USERS } from '../../demo/reference-data';
import { AppError } from '../../errors';
import { createReservation } from '../../reservations/service';
import { errorMessage } from '../../../shared/messages';
import { TestClock } from '../../testing/harness';
import { startPgCluster, type PgCluster } from '../../testing/pg-cluster';
import { device, event } from '../store-contract';
import { WIPE } from '../../testing/fixtures';
import type { DeviceQuery } from '../store';
import type { Device, Reservation } from '../../../shared/schemas';
import { SORT_SQL, WALK_ROWS_MAX, searchPageSql, type PageWay } from './sql';
import { PostgresStore, appSchemaVersion, searchPageWay } from './postgres-store';
import { SearchCounts } from './search-counts';
import { WRITES_CHANNEL_APPLICATION, WritesChannel } from './writes-channel';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

/** A store over a new database `name` (migrated on open), closed after `fn` whatever `fn` does. */
async function withStore(name: string, fn: (store: PostgresStore, url: string) => Promise<void>, options: Parameters<typeof PostgresStore.open>[1] = {}): Promise<void> {
  const url = await cluster.database(name);
  const store = await PostgresStore.open(url, options);
  try {
    await fn(store, url);
  } finally {
    await store.close();
  }
}

/** Two server processes' stores on one new database `name` (`options`: the first's), both closed after `fn`. */
async function withTwoServers(name: string, fn: (a: PostgresStore, b: PostgresStore, url: string) => Promise<void>, options: Parameters<typeof PostgresStore.open>[1] = {}): Promise<void> {
  const url = await cluster.database(name);
  const a = await PostgresStore.open(url, options);
  const b = await PostgresStore.open(url);
  try {
    await fn(a, b, url);
  } finally {
    await a.close();
    await b.close();
  }
}

/** A store's listening connection's socket (private): pausing it stops delivery without an error or an end. */
function listeningSocket(store: PostgresStore): import('node:net').Socket {
  return (store as unknown as { channel: { client: { connection: { stream: import('node:net').Socket } } } }).channel.client.connection.stream;
}

/**
 * Silences `store`'s listening connection now, as a half-open connection (a firewall's idle timeout) does: nothing
 * arrives and nothing says so. `foundByCheck` tells whether the channel's own check then gave it up.
 */
function silence(store: PostgresStore) {
  const errors = vi.spyOn(console, 'error');
  const stream = listeningSocket(store);
  stream.pause();
  return {
    stream,
    foundByCheck: () => errors.mock.calls.some((args) => String(args[1]).startsWith('no answer to its check')),
    /** Undoes it all: a paused connection would not see its own end. */
    end: () => {
      stream.resume();
      errors.mockRestore();
    },
  };
}

/** Waits until `store` listens on a new connection and keeps counts again (a reconnect takes 250 ms and more). */
async function listensAgain(store: PostgresStore, old: import('node:net').Socket): Promise<boolean> {
  const state = store as unknown as { channel: { client?: unknown }; counts: { kept: boolean } }; // why: both are private
  for (let i = 0; i < 60; i++) {
    if (state.channel.client && listeningSocket(store) !== old && state.counts.kept) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

async function sql<R extends object>(url: string, text: string, args: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<R>(text, args)).rows;
  } finally {
    await c.end();
  }
}

describe('PostgreSQL store: reservations race', () => {
  it('50 contacts reserving one listed device at once, 20 rounds: one winner a round, 49 clear refusals, one reserved event', async () => {
    await withStore('race', async (store) => {
      const clock = new TestClock();
      await seedReferenceData(store, clock);
      const contacts = USERS.filter((u) => u.role === 'department_contact');
      for (let round = 0; round < 20; round++) {
        const d = device({ status: 'listed', departmentId: 'dep-okf' });
        await store.transaction(async (tx) => {
          tx.putDevice(d);
          await tx.appendEvent(event(d));
        });
        const attempts = Array.from({ length: 50 }, (_, i) => {
          const user = contacts[i % contacts.length]!;
          const actor: Actor = { kind: 'user', user, department: DEPARTMENTS.find((x) => x.id === user.departmentId) };
          return createReservation({ store, clock, actor }, { deviceId: d.id, locationId: `${user.departmentId}-site-1` });
        });
        const results = await Promise.allSettled(attempts);
        const won = results.filter((r) => r.status === 'fulfilled');
        const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
        expect(won, `round ${round}`).toHaveLength(1);
        expect(refused.map((e) => (e instanceof AppError ? e.code : String(e)))).toEqual(Array(49).fill('RESERVED_BY_OTHER'));
        const trail = await store.trail(d.id);
        expect(trail.filter((e) => e.type === 'reserved')).toHaveLength(1);
        expect(await store.getDevice(d.id)).toMatchObject({ status: 'reserved', trailLength: trail.length });
        const holding = await store.activeReservation(d.id);
        expect(holding?.id).toBe(won[0]!.status === 'fulfilled' ? won[0]!.value.id : undefined);
      }
      expect(await store.verifyTrails()).toEqual([]);
    }, { poolSize: 20 });
  }, 300_000);
});

describe('PostgreSQL store: a failed step', () => {
  it('leaves nothing when a write fails half-way (an asset tag already taken)', async () => {
    await withStore('failed_step', async (store) => {
      const taken = device();
      await store.transaction(async (tx) => tx.putDevice(taken));
      const fresh = device();
      await expect(
        store.transaction(async (tx) => {
          tx.putDevice(fresh);
          await tx.appendEvent(event(fresh));
          tx.putDevice(device({ assetTag: taken.assetTag }));
          return tx.getDevice(fresh.id);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await store.getDevice(fresh.id)).toBeUndefined();
      expect(await store.trail(fresh.id)).toEqual([]);
      expect(await store.deviceCount()).toBe(1);
    });
  });
});

describe('PostgreSQL store: schema version', () => {
  it('migrates a new database once, also when two servers start at the same moment', async () => {
    const url = await cluster.database('twice');
    const [a, b] = await Promise.all([PostgresStore.open(url), PostgresStore.open(url)]);
    await Promise.all([a.close(), b.close()]);
    const applied = await sql<{ name: string }>(url, 'SELECT name FROM pgmigrations ORDER BY id');
    expect(applied.map((r) => r.name)).toEqual(['0001_init', '0002_device_facets_index', '0003_device_sort_indexes', '0004_device_covering_sort_indexes', '0005_device_vacuum_often']);
    expect(appSchemaVersion()).toBe(5);
  });

  it('refuses a database a newer Kredsløb migrated, naming both versions, and changes nothing', async () => {
    const url = await cluster.database('newer');
    // A database where a future build applied only its own migration: this build would otherwise run 0001 now.
    await sql(url, 'CREATE TABLE pgmigrations (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)');
    await sql(url, "INSERT INTO pgmigrations (name, run_on) VALUES ('0007_future', now())");
    const err = await PostgresStore.open(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'SCHEMA_TOO_NEW', params: { databaseVersion: 7, appVersion: 5 } });
    expect(errorMessage('SCHEMA_TOO_NEW', (err as AppError).params, 'en')).toContain('schema version 7; this Kredsløb knows versions up to 5');
    expect(errorMessage('SCHEMA_TOO_NEW', (err as AppError).params, 'da')).toContain('skemaversion 7');
    const tables = await sql<{ t: string | null }>(url, "SELECT to_regclass('public.devices')::text AS t");
    expect(tables[0]!.t).toBeNull();
    expect(await sql(url, 'SELECT name FROM pgmigrations')).toEqual([{ name: '0007_future' }]);
  });
});

// bench:server (issue 13, wt-srv)
describe('PostgreSQL store: search order from an index', () => {
  it('gives every sort a search offers, with a state and without, in an index order (no sort of the matching rows)', async () => {
    const url = await cluster.database('sort_indexes');
    const store = await PostgresStore.open(url);
    await store.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      // With sorting priced out, a plan still sorts only when no index gives the order: a search of 33,000 listed
      // devices by model read and sorted every one of them (338 ms at 100,000 devices) before migration 0003.
      await c.query('SET enable_sort = off');
      await c.query('SET enable_seqscan = off');
      for (const [sort, order] of Object.entries(SORT_SQL)) {
        for (const where of ["WHERE status = 'listed'", '']) {
          const plan = (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT data FROM devices ${where} ORDER BY ${order} LIMIT 50`)).rows.map((r) => r['QUERY PLAN']).join('\n');
          expect(plan, `${sort} ${where}`).not.toMatch(/Sort/);
          expect(plan, `${sort} ${where}`).toMatch(/Index Scan/);
        }
      }
    } finally {
      await c.end();
    }
  });
});

describe('PostgreSQL store: a word search\'s page from its kept matches', () => {
  const q = (over: Partial<DeviceQuery> = {}): DeviceQuery => ({ sort: 'updated_desc', limit: 50, offset: 0, ...over });
  const models = [
    ['Lenovo', 'ThinkPad T14'],
    ['Samsung', 'Galaxy S21'],
    ['Dell', 'Latitude 5420'],
    ['HP', 'EliteBook 840'],
    ['Apple', 'iPhone 12'],
  ] as const;
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 37) * 3_600_000).toISOString(); // why: ties in the sort, broken by id
  /** Device i of the set: states, categories, specs, times and a note that says "thinkpad" on every 11th. */
  const nth = (i: number) => {
    const [manufacturer, model] = models[i % 5]!;
    return device({
      status: i % 3 ? 'listed' : 'in_stock',
      category: i % 5 === 4 ? 'phone' : 'laptop',
      manufacturer,
      model,
      year: 2015 + (i % 7),
      updatedAt: at(i),
      reportedAt: at(i * 7),
      specs: { ramGb: 4 * (1 + (i % 4)) },
      ...(i % 11 === 0 ? { notes: 'ThinkPad-dock medfølger' } : {}),
    });
  };

  it('gives the page the SQL walk gives, for words, states, filters, sorts and offsets, before and after writes, with one statement by id', async () => {
    await withStore('kept_pages', async (store, url) => {
      const devices = Array.from({ length: 300 }, (_, i) => nth(i));
      await store.transaction(async (tx) => devices.forEach((d) => tx.putDevice(d)));
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const spy = vi.spyOn(store as unknown as { query: (...a: unknown[]) => Promise<unknown[]> }, 'query'); // why: query is private; the test sees which statements a search sends
      try {
        const walked = async (qy: DeviceQuery) => {
          const page = searchPageSql(qy, 'walk');
          return (await c.query<{ data: { id: string } }>(page.text, page.args)).rows.map((r) => r.data.id);
        };
        /** Statements that read a kept query (its groups and snapshot), over every search compared. */
        let readings = 0;
        const pool = vi.spyOn((store as unknown as { pool: pg.Pool }).pool, 'query'); // why: the kept counts send their statements to the pool
        const compareAll = async (texts: string[]) => {
          let compared = 0;
          for (const text of texts) {
            for (const sort of Object.keys(SORT_SQL) as DeviceQuery['sort'][]) {
              for (const status of ['listed', undefined] as const) {
                for (const [filter, category] of [[undefined, undefined], [{ ramMinGb: 8 }, undefined], [undefined, 'phone' as const], [{ yearMin: 2018 }, 'laptop' as const]] as const) {
                  for (const [offset, limit] of [[0, 50], [0, 7], [7, 7]] as const) {
                    const qy = q({ text, sort, status, filter, category, offset, limit });
                    spy.mockClear();
                    const found = await store.searchDevices(qy);
                    const want = await walked(qy);
                    expect(found.items.map((d) => d.id), JSON.stringify(qy)).toEqual(want);
                    compared += want.length;
                    // Once the query's matches are kept (its first search read them), its page is asked for by id.
                    const pages = spy.mock.calls.map(([text]) => String(text)).filter((t) => t.includes('trail_length'));
                    if (want.length > 0) expect(pages, JSON.stringify(qy)).toEqual([expect.stringContaining('id = ANY')]);
                    readings += pool.mock.calls.filter(([text]) => String(text).includes('pg_current_snapshot')).length;
                    pool.mockClear();
                  }
                }
              }
            }
          }
          return compared;
        };
        // '': no words, its page picked from every device's kept matches too (walkRowsMax 0, below).
        expect(await compareAll(['thinkpad', 'galaxy', 'iphone 12', 'dock thinkpad', ''])).toBeGreaterThan(2000);
        // One reading, of every device with its words: each word query's matches were found among them.
        expect(readings).toBe(1);
        // This server's writes: states, specs, times, a note that no longer says the word, a model renamed.
        await store.transaction(async (tx) => {
          for (let i = 0; i < 300; i += 4) {
            const d = (await tx.getDevice(devices[i]!.id))!;
            tx.putDevice({
              ...d,
              status: d.status === 'listed' ? 'reserved' : 'listed',
              updatedAt: at(i + 5),
              specs: { ramGb: 4 * (1 + ((i + 1) % 4)) },
              ...(i % 8 === 0 ? { model: 'ThinkPad X1' } : {}),
              ...(d.notes ? { notes: 'dock' } : {}),
            });
          }
          tx.putDevice(nth(1000));
        });
        // Words searched before the writes (their matches moved by the commits), and words first searched now (found
        // among every device's words as the commits left them: "x1" is only in the renamed model).
        expect(await compareAll(['thinkpad', 'galaxy', 'iphone 12', 'dock thinkpad', '', 'x1', 'elitebook 840'])).toBeGreaterThan(2000);
        expect(readings).toBe(1);
      } finally {
        spy.mockRestore();
        await c.end();
      }
    }, { searchCounts: { walkRowsMax: 0 } });
  }, 120_000);

  it('orders model names as the walk does, by their UTF-8 bytes (COLLATE "C"), also past U+FFFF', async () => {
    await withStore('kept_pages_collate', async (store, url) => {
      const bmp = device({ status: 'listed', model: '\uFF41 T14', notes: 'zzq' }); // U+FF41: EF BD 81
      const astral = device({ status: 'listed', model: '\u{1D41A} T14', notes: 'zzq' }); // U+1D41A: F0 9D 90 9A; UTF-16 D835 DC1A
      await store.transaction(async (tx) => [astral, bmp].forEach((d) => tx.putDevice(d)));
      const qy = q({ text: 'zzq', status: 'listed', sort: 'model_asc', limit: 1 });
      const page = searchPageSql(qy, 'walk');
      expect((await sql<{ data: { id: string } }>(url, page.text, page.args)).map((r) => r.data.id)).toEqual([bmp.id]);
      expect((await store.searchDevices(qy)).items.map((d) => d.id)).toEqual([bmp.id]);
      expect((await store.searchDevices(qy)).items.map((d) => d.id)).toEqual([bmp.id]);
    });
  });

  it('never gives a page of no committed state when this server commits between picking the page and reading its rows', async () => {
    await withStore('kept_pages_commit_between', async (store) => {
      const b = device({ status: 'listed', model: 'ThinkPad A1' });
      const c = device({ status: 'listed', model: 'ThinkPad A2' });
      const d = device({ status: 'listed', model: 'ThinkPad B' });
      await store.transaction(async (tx) => [b, c, d].forEach((x) => tx.putDevice(x)));
      const qy = q({ text: 'thinkpad', status: 'listed', sort: 'model_asc', limit: 2 });
      expect((await store.searchDevices(qy)).items.map((x) => x.id)).toEqual([b.id, c.id]);
      const target = store as unknown as { query: (...a: unknown[]) => Promise<unknown[]> }; // why: query is private; the test commits just before the read by id
      const original = target.query;
      let commits = 0;
      const spy = vi.spyOn(target, 'query').mockImplementation(async (...args: unknown[]) => {
        if (String(args[0]).includes('id = ANY') && commits++ === 0) {
          // Another desk's request on this server commits (and is answered) while the search is between its pick and its read.
          await store.transaction(async (tx) => tx.putDevice({ ...(await tx.getDevice(c.id))!, model: 'ThinkPad Z' }));
        }
        return original.apply(target, args as never);
      });
      try {
        const found = await store.searchDevices(qy);
        // After the commit the page is b and d (c is now last); b and c as c now is would be no state's page.
        expect(found.items.map((x) => [x.id, x.model])).toEqual([
          [b.id, 'ThinkPad A1'],
          [d.id, 'ThinkPad B'],
        ]);
        expect(commits).toBe(2); // picked again after the commit, and read by id again
      } finally {
        spy.mockRestore();
      }
      // A commit between that changes no device of the search's words leaves its page as picked: one read by id.
      const other = device({ status: 'listed', model: 'Galaxy S21' });
      let reads = 0;
      const spy2 = vi.spyOn(target, 'query').mockImplementation(async (...args: unknown[]) => {
        if (String(args[0]).includes('id = ANY') && reads++ === 0) await store.transaction(async (tx) => tx.putDevice(other));
        return original.apply(target, args as never);
      });
      try {
        expect((await store.searchDevices(qy)).items.map((x) => x.id)).toEqual([b.id, d.id]);
        expect(reads).toBe(1);
      } finally {
        spy2.mockRestore();
      }
    });
  });

  it('asks for the page by the walk again when a row it fetched no longer fits the search (a change not heard yet)', async () => {
    await withStore('kept_pages_stale', async (store, url) => {
      const devices = Array.from({ length: 40 }, (_, i) => nth(i * 5)); // all Lenovo ThinkPads
      await store.transaction(async (tx) => devices.forEach((d) => tx.putDevice(d)));
      const qy = q({ status: 'listed', text: 'thinkpad', sort: 'model_asc', limit: 5 });
      const first = await store.searchDevices(qy);
      expect(first.items).toHaveLength(5);
      // Written behind the store's back: no notification, so the kept matches still hold the first device.
      await sql(url, `UPDATE devices SET status = 'in_stock', data = jsonb_set(data, '{status}', '"in_stock"') WHERE id = $1`, [first.items[0]!.id]);
      const again = await store.searchDevices(qy);
      expect(again.items.map((d) => d.id)).toEqual([...first.items.slice(1).map((d) => d.id), expect.any(String)]);
      expect(again.items.every((d) => d.status === 'listed')).toBe(true);
    });
  });

  it("finds a word query's totals, facets and pages among every device's kept words as reading them from PostgreSQL does", async () => {
    await withStore('kept_words', async (store, url) => {
      const odd = [
        device({ status: 'listed', notes: '50%_rabat på skærmen' }),
        device({ status: 'listed', notes: '50 procent rabat' }),
        device({ status: 'in_stock', notes: 'Ærlig snak: ØRESTAD lager' }),
        device({ status: 'listed', serial: 'SN-Æ\\1' }),
      ];
      await store.transaction(async (tx) => [...Array.from({ length: 300 }, (_, i) => nth(i)), ...odd].forEach((d) => tx.putDevice(d)));
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const statements: string[] = [];
      const found = new SearchCounts(async (text, args) => (statements.push(text), (await pool.query(text, args)).rows));
      const read = new SearchCounts(async (text, args) => (await pool.query(text, args)).rows, { allMembersMax: 0 });
      try {
        const texts = ['thinkpad', 'galaxy s21', 'iphone 12', 'dock thinkpad', 'thinkpad dock', 'rabat 50%', 'laptop medfølger', 'medfølger', 'lenovo t14', '50%_', '%', '_rabat', 'ørestad', 'sn-æ\\1', odd[0]!.assetTag, 'nowhere'];
        let compared = 0;
        for (const text of texts) {
          for (const status of ['listed', 'in_stock', undefined] as const) {
            for (const sort of Object.keys(SORT_SQL) as DeviceQuery['sort'][]) {
              for (const [filter, category] of [[undefined, undefined], [{ ramMinGb: 8 }, undefined], [{ yearMin: 2018 }, 'laptop' as const]] as const) {
                const qy = q({ text, status, sort, filter, category, limit: 20, facets: true });
                const [a, b] = [await found.countAndPick(qy), await read.countAndPick(qy)];
                expect(a.counted, JSON.stringify(qy)).toEqual(b.counted);
                const ids = (r: typeof a) => (r.page && r.page !== 'busy' ? r.page.ids : r.page);
                expect(ids(a), JSON.stringify(qy)).toEqual(ids(b));
                compared += a.counted.total;
              }
            }
          }
        }
        expect(compared).toBeGreaterThan(5000);
        // Only the every-device query was read; without its words kept, each word query was read on its own.
        expect(statements.filter((t) => t.includes('pg_current_snapshot'))).toEqual([expect.stringContaining('haystack')]);
        expect((await read.countAndPick(q({ text: '50%_' }))).counted.total).toBe(1);
      } finally {
        await pool.end();
      }
    });
  }, 120_000);

  it('picks a page without words from every device\'s kept matches as the walk gives it, when the walk would pass rows it does not want', async () => {
    await withStore('kept_pages_no_words', async (store, url) => {
      await store.transaction(async (tx) => Array.from({ length: 300 }, (_, i) => nth(i)).forEach((d) => tx.putDevice(d)));
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      const run = async <R extends object>(text: string, args?: unknown[]) => (await pool.query<R>(text, args)).rows;
      // Every walk counts as long here (walkRowsMax 0); with the default, 300 devices never make one long, and only
      // a category, administration or filter (a walk that passes rows it does not want) has its page picked.
      const picked = new SearchCounts(run, { walkRowsMax: 0 });
      const usual = new SearchCounts(run);
      try {
        let compared = 0;
        for (const status of ['listed', 'in_stock', 'reserved', undefined] as const) {
          for (const sort of Object.keys(SORT_SQL) as DeviceQuery['sort'][]) {
            for (const [filter, category, departmentId] of [[undefined, undefined, undefined], [{ ramMinGb: 8 }, 'laptop', undefined], [{ yearMin: 2018 }, 'phone', undefined], [undefined, undefined, 'dep-okf']] as const) {
              for (const [offset, limit] of [[0, 50], [7, 7]] as const) {
                const qy = q({ status, sort, filter, category, departmentId, offset, limit });
                const { counted, page } = await picked.countAndPick(qy);
                const walk = searchPageSql(qy, 'walk');
                const want = (await pool.query<{ data: { id: string } }>(walk.text, walk.args)).rows.map((r) => r.data.id);
                // No devices in the state: the store answers without a page (total 0), as it does for any search.
                if (counted.total === 0) expect(want).toEqual([]);
                else {
                  if (page === 'busy' || page === undefined) throw new Error(`no page for ${JSON.stringify(qy)}`);
                  expect(page.ids, JSON.stringify(qy)).toEqual(want);
                }
                compared += want.length;
                const usually = (await usual.countAndPick(qy)).page;
                if (category === undefined && departmentId === undefined && filter === undefined) expect(usually, JSON.stringify(qy)).toBeUndefined();
                else if (counted.total > 0) expect(usually && usually !== 'busy' ? usually.ids : usually, JSON.stringify(qy)).toEqual(want);
              }
            }
          }
        }
        expect(compared).toBeGreaterThan(1000);
      } finally {
        await pool.end();
      }
    });
  }, 120_000);
});

// bench:server CPU per call (issue 13, wt-srv2)
describe('PostgreSQL store: a search page from the index alone', () => {
  it('finds the page of a word and a filter in every sort, with a state and without, without reading the rows it passes over', async () => {
    await withStore('covering_indexes', async (store, url) => {
      const models = ['ThinkPad T14', 'Galaxy S21', 'Latitude 5420', 'EliteBook 840'];
      await store.transaction(async (tx) => {
        for (let i = 0; i < 400; i++) tx.putDevice(device({ status: i % 2 ? 'listed' : 'in_stock', category: i % 3 ? 'laptop' : 'phone', model: models[i % 4]!, specs: { ramGb: 4 * (1 + (i % 4)) } }));
      });
      // All-visible pages, as autovacuum leaves a settled table (the commit's WAL flushed first: the cluster commits
      // asynchronously, and VACUUM marks no page whose rows' commit is not yet on disk).
      await sql(url, 'CHECKPOINT');
      await sql(url, 'VACUUM ANALYZE devices');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        // Every way of finding the page but an index-only walk in the sort's order priced out: 400 devices would
        // otherwise be read and sorted whole, as 100,000 never are. Without a sort index that holds the word and
        // the filter's columns, the plan is one of the priced-out ones.
        for (const off of ['enable_seqscan', 'enable_bitmapscan', 'enable_sort']) await c.query(`SET ${off} = off`);
        for (const sort of Object.keys(SORT_SQL) as (keyof typeof SORT_SQL)[]) {
          for (const status of ['listed', undefined] as const) {
            const page = searchPageSql({ status, text: 'galaxy', filter: { category: 'phone', ramMinGb: 8 }, sort, limit: 50, offset: 0 });
            const plan = (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.text}`, page.args)).rows.map((r) => r['QUERY PLAN']).join('\n');
            // Before migration 0004 the walk was an Index Scan: every row it passed was read from the table to test the word.
            expect(plan, `${sort} ${status ?? 'any state'}`).toMatch(/Index Only Scan using devices_(status_)?(updated|reported|model|year|ram) on devices/);
            // The word is tested only on rows of the category and RAM asked for (PostgreSQL would test it first).
            expect(plan).toMatch(/CASE WHEN .*category = 'phone'.* THEN \(?\(?haystack ~~ '%galaxy%'/);
            expect(plan.replace(/CASE WHEN .*? END/g, ''), `${sort} ${status ?? 'any state'}`).not.toMatch(/haystack ~~/);
          }
        }
      } finally {
        await c.end();
      }
      // The page itself still reads the rows it shows, in the sort's order.
      const found = await store.searchDevices({ status: 'listed', text: 'galaxy', filter: { ramMinGb: 8 }, sort: 'ram_desc', limit: 5, offset: 0 });
      expect(found.items.map((d) => [d.model, d.status, d.specs.ramGb])).toEqual(Array.from({ length: 5 }, () => ['Galaxy S21', 'listed', 8]));
      expect(found.total).toBe(100);
    });
  });
});

// bench:server: a word with few matches walked every listed device (20 ms of PostgreSQL's time a search)
describe('PostgreSQL store: a page of rare words through their index, and no page for no matches', () => {
  const q = (over: Partial<DeviceQuery> = {}): DeviceQuery => ({ sort: 'updated_desc', limit: 50, offset: 0, ...over });

  it('picks the walk unless it would pass more than WALK_ROWS_MAX rows to fill the page; never for no words or a place, batch or serial', () => {
    // 33,000 listed devices: a word with 100 matches is 330 rows walked per match, 16,500 for a page of 50.
    expect(searchPageWay(q({ text: 'iphone' }), 100, 33_000)).toBe('matches');
    expect(searchPageWay(q({ text: 'dell' }), 5_000, 33_000)).toBe('walk');
    // The limit and the offset count: the same word for a page of 5 walks 1,650 rows.
    expect(searchPageWay(q({ text: 'iphone', limit: 5 }), 100, 33_000)).toBe('walk');
    expect(searchPageWay(q({ text: 'iphone', limit: 5, offset: 45 }), 100, 33_000)).toBe('matches');
    // No match at all: a walk would pass every row.
    expect(searchPageWay(q({ text: 'x' }), 0, WALK_ROWS_MAX + 1)).toBe('matches');
    expect(searchPageWay(q({ text: 'x' }), 0, WALK_ROWS_MAX)).toBe('walk');
    expect(searchPageWay(q(), 1, 100_000)).toBe('walk');
    expect(searchPageWay(q({ text: '  ' }), 1, 100_000)).toBe('walk');
    expect(searchPageWay(q({ text: 'iphone', locationId: 'loc-1' }), 1, 100_000)).toBe('walk');
    expect(searchPageWay(q({ text: 'iphone', batchId: 'b-1' }), 1, 100_000)).toBe('walk');
    expect(searchPageWay(q({ text: 'iphone', serial: 'S1' }), 1, 100_000)).toBe('walk');
  });

  it('both ways give the same page for words, filters, states, sorts and offsets; the rare word\'s is found through the trigram index', async () => {
    await withStore('page_ways', async (store, url) => {
      const models = ['ThinkPad T14', 'Galaxy S21', 'Latitude 5420', 'EliteBook 840', 'iPhone 12'];
      const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + (i % 37) * 3_600_000).toISOString(); // why: ties in the sort, broken by id
      await store.transaction(async (tx) => {
        for (let i = 0; i < 300; i++) {
          tx.putDevice(device({ status: i % 3 ? 'listed' : 'in_stock', category: i % 5 === 1 ? 'phone' : 'laptop', model: models[i % 5]!, year: 2015 + (i % 7), updatedAt: at(i), reportedAt: at(i * 7), specs: { ramGb: 4 * (1 + (i % 4)) } }));
        }
      });
      await sql(url, 'ANALYZE devices');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const ids = async (qy: DeviceQuery, way: PageWay) => {
          const page = searchPageSql(qy, way);
          return (await c.query<{ data: { id: string } }>(page.text, page.args)).rows.map((r) => r.data.id);
        };
        let compared = 0;
        for (const text of ['galaxy', 'iphone 12', 'thinkpad t14', 'nothing-here']) {
          for (const sort of Object.keys(SORT_SQL) as DeviceQuery['sort'][]) {
            for (const status of ['listed', undefined] as const) {
              for (const filter of [undefined, { category: 'phone' as const }, { ramMinGb: 8 }]) {
                for (const [offset, limit] of [[0, 50], [0, 7], [7, 7], [60, 50]] as const) {
                  const qy = q({ text, sort, status, filter, offset, limit });
                  const walked = await ids(qy, 'walk');
                  expect(await ids(qy, 'matches'), JSON.stringify(qy)).toEqual(walked);
                  compared += walked.length;
                }
              }
            }
          }
        }
        expect(compared).toBeGreaterThan(1000);
        // The matches are looked up, not walked for: planned without the page's LIMIT, a bitmap scan (as on a big
        // table, where reading all 300 rows is priced out); with nothing but words, through their trigram index.
        await c.query('SET enable_seqscan = off');
        const plan = async (qy: DeviceQuery) => {
          const page = searchPageSql(qy, 'matches');
          return (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page.text}`, page.args)).rows.map((r) => r['QUERY PLAN']).join('\n');
        };
        expect(await plan(q({ status: 'listed', text: 'galaxy', filter: { category: 'phone' } }))).toMatch(/CTE hits\n\s+-> {2}Bitmap Heap Scan on devices/);
        expect(await plan(q({ text: 'galaxy s21', sort: 'model_asc' }))).toMatch(/CTE hits\n\s+-> {2}Bitmap Heap Scan on devices[^]*Bitmap Index Scan on devices_haystack/);
      } finally {
        await c.end();
      }
      // The store's own search agrees with the walk, whichever way it took.
      const found = await store.searchDevices(q({ status: 'listed', text: 'galaxy', sort: 'year_desc', limit: 10 }));
      expect(found.items.map((d) => d.model)).toEqual(Array(10).fill('Galaxy S21'));
      expect(found.total).toBe(40);
    });
  });

  it('asks PostgreSQL for no page when the total says there is none: a word nobody has, a page past the last', async () => {
    await withStore('no_page', async (store) => {
      await store.transaction(async (tx) => {
        for (let i = 0; i < 20; i++) tx.putDevice(device({ status: 'listed', model: i % 2 ? 'Galaxy S21' : 'ThinkPad T14' }));
      });
      await store.searchDevices(q({ status: 'listed' })); // the counts of the listed devices kept
      const spy = vi.spyOn(store as unknown as { query: (...a: unknown[]) => Promise<unknown[]> }, 'query'); // why: query is private; the test counts the statements a search sends
      const pageStatements = () => spy.mock.calls.filter(([text]) => String(text).includes('trail_length'));
      expect(await store.searchDevices(q({ status: 'listed', text: 'iphone' }))).toEqual({ items: [], total: 0 });
      expect(await store.searchDevices(q({ status: 'listed', text: 'galaxy', offset: 10 }))).toEqual({ items: [], total: 10 });
      expect(pageStatements()).toEqual([]);
      // A page that has devices is still asked for.
      expect((await store.searchDevices(q({ status: 'listed', text: 'galaxy', offset: 5 }))).items).toHaveLength(5);
      expect(pageStatements()).toHaveLength(1);
      spy.mockRestore();
    });
  });
});

// bench:server CPU per call (issue 13, wt-srv2)
describe('PostgreSQL store: the caller in one read', () => {
  it('gives every person with their administration as getUser and getDepartment do, and nobody for an unknown id', async () => {
    await withStore('caller', async (store) => {
      await seedReferenceData(store);
      const homeless = { ...USERS[0]!, id: 'u-homeless', email: 'homeless@example.dk', departmentId: 'dep-gone' };
      await store.transaction(async (tx) => tx.putUser(homeless));
      for (const user of [...USERS, homeless]) {
        const department = await store.getDepartment(user.departmentId);
        if (user !== homeless) expect(department, user.id).toBeDefined();
        expect(await store.getCaller(user.id), user.id).toEqual({ user: await store.getUser(user.id), department });
      }
      expect((await store.getCaller('u-homeless'))?.department).toBeUndefined();
      expect(await store.getCaller('u-nobody')).toBeUndefined();
    });
  });

  it('keeps a caller between calls, and forgets it at any write of a person or administration, by this server or another', async () => {
    await withTwoServers('caller_kept', async (a, b, url) => {
      await seedReferenceData(a);
      const user = USERS.find((u) => u.role === 'department_contact')!;
      const pool = vi.spyOn((a as unknown as { pool: pg.Pool }).pool, 'query'); // why: the test counts the statements a's callers cost
      const reads = () => pool.mock.calls.filter(([text]) => String(text).includes("u.kind = 'user'")).length;
      /** a's caller once it shows `want` (another server's write is heard a moment after its commit). */
      const settles = async (want: (c: Awaited<ReturnType<PostgresStore['getCaller']>>) => boolean) => {
        let caller = await a.getCaller(user.id);
        for (let i = 0; i < 40 && !want(caller); i++) {
          await new Promise((r) => setTimeout(r, 50));
          caller = await a.getCaller(user.id);
        }
        return caller;
      };
      expect((await a.getCaller(user.id))?.user).toEqual(user);
      expect((await a.getCaller(user.id))?.user).toEqual(user);
      expect(reads()).toBe(1);
      // This server's write: seen at the next call.
      await a.transaction(async (tx) => tx.putUser({ ...user, name: 'Omdøbt' }));
      expect((await a.getCaller(user.id))?.user.name).toBe('Omdøbt');
      expect(reads()).toBe(2);
      // Another server deactivates the person, then renames the administration: heard, then read afresh.
      await b.transaction(async (tx) => tx.putUser({ ...user, active: false }));
      expect((await settles((c) => c?.user.active === false))?.user.active).toBe(false);
      const department = (await b.getDepartment(user.departmentId))!;
      await b.transaction(async (tx) => tx.putDepartment({ ...department, name: 'Ny forvaltning' }));
      expect((await settles((c) => c?.department?.name === 'Ny forvaltning'))?.department?.name).toBe('Ny forvaltning');
      // A write that rolls back changes nothing.
      await expect(
        b.transaction(async (tx) => {
          tx.putUser({ ...user, role: 'admin' });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await new Promise((r) => setTimeout(r, 200));
      expect((await a.getCaller(user.id))?.user.role).toBe('department_contact');
      // While a cannot hear the other servers it keeps no caller: b's write is seen at a's very next call.
      await sql(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${WRITES_CHANNEL_APPLICATION}' AND datname = current_database()`);
      await new Promise((r) => setTimeout(r, 100));
      await a.getCaller(user.id);
      await b.transaction(async (tx) => tx.putUser({ ...user, active: true }));
      expect((await a.getCaller(user.id))?.user.active).toBe(true);
    });
  }, 60_000);

  it('reads a kept caller again after its maximum age, when a notification connection stops delivering without closing', async () => {
    // Review (helper-51): a firewall's idle timeout or a half-open TCP connection leaves the channel "listening".
    await withTwoServers('caller_max_age', async (a, b) => {
      await seedReferenceData(a);
      const user = USERS.find((u) => u.role === 'department_contact')!;
      expect((await a.getCaller(user.id))?.user.active).not.toBe(false);
      const silent = silence(a);
      try {
        await b.transaction(async (tx) => tx.putUser({ ...user, active: false }));
        // Not heard, and younger than its maximum age: still the kept caller (what the maximum age bounds).
        expect((await a.getCaller(user.id))?.user.active).not.toBe(false);
        await new Promise((r) => setTimeout(r, 1600));
        expect((await a.getCaller(user.id))?.user.active).toBe(false);
      } finally {
        silent.end();
      }
    }, { callerMaxAgeMs: 1500, channelPingMs: 60_000 });
  }, 60_000);

  it('keeps no caller once its notification connection stops delivering without closing, well before the maximum age', async () => {
    await withTwoServers('caller_silent', async (a, b) => {
      await seedReferenceData(a);
      const user = USERS.find((u) => u.role === 'department_contact')!;
      expect((await a.getCaller(user.id))?.user.active).not.toBe(false);
      const silent = silence(a);
      try {
        await b.transaction(async (tx) => tx.putUser({ ...user, active: false }));
        // Its own check gets no echo within two intervals (0.4 s): the deactivation is seen long before the 60 s.
        const started = performance.now();
        let caller = await a.getCaller(user.id);
        while (caller?.user.active !== false && performance.now() - started < 5000) {
          await new Promise((r) => setTimeout(r, 50));
          caller = await a.getCaller(user.id);
        }
        expect(caller?.user.active).toBe(false);
        expect(performance.now() - started).toBeLessThan(3000);
        expect(silent.foundByCheck()).toBe(true);
      } finally {
        silent.end();
      }
    }, { callerMaxAgeMs: 60_000, channelPingMs: 200 });
  }, 60_000);
});

// bench:server: a device page and the warehouse's reserved devices in one statement each
describe('PostgreSQL store: a device page and the reservations of a page of devices in one read', () => {
  it('gives what the separate reads give: by id and by tag, with and without a reservation and a wipe record; nothing for an unknown device', async () => {
    await withStore('device_page', async (store) => {
      const wiped = device({ status: 'reserved', sanitizationId: 'san-p1' });
      const plain = device({ status: 'listed' });
      const held = device({ status: 'reserved' });
      const reservation = (id: string, d: Device, status: Reservation['status']): Reservation => ({
        id,
        deviceId: d.id,
        departmentId: 'dep-suf',
        reservedBy: { id: 'user-suf-1', name: 'X', role: 'department_contact' },
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-08T00:00:00.000Z',
        status,
        ...(status === 'active' ? {} : { endedAt: '2026-01-02T00:00:00.000Z' }),
      });
      await store.transaction(async (tx) => {
        for (const d of [wiped, plain, held]) tx.putDevice(d);
        tx.putSanitization({ id: 'san-p1', deviceId: wiped.id, ...WIPE, operator: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' }, performedAt: '2026-01-02T09:00:00.000Z' });
        tx.putReservation(reservation('r-old', wiped, 'cancelled'));
        tx.putReservation(reservation('r-now', wiped, 'active'));
        tx.putReservation(reservation('r-held', held, 'active'));
        for (const at of ['2026-01-03T10:00:00.000Z', '2026-01-02T10:00:00.000Z', '2026-01-04T10:00:00.000Z']) await tx.appendEvent(event(wiped, 'note_added', at));
      });
      for (const d of [wiped, plain, held]) {
        const separate = {
          device: await store.getDevice(d.id),
          trail: await store.trail(d.id),
          reservation: await store.activeReservation(d.id),
          sanitization: d.sanitizationId ? await store.getSanitization(d.sanitizationId) : undefined,
        };
        expect(await store.getDevicePage({ id: d.id }), d.id).toEqual(separate);
        expect(await store.getDevicePage({ assetTag: d.assetTag }), d.assetTag).toEqual(separate);
      }
      const page = await store.getDevicePage({ id: wiped.id });
      expect(page?.trail.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(page?.reservation?.id).toBe('r-now');
      expect(page?.sanitization?.id).toBe('san-p1');
      expect(await store.getDevicePage({ id: 'd-nobody' })).toBeUndefined();
      expect(await store.getDevicePage({ assetTag: 'KK-0000000' })).toBeUndefined();

      const ids = [plain.id, wiped.id, held.id, 'd-nobody'];
      const one = (await Promise.all(ids.map((id) => store.activeReservation(id)))).filter((r) => r !== undefined);
      expect((await store.activeReservations(ids)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(one.sort((a, b) => a.id.localeCompare(b.id)));
      expect((await store.activeReservations(ids)).map((r) => r.id).sort()).toEqual(['r-held', 'r-now']);
      expect(await store.activeReservations([])).toEqual([]);
    });
  });
});

// bench:server (issue 13, wt-srv): search counts kept between searches (search-counts.ts)
describe('PostgreSQL store: search counts under concurrent writes', () => {
  it('gives the same totals as counting the rows afresh, for queries first counted while other desks commit', async () => {
    await withStore('counts_race', async (store, url) => {
      const categories = ['laptop', 'desktop', 'monitor', 'phone'] as const;
      const devices = Array.from({ length: 200 }, (_, i) => device({ status: i % 2 ? 'listed' : 'in_stock', category: categories[i % 4], specs: { ramGb: 4 * (1 + (i % 8)) } }));
      await store.transaction(async (tx) => devices.forEach((d) => tx.putDevice(d)));
      const queries = [
        ...(['listed', 'in_stock', 'reserved'] as const).flatMap((status) => categories.map((category) => ({ status, category }))),
        ...(['listed', 'in_stock'] as const).map((status) => ({ status, text: 'thinkpad' })),
        {},
      ];
      // Writers flip devices between listed, reserved and in stock (and change their RAM) while every query is
      // counted for the first time, several times over, so that commits land while a count is being read.
      let round = 0;
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let k = 0; k < 15; k++) {
          const i = (w * 25 + k * 7 + round++) % devices.length;
          await store.transaction(async (tx) => {
            const d = (await tx.getDevice(devices[i]!.id))!;
            tx.putDevice({ ...d, status: d.status === 'listed' ? 'reserved' : d.status === 'reserved' ? 'in_stock' : 'listed', specs: { ramGb: 4 * (1 + ((k + w) % 8)) } });
          });
        }
      });
      const readers = Array.from({ length: 6 }, async () => {
        for (const qy of queries) await store.searchDevices({ ...qy, sort: 'updated_desc', limit: 1, offset: 0, facets: true, filter: { ramMinGb: 16 } });
      });
      await Promise.all([...writers, ...readers]);
      const fresh = new pg.Client({ connectionString: url });
      await fresh.connect();
      try {
        for (const qy of queries) {
          const where = Object.entries(qy).filter(([k]) => k !== 'text').map(([k, v]) => `${k} = '${v}'`);
          const rows = await fresh.query<{ n: string; ram: string }>(
            `SELECT COUNT(*) AS n, COUNT(*) FILTER (WHERE ram_gb >= 16) AS ram FROM devices ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
          );
          const r = await store.searchDevices({ ...qy, sort: 'updated_desc', limit: 1, offset: 0, facets: true, filter: { ramMinGb: 16 } });
          expect(r.total, JSON.stringify(qy)).toBe(Number(rows.rows[0]!.ram));
          expect(r.facets!.ramMinGb[0]!.count, JSON.stringify(qy)).toBe(Number(rows.rows[0]!.n));
        }
        // The word queries' kept matches, read while the writers committed, give the page a walk gives now.
        for (const qy of (['listed', 'in_stock'] as const).map((status) => ({ status, text: 'thinkpad' }))) {
          for (const sort of ['updated_desc', 'ram_desc'] as const) {
            const search = { ...qy, sort, limit: 30, offset: 0, filter: { ramMinGb: 16 } };
            const page = searchPageSql(search, 'walk');
            const walked = (await fresh.query<{ data: { id: string } }>(page.text, page.args)).rows.map((r) => r.data.id);
            expect(walked.length).toBeGreaterThan(0);
            expect((await store.searchDevices(search)).items.map((d) => d.id), JSON.stringify(search)).toEqual(walked);
          }
        }
      } finally {
        await fresh.end();
      }
    }, { poolSize: 20 });
  }, 120_000);
});

describe('PostgreSQL store: search counts with two server processes on one database', () => {
  const listed = { status: 'listed' as const, sort: 'updated_desc' as const, limit: 1, offset: 0, facets: true };
  /** Polls `read` until it gives `want` (a notification takes a moment), or gives what it last read. */
  async function settles(read: () => Promise<number>, want: number): Promise<number> {
    let got = await read();
    for (let i = 0; i < 40 && got !== want; i++) {
      await new Promise((r) => setTimeout(r, 50));
      got = await read();
    }
    return got;
  }

  it("a server's kept totals and facets follow the devices another server writes, and a rolled-back write is never counted", async () => {
    await withTwoServers('counts_two_servers', async (a, b) => {
      const first = Array.from({ length: 5 }, () => device({ status: 'listed', category: 'laptop', specs: { ramGb: 8 } }));
      await a.transaction(async (tx) => first.forEach((d) => tx.putDevice(d)));
      const total = async () => (await a.searchDevices(listed)).total;
      // Counted (and kept) by server A …
      expect(await total()).toBe(5);
      // … then server B lists three more and unlists one of A's.
      await b.transaction(async (tx) => {
        for (let i = 0; i < 3; i++) tx.putDevice(device({ status: 'listed', category: 'laptop', specs: { ramGb: 32 } }));
        tx.putDevice({ ...first[0]!, status: 'in_stock' });
      });
      expect(await settles(total, 7)).toBe(7);
      const facets = (await a.searchDevices(listed)).facets!;
      expect(facets.ramMinGb.find((f) => f.value === 16)?.count).toBe(3);
      // A write B rolls back sends nothing: A's count stays.
      await expect(
        b.transaction(async (tx) => {
          tx.putDevice(device({ status: 'listed' }));
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      await new Promise((r) => setTimeout(r, 300));
      expect(await total()).toBe(7);
    });
  }, 60_000);

  it('keeps no counts while it cannot hear the other servers, and counts afresh', async () => {
    await withTwoServers('counts_deaf', async (a, b, url) => {
      await a.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
      expect((await a.searchDevices(listed)).total).toBe(1);
      // Every listening connection is cut (as a restarted pooler or a network blip would): until A listens again,
      // B's writes cannot be heard, so A must not answer from what it kept.
      await sql(url, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '${WRITES_CHANNEL_APPLICATION}' AND datname = current_database()`);
      await new Promise((r) => setTimeout(r, 100));
      await b.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
      expect((await a.searchDevices(listed)).total).toBe(2);
      // Listening again (after a short wait), A keeps counts and follows B's writes as before.
      await new Promise((r) => setTimeout(r, 600));
      await b.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
      expect(await settles(async () => (await a.searchDevices(listed)).total, 3)).toBe(3);
    });
  }, 60_000);

  it('closes its notification connection within a few seconds when the connection has gone silent', async () => {
    // A proxy between the channel and PostgreSQL that stops passing anything on, and closes nothing: a half-open
    // connection. (Pausing the socket is not enough here: PostgreSQL still closes it, and its close is seen.)
    const url = new URL(await cluster.database('channel_close'));
    const pipes: net.Socket[] = [];
    const proxy = net.createServer((down) => {
      const up = net.connect(Number(url.port), url.hostname);
      down.pipe(up);
      up.pipe(down);
      pipes.push(down, up);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const through = new URL(url);
    through.port = String((proxy.address() as net.AddressInfo).port); // why: a TCP server that listens has an AddressInfo
    const channel = new WritesChannel(through.href, { othersWrote: () => {}, listening: () => {} }, 60_000);
    try {
      await channel.start();
      for (const socket of pipes) {
        socket.unpipe();
        socket.pause();
      }
      const started = performance.now();
      await channel.close();
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      for (const socket of pipes) socket.destroy();
      proxy.close();
    }
  }, 60_000);

  it('gives up a connection that opens but never answers, and tries again, instead of waiting for ever', async () => {
    // A listener that takes the connection and never says a word (a stuck proxy or server).
    const held: net.Socket[] = [];
    const mute = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const port = (mute.address() as net.AddressInfo).port; // why: a TCP server that listens has an AddressInfo
    const heard: boolean[] = [];
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const channel = new WritesChannel(`postgres://postgres@127.0.0.1:${port}/none`, { othersWrote: () => {}, listening: (on) => heard.push(on) });
    try {
      const started = performance.now();
      await channel.start();
      expect(performance.now() - started).toBeLessThan(8000);
      expect(heard).not.toContain(true);
      expect(errors.mock.calls.some((args) => String(args[0]).includes('notifications unavailable, retrying'))).toBe(true);
    } finally {
      await channel.close();
      errors.mockRestore();
      for (const socket of held) socket.destroy();
      mute.close();
    }
  }, 60_000);

  it('keeps no counts once its notification connection stops delivering without closing, and listens again', async () => {
    await withTwoServers('counts_silent', async (a, b) => {
      await a.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
      expect((await a.searchDevices(listed)).total).toBe(1);
      const silent = silence(a);
      try {
        await b.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
        // Its own check gets no echo: A stops answering from what it kept and counts afresh.
        expect(await settles(async () => (await a.searchDevices(listed)).total, 2)).toBe(2);
        expect(silent.foundByCheck()).toBe(true);
        // On a new connection it keeps counts again, and hears B's next write.
        expect(await listensAgain(a, silent.stream)).toBe(true);
        await b.transaction(async (tx) => tx.putDevice(device({ status: 'listed' })));
        expect(await settles(async () => (await a.searchDevices(listed)).total, 3)).toBe(3);
      } finally {
        silent.end();
      }
    }, { channelPingMs: 200 });
  }, 60_000);
});
