/**
 * The store of shared mode (issue 13) on PostgreSQL 15+, through the `pg` driver. Its schema is versioned by
 * node-pg-migrate (the .sql files in ./migrations, run on open under node-pg-migrate's advisory lock).
 *
 * Transactions run SERIALIZABLE and are retried whole when PostgreSQL reports a serialization failure or a
 * deadlock (40001, 40P01): a rule that spans records ("reserve only if listed and not held") holds across every
 * server process and connection, and a failed step leaves nothing. The transaction's `put…` methods are
 * synchronous in the Store interface: each sends its statement at once on the transaction's connection (which runs
 * statements in order), and the next read or the commit waits for them, so a read sees the writes before it and a
 * failed write fails the transaction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runner } from 'node-pg-migrate';
import { HOLDING_RESERVATION_STATUSES, type Category, type Department, type User, type Device, type Reservation, type SanitizationRecord, type Settings, type TrailEvent } from '../../../shared/schemas';
import { ANY_CATEGORY, wantedIndexKey, type Notification, type WantedRequest } from '../../../shared/wanted';
import { AppError } from '../../errors';
import { FACT_TYPES, FactLog, type StatFacts } from '../../stats/facts';
import { sha256Hex } from '../attachment-dir';
import {
  DEFAULT_SETTINGS,
  auditNewestFirst,
  inTableOrder,
  serialKey,
  type DevicePage,
  type DeviceQuery,
  type DeviceSearchResult,
  type ReferenceData,
  type ReservationQuery,
  type Store,
  type StoreReads,
  type StoreTx,
  type TrailProblem,
} from '../store';
import { chainEvent, checkChain } from '../trail-hash';
import { readDump, writeDump, type DumpCounts, type DumpRecord } from '../dump';
import { makePrivateDir } from '../private-files';
import { exportDatabase, importIntoEmpty } from './postgres-dump';
import { compareDevices, deviceHaystack, matchesQuery, searchTokens } from '../query';
import { matchesMarketFilter } from '../../../shared/market-filter';
import { DEVICE_COLUMNS, Conditions, WALK_ROWS_MAX, deviceOf, deviceRow, searchPageSql, walkRows, type PageWay } from './sql';
import { SearchCounts, type DeviceChange, type SearchCountsOptions } from './search-counts';
import { WritesChannel } from './writes-channel';

/** What the `records` table holds, by kind: every reference kind, sanitization records and the settings. */
type Records = ReferenceData & { sanitization: SanitizationRecord; settings: Settings };

/** Runs one statement and gives its rows: the pool outside a transaction, the transaction's connection inside. */
type Query = <R extends object>(sql: string, args?: unknown[]) => Promise<R[]>;

const HOLDING = [...HOLDING_RESERVATION_STATUSES];
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 200;

const isRetryable = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' && RETRYABLE.has(err.code);

/** The folder of the migration files: beside this module, or beside the server bundle (scripts/build.mjs copies them). */
export function migrationsDir(): string {
  if (process.env.KREDSLOB_MIGRATIONS_DIR) return process.env.KREDSLOB_MIGRATIONS_DIR;
  // why: the CommonJS and server bundles define __dirname; tsx runs this file as ESM, where only import.meta.url is
  const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
  return path.join(here, 'migrations');
}

/** The migrations this build knows, by name (node-pg-migrate names a migration by its file name without .sql). */
export function knownMigrations(dir = migrationsDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length))
    .sort();
}

/** A schema version is the number a migration's name starts with (0001_init → 1). */
const versionOf = (name: string): number => Number(/^(\d+)/.exec(name)?.[1] ?? 0);

const MIGRATIONS_TABLE = 'pgmigrations';

/** The schema version this build brings its database to. */
export const appSchemaVersion = (): number => Math.max(0, ...knownMigrations().map(versionOf));

/** A database URL's database name (never its password), for messages. */
export function databaseName(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'the database';
  }
}

/**
 * Refuses a database that has applied a migration this build does not know (a newer Kredsløb wrote it), before
 * anything is changed; then runs the pending migrations under node-pg-migrate's lock.
 */
