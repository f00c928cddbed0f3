/**
 * The PostgreSQL store's whole content in and out as dump records (core/store/dump.ts): the backup reads one
 * consistent snapshot; the import writes into an empty database in one transaction, so a failed copy leaves
 * the database empty.
 */
import type pg from 'pg';
import type { Device, TrailEvent } from '../../../shared/schemas';
import { wantedIndexKey } from '../../../shared/wanted';
import { AppError } from '../../errors';
import { sha256Hex } from '../attachment-dir';
import { countRecord, type DumpCounts, type DumpRecord } from '../dump';
import { DEVICE_COLUMNS, deviceOf, deviceRow } from './sql';

const PAGE = 2000;

/** Reads a table a page at a time in key order (keyset paging: a million rows are never held at once). */
async function* pages<R extends Record<string, unknown>>(client: pg.ClientBase, select: string, from: string, keys: string[]): AsyncGenerator<R> {
  let after: unknown[] | undefined;
  for (;;) {
    const cond = after ? `WHERE (${keys.join(', ')}) > (${keys.map((_, i) => `$${i + 1}`).join(', ')})` : '';
    const { rows } = await client.query<R>(`SELECT ${select}, ${keys.join(', ')} FROM ${from} ${cond} ORDER BY ${keys.join(', ')} LIMIT ${PAGE}`, after ?? []);
    yield* rows;
    if (rows.length < PAGE) return;
    const last = rows.at(-1)!;
    after = keys.map((k) => last[k]);
  }
}

/** Every record of the database, as one REPEATABLE READ snapshot (writers go on meanwhile). */
export async function* exportDatabase(pool: pg.Pool): AsyncGenerator<DumpRecord> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for await (const r of pages<{ kind: string; key: string; data: unknown }>(client, 'data', 'records', ['kind', 'ord', 'key'])) {
      yield { k: 'record', kind: r.kind, key: r.key, v: r.data };
    }
    for await (const r of pages<{ data: Device; trail_length: number }>(client, 'data, trail_length', 'devices', ['id'])) yield { k: 'device', v: deviceOf(r) };
    for await (const r of pages<{ data: TrailEvent; link: string | null }>(client, 'data, link', 'events', ['device_id', 'seq'])) {
      yield r.link === null ? { k: 'event', v: r.data } : { k: 'event', v: r.data, link: r.link };
    }
    for await (const r of pages<{ data: never }>(client, 'data', 'reservations', ['id'])) yield { k: 'reservation', v: r.data };
    for await (const r of pages<{ data: never }>(client, 'data', 'wanted_requests', ['id'])) yield { k: 'wanted', v: r.data };
    for await (const r of pages<{ data: never }>(client, 'data', 'notifications', ['ord'])) yield { k: 'notification', v: r.data };
    const tag = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'nextTag'");
    if (tag.rows[0]) yield { k: 'lastTag', v: Number(tag.rows[0].value) - 1 };
    for await (const r of pages<{ bytes: Buffer; sha256: string }>(client, 'bytes', 'attachments', ['sha256'])) {
      yield { k: 'attachment', sha256: r.sha256, base64: r.bytes.toString('base64') };
    }
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

/** How many devices, events and records the database holds (zero each: an empty database). */
export async function contentCount(q: pg.ClientBase | pg.Pool): Promise<{ devices: number; other: number }> {
  const { rows } = await q.query<{ devices: string; other: string }>(
    `SELECT (SELECT COUNT(*) FROM devices) AS devices,
            (SELECT COUNT(*) FROM events) + (SELECT COUNT(*) FROM records) + (SELECT COUNT(*) FROM reservations)
              + (SELECT COUNT(*) FROM wanted_requests) + (SELECT COUNT(*) FROM notifications) + (SELECT COUNT(*) FROM attachments)
              + (SELECT COUNT(*) FROM meta) AS other`,
  );
  return { devices: Number(rows[0]!.devices), other: Number(rows[0]!.other) };
}

