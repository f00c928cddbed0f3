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

  it('names the install command when the server programs are missing', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-nopg-'));
    try {
      expect(() => pgBinDir({}, path.join(empty, 'postgresql'))).toThrow('apt-get install -y postgresql');
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