async function migrate(databaseUrl: string): Promise<void> {
  const dir = migrationsDir();
  const known = knownMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>('SELECT to_regclass($1) AS t', [`public.${MIGRATIONS_TABLE}`]);
    if (exists.rows[0]?.t) {
      const applied = (await client.query<{ name: string }>(`SELECT name FROM ${MIGRATIONS_TABLE}`)).rows.map((r) => r.name);
      const unknown = applied.filter((n) => !known.includes(n));
      if (unknown.length > 0) {
        const databaseVersion = Math.max(...applied.map(versionOf));
        const appVersion = appSchemaVersion();
        throw new AppError('SCHEMA_TOO_NEW', { databaseVersion, appVersion }, `The database has schema version ${databaseVersion} (${unknown.join(', ')}); this build knows up to ${appVersion}`);
      }
    }
    await runner({
      dbClient: client,
      dir,
      direction: 'up',
      migrationsTable: MIGRATIONS_TABLE,
      checkOrder: true,
      singleTransaction: true,
      // Two servers starting at once: the second waits for the first's migrations instead of failing.
      advisoryLockMode: 'wait',
      log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: (m: string) => console.warn(`[kredslob] ${m}`), error: (m: string) => console.error(`[kredslob] ${m}`) },
    });
  } finally {
    await client.end();
  }
}

/** The reads of StoreReads over one way of running statements (pool or transaction connection). */
class PgReads implements StoreReads {
  constructor(protected readonly query: Query) {}

  protected async one<R extends object>(sql: string, args: unknown[]): Promise<R | undefined> {
    return (await this.query<R>(sql, args))[0];
  }
  protected async data<T>(sql: string, args: unknown[]): Promise<T | undefined> {
    return (await this.one<{ data: T }>(sql, args))?.data;
  }
  protected async datas<T>(sql: string, args: unknown[] = []): Promise<T[]> {
    return (await this.query<{ data: T }>(sql, args)).map((r) => r.data);
  }
  protected async count(sql: string, args: unknown[] = []): Promise<number> {
    return Number((await this.one<{ n: string }>(sql, args))?.n ?? 0);
  }
  protected async record<K extends keyof Records>(kind: K, key: string): Promise<Records[K] | undefined> {
    return this.data<Records[K]>('SELECT data FROM records WHERE kind = $1 AND key = $2', [kind, key]);
  }
  protected async records<K extends keyof Records>(kind: K): Promise<Records[K][]> {
    return this.datas<Records[K]>('SELECT data FROM records WHERE kind = $1 ORDER BY ord', [kind]);
  }
  protected async device(where: string, arg: unknown): Promise<Device | undefined> {
    const row = await this.one<{ data: Device; trail_length: number }>(`SELECT data, trail_length FROM devices WHERE ${where} = $1`, [arg]);
    return row && deviceOf(row);
  }

  getDevice(id: string) {
    return this.device('id', id);
  }
  getDeviceByTag(tag: string) {
    return this.device('asset_tag', tag);
  }
  getReservation(id: string) {
    return this.data<Reservation>('SELECT data FROM reservations WHERE id = $1', [id]);
  }
  activeReservation(deviceId: string) {
    return this.data<Reservation>('SELECT data FROM reservations WHERE device_id = $1 AND status = ANY($2::text[]) LIMIT 1', [deviceId, HOLDING]);
  }
  async activeReservations(deviceIds: readonly string[]): Promise<Reservation[]> {
    if (deviceIds.length === 0) return [];
    // One a device, as activeReservation's LIMIT 1 (a device is held by one reservation at a time).
    return this.datas<Reservation>('SELECT DISTINCT ON (device_id) data FROM reservations WHERE device_id = ANY($1::text[]) AND status = ANY($2::text[]) ORDER BY device_id', [deviceIds, HOLDING]);
  }
  getSanitization(id: string) {
    return this.record('sanitization', id);
  }
  getUser(id: string) {
    return this.record('user', id);
  }
  // Sign-in (issue 13, wt-auth): a person's credential, kept under their id
  getCredential(userId: string) {
    return this.record('credential', userId);
  }
  getDepartment(id: string) {
    return this.record('department', id);
  }
  getLocation(id: string) {
    return this.record('location', id);
  }
  getRecycler(id: string) {
    return this.record('recycler', id);
  }
  getBatch(id: string) {
    return this.record('batch', id);
  }
  batchCount() {
    return this.count("SELECT COUNT(*) AS n FROM records WHERE kind = 'batch'");
  }
  async getSettings() {
    return (await this.record('settings', 'settings')) ?? DEFAULT_SETTINGS;
  }
  async listFactorVersions() {
    return (await this.records('factorVersion')).sort((a, b) => a.number - b.number);
  }
  async lastAssetTagNumber() {
    const row = await this.one<{ value: string }>("SELECT value FROM meta WHERE key = 'nextTag'", []);
    return row ? Number(row.value) - 1 : 0;
  }
  userCount() {
    return this.count("SELECT COUNT(*) AS n FROM records WHERE kind = 'user'");
  }
  async devicesBySerial(serials: readonly string[]) {
    const keys = [...new Set(serials.map(serialKey))];
    const rows = await this.query<{ data: Device; trail_length: number }>('SELECT data, trail_length FROM devices WHERE serial_key = ANY($1::text[])', [keys]);
    return rows.map(deviceOf);
  }
  getWantedRequest(id: string) {
    return this.data<WantedRequest>('SELECT data FROM wanted_requests WHERE id = $1', [id]);
  }
  openWantedRequests(category: Category) {
    return this.datas<WantedRequest>("SELECT data FROM wanted_requests WHERE status = 'open' AND index_key IN ($1, $2)", [category, ANY_CATEGORY]);
  }
  getNotification(id: string) {
    return this.data<Notification>('SELECT data FROM notifications WHERE id = $1', [id]);
  }
  notificationsForDevice(deviceId: string) {
    return this.datas<Notification>('SELECT data FROM notifications WHERE device_id = $1 ORDER BY ord', [deviceId]);
  }
}