/** Rows of one table, inserted a few hundred per statement. */
class Batcher {
  private rows: unknown[][] = [];
  constructor(
    private readonly client: pg.ClientBase,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly casts: Record<string, string> = {},
  ) {}
  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    if (this.rows.length >= 500) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const args: unknown[] = [];
    const tuples = this.rows.map(
      (row) =>
        `(${row
          .map((v, i) => {
            args.push(v);
            const cast = this.casts[this.columns[i]!];
            return `$${args.length}${cast ? `::${cast}` : ''}`;
          })
          .join(', ')})`,
    );
    this.rows = [];
    await this.client.query(`INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${tuples.join(', ')}`, args);
  }
}

/**
 * Writes `records` into the database, which must be empty (DATABASE_NOT_EMPTY otherwise, nothing written), in one
 * transaction. Returns what it wrote, by kind.
 */
export async function importIntoEmpty(pool: pg.Pool, database: string, records: AsyncIterable<DumpRecord>): Promise<DumpCounts> {
  const client = await pool.connect();
  const counts: DumpCounts = {};
  try {
    await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
    // Held to the commit: a second copy started meanwhile waits here, then finds the data and refuses.
    await client.query('LOCK TABLE devices, records IN EXCLUSIVE MODE');
    const present = await contentCount(client);
    if (present.devices + present.other > 0) {
      throw new AppError('DATABASE_NOT_EMPTY', { database, devices: present.devices }, `The database ${database} is not empty (${present.devices} devices)`);
    }
    const recordsB = new Batcher(client, 'records', ['kind', 'key', 'data']);
    const devicesB = new Batcher(client, 'devices', ['id', 'trail_length', ...DEVICE_COLUMNS]);
    const eventsB = new Batcher(client, 'events', ['device_id', 'seq', 'type', 'at', 'hash', 'link', 'data']);
    const reservationsB = new Batcher(client, 'reservations', ['id', 'device_id', 'department_id', 'status', 'created_at', 'expires_at', 'data']);
    const wantedB = new Batcher(client, 'wanted_requests', ['id', 'department_id', 'index_key', 'status', 'created_at', 'data']);
    const notificationsB = new Batcher(client, 'notifications', ['id', 'user_id', 'device_id', 'created_at', 'unread', 'data']);
    const attachmentsB = new Batcher(client, 'attachments', ['sha256', 'bytes']);
    for await (const r of records) {
      countRecord(counts, r);
      switch (r.k) {
        case 'record':
          await recordsB.add([r.kind, r.key, JSON.stringify(r.v)]);
          break;
        case 'device':
          await devicesB.add([r.v.id, r.v.trailLength, ...deviceRow(r.v)]);
          break;
        case 'event':
          await eventsB.add([r.v.deviceId, r.v.seq, r.v.type, r.v.at, r.v.hash, r.link ?? null, JSON.stringify(r.v)]);
          break;
        case 'reservation':
          await reservationsB.add([r.v.id, r.v.deviceId, r.v.departmentId, r.v.status, r.v.createdAt, r.v.expiresAt, r.v]);
          break;
        case 'wanted':
          await wantedB.add([r.v.id, r.v.departmentId, wantedIndexKey(r.v), r.v.status, r.v.createdAt, r.v]);
          break;
        case 'notification':
          await notificationsB.add([r.v.id, r.v.userId, r.v.deviceId, r.v.createdAt, r.v.readAt === undefined, r.v]);
          break;
        case 'lastTag':
          await client.query("INSERT INTO meta (key, value) VALUES ('nextTag', $1)", [r.v + 1]);
          break;
        case 'attachment':
          if (sha256Hex(Buffer.from(r.base64, 'base64')) !== r.sha256) throw new Error(`The attachment ${r.sha256} in the dump does not have that sha256: the dump is damaged`);
          await attachmentsB.add([r.sha256, Buffer.from(r.base64, 'base64')]);
          break;
        default:
          throw new Error(`Unknown dump record ${JSON.stringify((r as { k: unknown }).k)}`); // why: a dump from a newer build may hold kinds this one does not know
      }
    }
    for (const b of [recordsB, devicesB, eventsB, reservationsB, wantedB, notificationsB, attachmentsB]) await b.flush();
    await client.query('COMMIT');
    return counts;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
