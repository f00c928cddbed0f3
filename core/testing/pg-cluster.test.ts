import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { pgBinDir, startPgCluster, type PgCluster } from './pg-cluster';

describe('test PostgreSQL cluster', () => {
  const started: PgCluster[] = [];
  afterAll(async () => {
    for (const c of started) await c.stop();
  });

  it('starts a server on 127.0.0.1 that takes queries, and stop() ends it and removes its folder', async () => {
    const t0 = Date.now();
    const cluster = await startPgCluster();
    started.push(cluster);
    const startMs = Date.now() - t0;
    const port = Number(new URL(cluster.url).port);
    expect(new URL(cluster.url).hostname).toBe('127.0.0.1');
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    const { rows } = await client.query<{ v: string; fsync: string }>("SELECT current_setting('server_version_num') AS v, current_setting('fsync') AS fsync");
    await client.end();
    expect(Number(rows[0]!.v)).toBeGreaterThanOrEqual(150000);
    expect(rows[0]!.fsync).toBe('off');
    expect(fs.existsSync(path.join(cluster.dataDir, 'PG_VERSION'))).toBe(true);
    await cluster.stop();
    expect(fs.existsSync(cluster.dataDir)).toBe(false);
    const refused = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'kredslob', connectionTimeoutMillis: 2000 });
    await expect(refused.connect()).rejects.toThrow();
    await cluster.stop(); // twice is harmless
    console.log(`[pg-cluster] start took ${startMs} ms`);
  });

  // bench:server's statement statistics (issue 13, wt-srv2)
  it('starts with the server settings it is given, a preloaded library among them', async () => {
    const cluster = await startPgCluster({ settings: { shared_preload_libraries: 'pg_stat_statements', work_mem: '5MB' } });
    started.push(cluster);
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ libs: string; work: string }>("SELECT current_setting('shared_preload_libraries') AS libs, current_setting('work_mem') AS work");
      expect(rows[0]).toEqual({ libs: 'pg_stat_statements', work: '5MB' });
      // Only a preloaded pg_stat_statements answers: otherwise "must be loaded via shared_preload_libraries".
      await client.query('CREATE EXTENSION pg_stat_statements');
      const counted = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM pg_stat_statements');
      expect(Number(counted.rows[0]!.n)).toBeGreaterThan(0);
    } finally {
      await client.end();
      await cluster.stop();
    }
  });

  it('gives each named database its own data, and two clusters run side by side', async () => {
    const [a, b] = await Promise.all([startPgCluster(), startPgCluster()]);
    started.push(a, b);
    expect(a.url).not.toBe(b.url);
    const one = await a.database('one');
    const again = await a.database('one');
    expect(again).toBe(one);
    const c = new pg.Client({ connectionString: one });
    await c.connect();
    await c.query('CREATE TABLE t (x int)');
    await c.end();
    const other = new pg.Client({ connectionString: await a.database('two') });
    await other.connect();
    await expect(other.query('SELECT * FROM t')).rejects.toThrow(/does not exist/);
    await other.end();
    await expect(a.database('Robert"; DROP')).rejects.toThrow('Not a plain database name');
  });

  // bench:server (wt-pgbench): a filled cluster is kept and later clusters start from copies of it
  it('keeps a stopped cluster\'s data for later clusters, which start from a copy and leave the kept folder as it was', async () => {
    const keepIn = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-pg-kept-'));
    const kept = path.join(keepIn, 'data');
    try {
      const first = await startPgCluster();
      started.push(first);
      const c = new pg.Client({ connectionString: first.url });
      await c.connect();
      await c.query("CREATE TABLE t (x text); INSERT INTO t VALUES ('kept')");
      await c.end();
      await first.stopAndKeep(kept);
      expect(fs.existsSync(first.dataDir)).toBe(false);
      expect(fs.existsSync(path.join(kept, 'PG_VERSION'))).toBe(true);

      const second = await startPgCluster({ from: kept });
      started.push(second);
      const d = new pg.Client({ connectionString: second.url });
      await d.connect();
      expect((await d.query<{ x: string }>('SELECT x FROM t')).rows).toEqual([{ x: 'kept' }]);
      await d.query("INSERT INTO t VALUES ('only in the copy')");
      await d.end();
      await second.stop();

      const third = await startPgCluster({ from: kept });
      started.push(third);
      const e = new pg.Client({ connectionString: third.url });
      await e.connect();
      expect((await e.query<{ n: string }>('SELECT COUNT(*) AS n FROM t')).rows[0]!.n).toBe('1');
      await e.end();
      await expect(startPgCluster({ from: keepIn })).rejects.toThrow('is not a PostgreSQL data folder');
    } finally {
      fs.rmSync(keepIn, { recursive: true, force: true });
    }
  });

  it('names the install command when the server programs are missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-nopg-'));
    try {
      expect(() => pgBinDir({}, path.join(empty, 'postgresql'))).toThrow('apt-get install -y postgresql');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