/** A transaction's view: the reads on its connection, and writes sent in order on the same connection. */
class PgTx extends PgReads implements StoreTx {
  /** The last statement sent: the next one starts after it (a connection runs one statement at a time). */
  private tail: Promise<unknown> = Promise.resolve();
  /** The first write that failed: the transaction is lost, and the next read or the commit says why. */
  failure: unknown;
  /** The devices this transaction wrote: each as it was before the transaction (absent: new) and as last put. */
  readonly deviceChanges = new Map<string, DeviceChange>();
  /** This transaction's id (PostgreSQL's), once it has written a device. */
  xid: bigint | undefined;
  /** Whether this transaction wrote a person or an administration: the kept callers are forgotten at its commit. */
  wroteCallers = false;

  /** `writesChannel`: the channel and payload of this process's notification (writes-channel.ts), sent by every device write. */
  constructor(
    private readonly client: pg.PoolClient,
    private readonly writesChannel: readonly [channel: string, payload: string],
  ) {
    super(async <R extends object>(sql: string, args?: unknown[]) => {
      try {
        return (await this.send<R>(sql, args)).rows;
      } catch (err) {
        // After a failed write PostgreSQL refuses every statement ("transaction is aborted"): name the first cause.
        throw this.failure ?? err;
      }
    });
  }

  private send<R extends object>(sql: string, args: unknown[] = [], onRows?: (rows: R[]) => void): Promise<pg.QueryResult<R>> {
    const result = this.tail.then(async () => {
      const r = await this.client.query<R>(sql, args);
      // Before the next statement and before flush() ends: the commit sees what every write gave back.
      onRows?.(r.rows);
      return r;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Waits for every statement sent so far; throws the first failed write. */
  async flush(): Promise<void> {
    await this.tail;
    if (this.failure !== undefined) throw this.failure;
  }

  private write<R extends object>(sql: string, args: unknown[], onRows?: (rows: R[]) => void): void {
    this.send<R>(sql, args, onRows).catch((err: unknown) => {
      this.failure ??= err;
    });
  }

  private putRecord<K extends keyof Records>(kind: K, key: string, v: Records[K]): void {
    this.write('INSERT INTO records (kind, key, data) VALUES ($1, $2, $3) ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data', [kind, key, v]);
  }

  putDevice(d: Device): void {
    const cols = DEVICE_COLUMNS.join(', ');
    const values = DEVICE_COLUMNS.map((_, i) => `$${i + 2}`).join(', ');
    const updates = DEVICE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ');
    // The row as it was (the statement's parts all read one snapshot, so `prev` is the row before this write) and
    // the transaction's id: after the commit, the search counts (search-counts.ts) move the device between groups.
    // Other server processes keep search counts too: the notification tells them of this write when (and only if)
    // the transaction commits; PostgreSQL sends one per transaction however many devices it writes.
    const n = DEVICE_COLUMNS.length + 2;
    this.write<{ prev: Device | null; xid: string }>(
      `WITH prev AS (SELECT data FROM devices WHERE id = $1),
       up AS (INSERT INTO devices (id, trail_length, ${cols}) VALUES ($1, (SELECT COUNT(*) FROM events WHERE device_id = $1), ${values})
         ON CONFLICT (id) DO UPDATE SET ${updates} RETURNING 1)
       SELECT (SELECT data FROM prev) AS prev, pg_current_xact_id()::text AS xid, pg_notify($${n}, $${n + 1}) FROM up`,
      [d.id, ...deviceRow(d), ...this.writesChannel],
      ([row]) => {
        this.xid = BigInt(row!.xid);
        const first = this.deviceChanges.get(d.id);
        // A device put twice in one transaction: before is the row before the transaction, after the last put.
        this.deviceChanges.set(d.id, { before: first ? first.before : (row!.prev ?? undefined), after: d });
      },
    );
  }
  async appendEvent(event: Parameters<StoreTx['appendEvent']>[0]): Promise<TrailEvent> {
    const last = await this.one<{ seq: number; hash: string }>('SELECT seq, hash FROM events WHERE device_id = $1 ORDER BY seq DESC LIMIT 1', [event.deviceId]);
    const full = chainEvent(event, last);
    // One statement for the event and the device's trail length (bench:server: a statement fewer on every step).
    this.write(
      `WITH ev AS (INSERT INTO events (device_id, seq, type, at, hash, data) VALUES ($1, $2, $3, $4, $5, $6) RETURNING device_id, seq)
       UPDATE devices SET trail_length = ev.seq FROM ev WHERE devices.id = ev.device_id`,
      [full.deviceId, full.seq, full.type, full.at, full.hash, JSON.stringify(full)],
    );
    return full;
  }
  putReservation(r: Reservation): void {
    this.write(
      `INSERT INTO reservations (id, device_id, department_id, status, created_at, expires_at, data) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET device_id = excluded.device_id, department_id = excluded.department_id, status = excluded.status,
         created_at = excluded.created_at, expires_at = excluded.expires_at, data = excluded.data`,
      [r.id, r.deviceId, r.departmentId, r.status, r.createdAt, r.expiresAt, r],
    );
  }
  putWantedRequest(r: WantedRequest): void {
    this.write(
      `INSERT INTO wanted_requests (id, department_id, index_key, status, created_at, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET department_id = excluded.department_id, index_key = excluded.index_key, status = excluded.status,
         created_at = excluded.created_at, data = excluded.data`,
      [r.id, r.departmentId, wantedIndexKey(r), r.status, r.createdAt, r],
    );
  }
  putNotification(n: Notification): void {
    this.write(
      `INSERT INTO notifications (id, user_id, device_id, created_at, unread, data) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, device_id = excluded.device_id, created_at = excluded.created_at,
         unread = excluded.unread, data = excluded.data`,
      [n.id, n.userId, n.deviceId, n.createdAt, n.readAt === undefined, n],
    );
  }
  putSanitization = (s: SanitizationRecord) => this.putRecord('sanitization', s.id, s);
  putDepartment = (v: Records['department']) => {
    this.callerWritten();
    this.putRecord('department', v.id, v);
  };
  putUnit = (v: Records['unit']) => this.putRecord('unit', v.id, v);
  putLocation = (v: Records['location']) => this.putRecord('location', v.id, v);
  putRecycler = (v: Records['recycler']) => this.putRecord('recycler', v.id, v);
  putBatch = (v: Records['batch']) => this.putRecord('batch', v.id, v);
  putFactorVersion = (v: Records['factorVersion']) => this.putRecord('factorVersion', String(v.number), v);
  putUser = (v: Records['user']) => {
    this.callerWritten();
    this.putRecord('user', v.id, v);
  };
  /** A person or an administration written: other server processes hear it at the commit and forget their kept callers. */
  private callerWritten(): void {
    if (this.wroteCallers) return;
    this.wroteCallers = true;
    this.write('SELECT pg_notify($1, $2)', [...this.writesChannel]);
  }
  putSettings = (v: Settings) => this.putRecord('settings', 'settings', v);
  putAdminAudit = (v: Records['adminAudit']) => this.putRecord('adminAudit', v.id, v);
  putCredential = (v: Records['credential']) => this.putRecord('credential', v.userId, v);
  putAuthAudit = (v: Records['authAudit']) => this.putRecord('authAudit', v.id, v);
  removeLocation(id: string): void {
    this.write("DELETE FROM records WHERE kind = 'location' AND key = $1", [id]);
  }
  removeUnit(id: string): void {
    this.write("DELETE FROM records WHERE kind = 'unit' AND key = $1", [id]);
  }
  // Sign-in groups (issue 13, wt-oidc)
  putOidcGroup = (v: Records['oidcGroup']) => this.putRecord('oidcGroup', v.id, v);
  removeOidcGroup(id: string): void {
    this.write("DELETE FROM records WHERE kind = 'oidcGroup' AND key = $1", [id]);
  }
  raiseAssetTagNumber(n: number): void {
    this.write("INSERT INTO meta (key, value) VALUES ('nextTag', $1) ON CONFLICT (key) DO UPDATE SET value = GREATEST(meta.value, excluded.value)", [n + 1]);
  }
  async allocateAssetTagNumber(): Promise<number> {
    const row = await this.one<{ value: string }>(
      "INSERT INTO meta (key, value) VALUES ('nextTag', 2) ON CONFLICT (key) DO UPDATE SET value = meta.value + 1 RETURNING value",
      [],
    );
    return Number(row!.value) - 1;
  }
}

/** The person signed in and their administration. */
type Caller = { user: User; department: Department | undefined };

/** How many callers are kept at most (all of them start over when full): a municipality's staff who use Kredsløb. */
const CALLERS_MAX = 20_000;

/**
 * How long a kept caller is used before it is read again, whatever the channel says: the longest a change of a
 * person that is not heard may take to hold. (bench:server: each of 50 desks calls about 4 times a second, so
 * this still spares about 19 of every 20 reads.)
 */
export const CALLER_MAX_AGE_MS = 5000;

/**
 * PostgresStore.open's options: `searchCounts` (the kept counts' limits), `callerMaxAgeMs` and `channelPingMs`
 * (how often the notification connection checks itself, writes-channel.ts) are for tests.
 */
export interface PostgresOpenOptions {
  poolSize?: number;
  searchCounts?: SearchCountsOptions;
  callerMaxAgeMs?: number;
  channelPingMs?: number;
}

/** Whether a search's page may be found through its words' index: it has words, and no place, batch or serial. */
const mayFindByWords = (qy: DeviceQuery): boolean => searchTokens(qy.text).length > 0 && !qy.locationId && !qy.batchId && qy.serial === undefined;

/**
 * The way to a search's page (sql.ts PageWay), from its `total` matches and the `walked` rows the sort's index
 * holds for its state (all devices without one): a walk passes about walked / total rows for each match it finds,
 * so a page of words with few matches is found through the words' index instead. Without words, or with a
 * place, batch or serial (which have their own indexes), always the walk.
 */
export function searchPageWay(qy: DeviceQuery, total: number, walked: number): PageWay {
  if (!mayFindByWords(qy)) return 'walk';
  return walkRows(qy, total, walked) > WALK_ROWS_MAX ? 'matches' : 'walk';
}

/**
 * Whether devices read by id for a page picked from kept matches are that page as read now: `size` of them, each
 * fitting the search, in its order. One that does not was changed by a write not heard yet; the page is then walked.
 */
function fitsPage(qy: DeviceQuery, items: readonly Device[], size: number): boolean {
  if (items.length !== size) return false;
  const tokens = searchTokens(qy.text);
  const filter = qy.filter ?? {};
  const cmp = compareDevices(qy.sort);
  return items.every((d, i) => matchesQuery(d, qy, tokens, deviceHaystack(d)) && matchesMarketFilter(d, filter) && (i === 0 || cmp(items[i - 1]!, d) < 0));
}

export class PostgresStore extends PgReads implements Store {
  readonly kind = 'postgres';

  /** Search totals and facet counts, kept per query and moved by every commit (search-counts.ts). */
  private readonly counts: SearchCounts;

  /** The database's name, for messages. */
  readonly database: string;

  /** Device writes of other processes on this database, heard so the kept counts follow them too. */
  private readonly channel: WritesChannel;

  /**
   * Callers (getCaller: the person and their administration, read on every call) kept by user id, so a call sends
   * one statement fewer (bench:server: 40 % of the statements). Kept only while the channel listens; forgotten
   * whole at the commit of any transaction that writes a person or an administration, here or (by the
   * notification) in another server process, and at any other process's device write. A deactivation or a role
   * change thus holds from the next call after its commit is heard, as it did when each call read the caller.
   * A notification connection that stops delivering without closing (a firewall's idle timeout, a half-open TCP
   * connection) is found by its own check within two CHANNEL_PING_MS, and nothing is kept from then on. A caller
   * is also read again after CALLER_MAX_AGE_MS however quiet the channel is: a server of an older build that sends
   * no notification cannot keep a deactivated person in for longer (review, helper-51).
   */
  private readonly callers = new Map<string, { caller: Caller; at: number }>();
  private readonly callerMaxAgeMs: number;
  /** Raised whenever the callers are forgotten: a read begun before it is not kept. */
  private callersEpoch = 0;

  private constructor(private readonly pool: pg.Pool, databaseUrl: string, options: PostgresOpenOptions) {
    super(async (sql, args) => (await pool.query(sql, args)).rows);
    this.database = databaseName(databaseUrl);
    this.counts = new SearchCounts(this.query, options.searchCounts);
    this.callerMaxAgeMs = options.callerMaxAgeMs ?? CALLER_MAX_AGE_MS;
    // Nothing kept until the channel listens: a write another server makes meanwhile would go unheard.
    this.counts.keeping(false);
    this.channel = new WritesChannel(databaseUrl, {
      othersWrote: () => {
        this.counts.clear();
        this.forgetCallers();
      },
      listening: (on) => {
        this.counts.keeping(on);
        this.forgetCallers();
      },
    }, options.channelPingMs);
  }

  /**
   * Connects, refuses a database whose schema is newer than this build's (SCHEMA_TOO_NEW, nothing changed),
   * and brings an older one up to date.
   */
  static async open(databaseUrl: string, options: PostgresOpenOptions = {}): Promise<PostgresStore> {
    await migrate(databaseUrl);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection the server dropped must not take the process down; the next query reconnects.
    pool.on('error', (err) => console.error('[kredslob] PostgreSQL connection lost', err.message));
    const store = new PostgresStore(pool, databaseUrl, options);
    await store.channel.start();
    return store;
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let tx: PgTx | undefined;
      let release: boolean | Error = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
        tx = new PgTx(client, this.channel.notification);
        const result = await fn(tx);
        await tx.flush();
        // A page picked from kept matches while this commit is in flight is not used (searchDevices).
        const changes = tx.xid !== undefined ? [...tx.deviceChanges.values()] : undefined;
        if (changes) this.counts.commitBegins(changes);
        try {
          await client.query('COMMIT');
          if (changes) this.counts.committed(tx.xid!, changes);
        } catch (err) {
          // Whether it committed is not known (a lost connection): the kept counts may be wrong, so none are kept.
          if (!isRetryable(err)) this.counts.clear();
          throw err;
        } finally {
          if (changes) this.counts.commitEnded(changes);
          // Committed or not known: either way a kept caller may be older than the database now.
          if (tx.wroteCallers) this.forgetCallers();
        }
        return result;
      } catch (err) {
        // Let the writes still in flight end before the rollback, so none of them lands after it.
        if (tx) await tx.flush().catch(() => undefined);
        try {
          await client.query('ROLLBACK');
        } catch (rollbackErr) {
          release = rollbackErr instanceof Error ? rollbackErr : new Error(String(rollbackErr)); // a broken connection is not reused
        }
        if ((isRetryable(err) || isRetryable(tx?.failure)) && attempt < MAX_ATTEMPTS) {
          // Back off a random while, growing, so the losers of a race do not collide again at once.
          await new Promise((r) => setTimeout(r, Math.random() * Math.min(2 ** attempt, 50)));
          continue;
        }
        throw err;
      } finally {
        client.release(release);
      }
    }
  }

  /**
   * The total and facets first, counted over the query's kept groups (search-counts.ts), not over the matching
   * rows; then the page, which is not looked for at all when the total says it is empty (a word none of the
   * devices has). A query with words whose matches are kept has its page picked from them and read by id;
   * otherwise the page is found the way searchPageWay picks from the total. A window count (COUNT(*) OVER
   * ()) made PostgreSQL read and sort every matching row, data included, before the LIMIT.
   */
  async searchDevices(qy: DeviceQuery): Promise<DeviceSearchResult> {
    // A page from the kept matches (words, or none but a category or filter), read by id (search-counts.ts
    // countAndPick): used when no commit of this server changed the query's devices from the pick to the read (the
    // rows then show the state the total and the matches show), and the rows fit the search (a change by another
    // server may not be heard yet). A commit in flight is waited for; after one came between, counted and picked
    // again; the third time, the walk.
    for (let attempt = 1; ; attempt++) {
      const { counted, page } = await this.counts.countAndPick(qy);
      if (qy.offset >= counted.total || qy.limit === 0) return { items: [], ...counted };
      if (page === 'busy' && attempt < 3) {
        await this.counts.settled();
        continue;
      }
      if (page && page !== 'busy' && attempt < 3) {
        const items = await this.devicesInOrder(page.ids);
        if (!page.holds()) continue;
        if (items && fitsPage(qy, items, Math.min(qy.limit, counted.total - qy.offset))) return { items, ...counted };
      }
      // The rows the walk's index holds for the state: kept counts, read once; never a count of its own per search
      // while counts are not kept (then the walk, as before).
      const way = mayFindByWords(qy) && this.counts.kept ? searchPageWay(qy, counted.total, (await this.counts.count({ status: qy.status, sort: qy.sort, limit: 0, offset: 0 })).total) : 'walk';
      const sql = searchPageSql(qy, way);
      const rows = await this.query<{ data: Device; trail_length: number }>(sql.text, sql.args);
      return { items: rows.map(deviceOf), ...counted };
    }
  }

  /** The devices of `ids`, in that order; undefined when one of them is not found. */
  private async devicesInOrder(ids: readonly string[]): Promise<Device[] | undefined> {
    const rows = await this.query<{ data: Device; trail_length: number }>('SELECT data, trail_length FROM devices WHERE id = ANY($1::text[])', [ids]);
    const byId = new Map(rows.map((r) => [r.data.id, deviceOf(r)]));
    const items = ids.map((id) => byId.get(id));
    return items.every((d) => d !== undefined) ? items : undefined;
  }

  trail(deviceId: string): Promise<TrailEvent[]> {
    return this.datas<TrailEvent>('SELECT data FROM events WHERE device_id = $1 ORDER BY seq', [deviceId]);
  }

  /**
   * Builds the facts per query: every fact event of the devices with one in the period, in trail order
   * (the owner at an event depends on the device's earlier reports and hand-overs), then the period's.
   */
  async statFacts(from: string, to: string): Promise<StatFacts> {
    const types = [...FACT_TYPES];
    const rows = await this.query<{ id: string; data: TrailEvent }>(
      `SELECT e.device_id AS id, e.data FROM events e
       WHERE e.type = ANY($3::text[]) AND e.device_id IN (SELECT DISTINCT device_id FROM events WHERE at >= $1 AND at < $2 AND type = ANY($3::text[]))
       ORDER BY e.device_id, e.seq`,
      [from, to, types],
    );
    const log = new FactLog();
    const ids: string[] = [];
    for (const row of rows) {
      if (ids.at(-1) !== row.id) ids.push(row.id);
      log.add(row.data, ids.length - 1);
    }
    const found = await this.query<{ id: string; data: Device; trail_length: number }>('SELECT id, data, trail_length FROM devices WHERE id = ANY($1::text[])', [ids]);
    const byId = new Map(found.map((r) => [r.id, deviceOf(r)]));
    return log.select(
      from,
      to,
      ids.map((id) => byId.get(id)!),
    );
  }

  searchReservations(qy: ReservationQuery) {
    const c = new Conditions();
    if (qy.departmentId) c.add(`department_id = ${c.ph(qy.departmentId)}`);
    if (qy.status) c.add(`status = ${c.ph(qy.status)}`);
    return this.datas<Reservation>(`SELECT data FROM reservations ${c.sql()} ORDER BY created_at DESC, id DESC LIMIT ${c.ph(qy.limit)}`, c.args);
  }
  dueReservations(at: string) {
    return this.datas<Reservation>('SELECT data FROM reservations WHERE status = ANY($1::text[]) AND expires_at <= $2 ORDER BY expires_at, id', [HOLDING, at]);
  }
  listDepartments() {
    return this.records('department');
  }
  listUnits() {
    return this.records('unit');
  }
  listLocations() {
    return this.records('location');
  }
  listRecyclers() {
    return this.records('recycler');
  }
  listBatches() {
    return this.records('batch');
  }
  listUsers() {
    return this.records('user');
  }
  async listAdminAudit(limit: number) {
    return auditNewestFirst(await this.records('adminAudit'), limit);
  }
  async listAuthAudit(limit: number) {
    return auditNewestFirst(await this.records('authAudit'), limit);
  }
  async listOidcGroups() {
    return inTableOrder(await this.records('oidcGroup'));
  }
  listWantedRequests(departmentId?: string) {
    return departmentId === undefined
      ? this.datas<WantedRequest>('SELECT data FROM wanted_requests ORDER BY created_at DESC, id DESC')
      : this.datas<WantedRequest>('SELECT data FROM wanted_requests WHERE department_id = $1 ORDER BY created_at DESC, id DESC', [departmentId]);
  }
  listNotifications(userId: string, limit: number) {
    return this.datas<Notification>('SELECT data FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [userId, limit]);
  }
  unreadNotifications(userId: string) {
    return this.count('SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND unread', [userId]);
  }
  async putAttachment(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    await this.query('INSERT INTO attachments (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING', [sha, Buffer.from(bytes)]);
    return sha;
  }
  async getAttachment(sha256: string): Promise<Uint8Array | undefined> {
    const row = await this.one<{ bytes: Buffer }>('SELECT bytes FROM attachments WHERE sha256 = $1', [sha256]);
    return row ? new Uint8Array(row.bytes) : undefined;
  }
  deviceCount() {
    return this.count('SELECT COUNT(*) AS n FROM devices');
  }

  // bench:server CPU per call (issue 13, wt-srv2): every call's caller in one statement instead of two.
  async getCaller(userId: string): Promise<Caller | undefined> {
    const kept = this.callers.get(userId);
    if (kept && performance.now() - kept.at < this.callerMaxAgeMs) return kept.caller;
    const epoch = this.callersEpoch;
    const row = await this.one<{ user: User; department: Department | null }>(
      `SELECT u.data AS user, d.data AS department FROM records u
       LEFT JOIN records d ON d.kind = 'department' AND d.key = u.data->>'departmentId'
       WHERE u.kind = 'user' AND u.key = $1`,
      [userId],
    );
    const caller = row && { user: row.user, department: row.department ?? undefined };
    // Kept only while other servers' writes can be heard: the kept counts' own condition (counts.kept).
    if (caller && this.counts.kept && epoch === this.callersEpoch) {
      if (this.callers.size >= CALLERS_MAX) this.callers.clear();
      this.callers.set(userId, { caller, at: performance.now() });
    }
    return caller;
  }

  private forgetCallers(): void {
    this.callers.clear();
    this.callersEpoch++;
  }

  // bench:server: a device page (a quarter of the calls) in one statement instead of four.
  async getDevicePage(ref: { id: string } | { assetTag: string }): Promise<DevicePage | undefined> {
    const row = await this.one<{ data: Device; trail_length: number; trail: TrailEvent[]; reservation: Reservation | null; sanitization: SanitizationRecord | null }>(
      `SELECT d.data, d.trail_length,
         (SELECT COALESCE(json_agg(e.data ORDER BY e.seq), '[]') FROM events e WHERE e.device_id = d.id) AS trail,
         (SELECT r.data FROM reservations r WHERE r.device_id = d.id AND r.status = ANY($2::text[]) LIMIT 1) AS reservation,
         (SELECT s.data FROM records s WHERE s.kind = 'sanitization' AND s.key = d.data->>'sanitizationId') AS sanitization
       FROM devices d WHERE ${'id' in ref ? 'd.id' : 'd.asset_tag'} = $1`,
      ['id' in ref ? ref.id : ref.assetTag, HOLDING],
    );
    return row && { device: deviceOf(row), trail: row.trail, reservation: row.reservation ?? undefined, sanitization: row.sanitization ?? undefined };
  }

  /** Every device's chain, a page of devices at a time (a million events are never held at once). */
  async verifyTrails(): Promise<TrailProblem[]> {
    const problems: TrailProblem[] = [];
    const PAGE = 1000;
    for (let after = ''; ; ) {
      const devices = await this.query<{ id: string; asset_tag: string; trail_length: number }>(
        'SELECT id, asset_tag, trail_length FROM devices WHERE id > $1 ORDER BY id LIMIT $2',
        [after, PAGE],
      );
      if (devices.length === 0) return problems;
      after = devices.at(-1)!.id;
      const events = await this.query<{ device_id: string; data: TrailEvent }>(
        'SELECT device_id, data FROM events WHERE device_id = ANY($1::text[]) ORDER BY device_id, seq',
        [devices.map((d) => d.id)],
      );
      const byDevice = new Map<string, TrailEvent[]>();
      for (const e of events) {
        let list = byDevice.get(e.device_id);
        if (!list) byDevice.set(e.device_id, (list = []));
        list.push(e.data);
      }
      for (const d of devices) {
        const bad = checkChain(byDevice.get(d.id) ?? [], d.trail_length);
        if (bad) problems.push({ deviceId: d.id, assetTag: d.asset_tag, ...bad });
      }
    }
  }

  /** Every record, from one consistent snapshot (the backup's content, and what a copy is checked against). */
  exportAll(): AsyncGenerator<DumpRecord> {
    return exportDatabase(this.pool);
  }

  /**
   * A logical dump (JSON lines, core/store/dump.ts) of one consistent snapshot into an empty folder, while the
   * store stays open. `PostgresStore.restore` loads it into an empty database. (pg_dump is the operator's
   * tool for the whole database; this copy is what the app's own backup procedure writes.)
   */
  async backup(targetDir: string): Promise<void> {
    makePrivateDir(targetDir);
    if (fs.readdirSync(targetDir).length > 0) throw new Error(`The backup folder ${targetDir} is not empty`);
    await writeDump(targetDir, appSchemaVersion(), this.exportAll());
  }

  /** Loads `records` into this store's database, which must be empty (DATABASE_NOT_EMPTY, nothing written). */
  async importAll(records: AsyncIterable<DumpRecord>): Promise<DumpCounts> {
    try {
      return await importIntoEmpty(this.pool, this.database, records);
    } finally {
      await this.wroteOutsideTransactions();
    }
  }

  /** Devices were written outside transaction(): the kept counts, here and in other processes, are forgotten. */
  private async wroteOutsideTransactions(): Promise<void> {
    this.counts.clear();
    this.forgetCallers();
    const { text, values } = this.channel.notifyStatement();
    await this.query(text, values);
  }

  /** Removes every record (a copy that failed its check); the schema stays. */
  async clearAll(): Promise<void> {
    await this.query('TRUNCATE devices, events, reservations, records, meta, attachments, wanted_requests, notifications');
    await this.wroteOutsideTransactions();
  }

  /** Opens the (empty) database at `databaseUrl` and loads the backup in `backupDir` into it. */
  static async restore(databaseUrl: string, backupDir: string): Promise<PostgresStore> {
    const store = await PostgresStore.open(databaseUrl);
    try {
      await store.importAll(readDump(backupDir));
      return store;
    } catch (err) {
      await store.close();
      throw err;
    }
  }

  async close(): Promise<void> {
    await this.channel.close();
    await this.pool.end();
  }
}
