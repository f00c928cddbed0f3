/**
 * The reference store on SQLite (better-sqlite3, WAL, synchronous=NORMAL): what the benchmark measures
 * the file store against, and a second implementation of the store contract suite. Not used by the app.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { HOLDING_RESERVATION_STATUSES, type Device, type Reservation, type SanitizationRecord, type Settings, type TrailEvent } from '../../../shared/schemas';
import { DEFAULT_SETTINGS, auditNewestFirst, inTableOrder, serialKey, type DeviceQuery, type ReferenceData, type ReservationQuery, type Store, type StoreTx, type TrailProblem } from '../store';
import { chainEvent, checkChain } from '../trail-hash';
import { deviceHaystack, searchTokens } from '../query';
import type { MarketFilter } from '../../../shared/market-filter';
import { bucketFilters, buildFacets, filterWithout, type FacetName, type MarketFacets } from '../../../shared/market-facets';
import { SerialQueue } from '../serial-queue';
import { sha256Hex } from '../attachment-dir';
import { FACT_TYPES, FactLog, type StatFacts } from '../../stats/facts';
import { makePrivateDir, openPrivateSync } from '../private-files';
import { ANY_CATEGORY, wantedIndexKey, type Notification, type WantedRequest } from '../../../shared/wanted';
import type { Category } from '../../../shared/schemas';

const parseAll = <T>(rows: unknown[]): T[] => (rows as { data: string }[]).map((r) => JSON.parse(r.data) as T); // why: rows of one table, written only by this class from typed records

/** The statuses of a reservation that holds its device, as an SQL list (fixed words, no user input). */
const HOLDING_SQL = HOLDING_RESERVATION_STATUSES.map((s) => `'${s}'`).join(', ');

const SCHEMA = `
CREATE TABLE IF NOT EXISTS devices (
  id TEXT PRIMARY KEY, asset_tag TEXT NOT NULL UNIQUE, category TEXT NOT NULL, status TEXT NOT NULL,
  department_id TEXT NOT NULL, updated_at TEXT NOT NULL, reported_at TEXT NOT NULL, manufacturer TEXT NOT NULL,
  model TEXT NOT NULL, year INTEGER, haystack TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS devices_status_updated ON devices(status, updated_at);
CREATE INDEX IF NOT EXISTS devices_category ON devices(category);
CREATE INDEX IF NOT EXISTS devices_department ON devices(department_id);
CREATE INDEX IF NOT EXISTS devices_serial ON devices(lower(trim(json_extract(data, '$.serial'))));
CREATE TABLE IF NOT EXISTS events (
  device_id TEXT NOT NULL, seq INTEGER NOT NULL, type TEXT NOT NULL, at TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (device_id, seq)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS reservations (
  id TEXT PRIMARY KEY, device_id TEXT NOT NULL, department_id TEXT NOT NULL, status TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS reservations_device_status ON reservations(device_id, status);
CREATE INDEX IF NOT EXISTS reservations_status_expires ON reservations(status, expires_at);
CREATE TABLE IF NOT EXISTS records (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attachments (sha256 TEXT PRIMARY KEY, bytes BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS wanted_requests (
  id TEXT PRIMARY KEY, department_id TEXT NOT NULL, index_key TEXT NOT NULL, status TEXT NOT NULL, created_at TEXT NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS wanted_open_key ON wanted_requests(status, index_key);
CREATE TABLE IF NOT EXISTS notifications (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, device_id TEXT NOT NULL, created_at TEXT NOT NULL, unread INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS notifications_user ON notifications(user_id, created_at);
CREATE INDEX IF NOT EXISTS notifications_device ON notifications(device_id);
`;

const SORT_SQL: Record<DeviceQuery['sort'], string> = {
  updated_desc: 'updated_at DESC, id',
  reported_desc: 'reported_at DESC, id',
  model_asc: 'manufacturer, model, id',
  year_desc: 'COALESCE(year, 0) DESC, id',
  ram_desc: "COALESCE(json_extract(data, '$.specs.ramGb'), -1) DESC, id",
};

/** Where the marketplace filter's fields are in a device row (kept in `data`: the reference store does without columns). */
const J = {
  condition: "json_extract(data, '$.condition')",
  ram: "json_extract(data, '$.specs.ramGb')",
  storage: "json_extract(data, '$.specs.storageGb')",
  screen: "json_extract(data, '$.specs.screenInch')",
  dataBearing: "json_extract(data, '$.dataBearing')",
  sanitizationId: "json_extract(data, '$.sanitizationId')",
  availableFrom: "json_extract(data, '$.availableFrom')",
};

/**
 * `matchesMarketFilter` (shared/market-filter.ts) in SQL: the store contract suite holds the two to the same
 * answers. A NULL spec fails a comparison, as an unknown spec fails the predicate.
 */
function marketFilterSql(f: MarketFilter): { where: string[]; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    args.push(...values);
  };
  if (f.category !== undefined) add('category = ?', f.category);
  if (f.departmentId !== undefined) add('department_id = ?', f.departmentId);
  if (f.conditions?.length) add(`${J.condition} IN (${f.conditions.map(() => '?').join(', ')})`, ...f.conditions);
  if (f.ramMinGb !== undefined) add(`${J.ram} >= ?`, f.ramMinGb);
  if (f.storageMinGb !== undefined) add(`${J.storage} >= ?`, f.storageMinGb);
  if (f.screenMinInch !== undefined) add(`${J.screen} >= ?`, f.screenMinInch);
  if (f.screenMaxInch !== undefined) add(`${J.screen} <= ?`, f.screenMaxInch);
  if (f.yearMin !== undefined) add('year >= ?', f.yearMin);
  if (f.wiped === true) add(`${J.dataBearing} = 1 AND COALESCE(${J.sanitizationId}, '') <> ''`);
  if (f.wiped === false) add(`COALESCE(${J.dataBearing}, 0) = 0`);
  if (f.availableBy !== undefined) add(`(${J.availableFrom} IS NULL OR ${J.availableFrom} <= ?)`, f.availableBy);
  return { where, args };
}

const whereOf = (clauses: string[]) => (clauses.length ? `WHERE ${clauses.join(' AND ')}` : '');

/** What the `records` table holds, by kind. */
type Records = ReferenceData & { sanitization: SanitizationRecord; settings: Settings };

const parse = <T>(row: { data: string } | undefined): T | undefined =>
  row ? (JSON.parse(row.data) as T) : undefined; // why: rows are written only by this class from typed records

/**
 * SQLite creates a database 0644 and gives its -wal, -shm and -journal files the database's mode: creating
 * the (empty) file 0600 first makes all of them private.
 */
function createPrivateDbFile(file: string): void {
  fs.closeSync(openPrivateSync(file, 'a'));
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  private readonly queue = new SerialQueue();

  private constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
  }

  static async open(dir: string): Promise<SqliteStore> {
    makePrivateDir(dir);
    const file = path.join(dir, 'kredslob.sqlite');
    createPrivateDbFile(file);
    return new SqliteStore(file);
  }

  private stmt = new Map<string, Database.Statement>();
  private q(sql: string): Database.Statement {
    let s = this.stmt.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmt.set(sql, s);
    }
    return s;
  }

  // ---- reads (also used inside transactions: one connection sees its own writes) ----
  async getDevice(id: string) {
    return parse<Device>(this.q('SELECT data FROM devices WHERE id = ?').get(id) as { data: string } | undefined);
  }
  async getDeviceByTag(tag: string) {
    return parse<Device>(this.q('SELECT data FROM devices WHERE asset_tag = ?').get(tag) as { data: string } | undefined);
  }
  async getReservation(id: string) {
    return parse<Reservation>(this.q('SELECT data FROM reservations WHERE id = ?').get(id) as { data: string } | undefined);
  }
  async activeReservation(deviceId: string) {
    return parse<Reservation>(
      this.q(`SELECT data FROM reservations WHERE device_id = ? AND status IN (${HOLDING_SQL})`).get(deviceId) as { data: string } | undefined,
    );
  }
  private record<K extends keyof Records>(kind: K, id: string): Records[K] | undefined {
    return parse<Records[K]>(this.q('SELECT data FROM records WHERE kind = ? AND id = ?').get(kind, id) as { data: string } | undefined);
  }
  private records<K extends keyof Records>(kind: K): Records[K][] {
    return (this.q('SELECT data FROM records WHERE kind = ? ORDER BY rowid').all(kind) as { data: string }[]).map((r) => JSON.parse(r.data) as Records[K]); // why: rows are written only by putRecord, typed by kind
  }
  async getSanitization(id: string) {
    return this.record('sanitization', id);
  }
  async getUser(id: string) {
    return this.record('user', id);
  }
  async getCredential(userId: string) {
    return this.record('credential', userId);
  }
  async getDepartment(id: string) {
    return this.record('department', id);
  }
  async getLocation(id: string) {
    return this.record('location', id);
  }
  async getRecycler(id: string) {
    return this.record('recycler', id);
  }
  async getBatch(id: string) {
    return this.record('batch', id);
  }
  async batchCount() {
    return (this.q("SELECT COUNT(*) AS n FROM records WHERE kind = 'batch'").get() as { n: number }).n;
  }
  async listBatches() {
    return this.records('batch');
  }
  async getWantedRequest(id: string) {
    return parse<WantedRequest>(this.q('SELECT data FROM wanted_requests WHERE id = ?').get(id) as { data: string } | undefined);
  }
  async openWantedRequests(category: Category) {
    return parseAll<WantedRequest>(this.q("SELECT data FROM wanted_requests WHERE status = 'open' AND index_key IN (?, ?)").all(category, ANY_CATEGORY));
  }
  async getNotification(id: string) {
    return parse<Notification>(this.q('SELECT data FROM notifications WHERE id = ?').get(id) as { data: string } | undefined);
  }
  async notificationsForDevice(deviceId: string) {
    return parseAll<Notification>(this.q('SELECT data FROM notifications WHERE device_id = ? ORDER BY rowid').all(deviceId));
  }
  async listWantedRequests(departmentId?: string) {
    return departmentId === undefined
      ? parseAll<WantedRequest>(this.q('SELECT data FROM wanted_requests ORDER BY created_at DESC, id DESC').all())
      : parseAll<WantedRequest>(this.q('SELECT data FROM wanted_requests WHERE department_id = ? ORDER BY created_at DESC, id DESC').all(departmentId));
  }
  async listNotifications(userId: string, limit: number) {
    return parseAll<Notification>(this.q('SELECT data FROM notifications WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?').all(userId, limit));
  }
  async unreadNotifications(userId: string) {
    return (this.q('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND unread = 1').get(userId) as { n: number }).n;
  }
  async putAttachment(bytes: Uint8Array): Promise<string> {
    const sha = sha256Hex(bytes);
    this.q('INSERT OR IGNORE INTO attachments (sha256, bytes) VALUES (?, ?)').run(sha, Buffer.from(bytes));
    return sha;
  }
  async getAttachment(sha256: string): Promise<Uint8Array | undefined> {
    const row = this.q('SELECT bytes FROM attachments WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : undefined;
  }
  async getSettings() {
    return this.record('settings', 'settings') ?? DEFAULT_SETTINGS;
  }
  async listFactorVersions() {
    return this.records('factorVersion').sort((a, b) => a.number - b.number);
  }
  async lastAssetTagNumber() {
    const row = this.q("SELECT value FROM meta WHERE key = 'nextTag'").get() as { value: string } | undefined;
    return row ? Number(row.value) - 1 : 0;
  }
  async devicesBySerial(serials: readonly string[]) {
    const keys = [...new Set(serials.map(serialKey))];
    const out: Device[] = [];
    // SQLite's trim takes spaces only; the index expression is the same as the query's, the JS check is serialKey's.
    for (let i = 0; i < keys.length; i += 500) {
      const part = keys.slice(i, i + 500);
      const rows = this.db.prepare(`SELECT data FROM devices WHERE lower(trim(json_extract(data, '$.serial'))) IN (${part.map(() => '?').join(', ')})`).all(...part);
      out.push(...parseAll<Device>(rows));
    }
    const wanted = new Set(keys);
    return out.filter((d) => wanted.has(serialKey(d.serial)));
  }
  async listDepartments() {
    return this.records('department');
  }
  async listUnits() {
    return this.records('unit');
  }
  async listLocations() {
    return this.records('location');
  }
  async userCount() {
    return (this.q("SELECT COUNT(*) AS n FROM records WHERE kind = 'user'").get() as { n: number }).n; // why: COUNT(*) always yields one row with n
  }
  async listUsers() {
    return this.records('user');
  }
  async listRecyclers() {
    return this.records('recycler');
  }
  async listAdminAudit(limit: number) {
    return auditNewestFirst(this.records('adminAudit'), limit);
  }
  async listAuthAudit(limit: number) {
    return auditNewestFirst(this.records('authAudit'), limit);
  }
  async listOidcGroups() {
    return inTableOrder(this.records('oidcGroup'));
  }
  async deviceCount() {
    return (this.q('SELECT COUNT(*) AS n FROM devices').get() as { n: number }).n;
  }

  /** All devices, as the UI of a SQLite-backed app would hold them (the benchmark's open step). */
  loadAllDevices(): Device[] {
    return (this.q('SELECT data FROM devices').all() as { data: string }[]).map((r) => JSON.parse(r.data) as Device);
  }

  async searchDevices(qy: DeviceQuery) {
    const where: string[] = [];
    const args: unknown[] = [];
    if (qy.status) {
      where.push('status = ?');
      args.push(qy.status);
    }
    if (qy.category) {
      where.push('category = ?');
      args.push(qy.category);
    }
    if (qy.departmentId) {
      where.push('department_id = ?');
      args.push(qy.departmentId);
    }
    if (qy.batchId) {
      where.push("json_extract(data, '$.batchId') = ?");
      args.push(qy.batchId);
    }
    if (qy.locationId) {
      where.push("json_extract(data, '$.locationId') = ?");
      args.push(qy.locationId);
    }
    if (qy.serial !== undefined) {
      where.push("lower(trim(json_extract(data, '$.serial'))) = ?");
      args.push(qy.serial.trim().toLowerCase());
    }
    for (const t of searchTokens(qy.text)) {
      where.push("haystack LIKE ? ESCAPE '\\'");
      args.push(`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const base = { where, args };
    const filtered = marketFilterSql(qy.filter ?? {});
    const w = whereOf([...where, ...filtered.where]);
    const allArgs = [...args, ...filtered.args];
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM devices ${w}`).get(...allArgs) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT data FROM devices ${w} ORDER BY ${SORT_SQL[qy.sort]} LIMIT ? OFFSET ?`)
      .all(...allArgs, qy.limit, qy.offset) as { data: string }[];
    const items = rows.map((r) => JSON.parse(r.data) as Device); // why: rows are written only by putDevice from typed devices
    return qy.facets ? { items, total, facets: this.facets(base, qy.filter ?? {}) } : { items, total };
  }

  /** Each facet counted by one query that applies the query's other conditions and every other filter. */
  private facets(base: { where: string[]; args: unknown[] }, f: MarketFilter): MarketFacets {
    const scope = (facet: FacetName) => {
      const other = marketFilterSql(filterWithout(f, facet));
      return { w: whereOf([...base.where, ...other.where]), args: [...base.args, ...other.args] };
    };
    const groups = (facet: FacetName, column: string) => {
      const { w, args } = scope(facet);
      const rows = this.db.prepare(`SELECT ${column} AS v, COUNT(*) AS n FROM devices ${w} GROUP BY v`).all(...args) as { v: string | null; n: number }[];
      return new Map(rows.filter((r) => r.v !== null).map((r) => [r.v!, r.n]));
    };
    const category = groups('category', 'category');
    const condition = groups('condition', J.condition);
    const departments = groups('departmentId', 'department_id');
    const buckets = new Map<string, number[]>();
    for (const { name, filters } of bucketFilters()) {
      const { w, args } = scope(name);
      const sums = filters.map((bf) => marketFilterSql(bf));
      const select = sums.map((c, i) => `COALESCE(SUM(CASE WHEN ${c.where.join(' AND ')} THEN 1 ELSE 0 END), 0) AS b${i}`).join(', ');
      const row = this.db.prepare(`SELECT ${select} FROM devices ${w}`).get(...sums.flatMap((c) => c.args), ...args) as Record<string, number>;
      buckets.set(name, filters.map((_, i) => row[`b${i}`]!));
    }
    return buildFacets({
      category: (c) => category.get(c) ?? 0,
      departments,
      condition: (c) => condition.get(c) ?? 0,
      bucket: (name, i) => buckets.get(name)![i]!,
    });
  }

  async trail(deviceId: string): Promise<TrailEvent[]> {
    return (this.q('SELECT data FROM events WHERE device_id = ? ORDER BY seq').all(deviceId) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as TrailEvent,
    );
  }

  /**
   * Builds the facts per query: every fact event of the devices with one in the period, in trail order
   * (the owner at an event depends on the device's earlier reports and hand-overs), then the period's.
   */
  async statFacts(from: string, to: string): Promise<StatFacts> {
    const types = FACT_TYPES.map((t) => `'${t}'`).join(',');
    const rows = this.db
      .prepare(
        `SELECT e.device_id AS id, e.data AS data FROM events e
         WHERE e.type IN (${types}) AND e.device_id IN (SELECT DISTINCT device_id FROM events WHERE at >= ? AND at < ? AND type IN (${types}))
         ORDER BY e.device_id, e.seq`,
      )
      .all(from, to) as { id: string; data: string }[];
    const log = new FactLog();
    const ids: string[] = [];
    for (const row of rows) {
      if (ids.at(-1) !== row.id) ids.push(row.id);
      log.add(JSON.parse(row.data) as TrailEvent, ids.length - 1); // why: rows are written only by appendEvent from typed events
    }
    const devices = ids.map((id) => parse<Device>(this.q('SELECT data FROM devices WHERE id = ?').get(id) as { data: string } | undefined)!);
    return log.select(from, to, devices);
  }

  async searchReservations(qy: ReservationQuery) {
    const where: string[] = [];
    const args: unknown[] = [];
    if (qy.departmentId) {
      where.push('department_id = ?');
      args.push(qy.departmentId);
    }
    if (qy.status) {
      where.push('status = ?');
      args.push(qy.status);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return (this.db.prepare(`SELECT data FROM reservations ${w} ORDER BY created_at DESC LIMIT ?`).all(...args, qy.limit) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as Reservation,
    );
  }

  async dueReservations(at: string) {
    return (this.q(`SELECT data FROM reservations WHERE status IN (${HOLDING_SQL}) AND expires_at <= ?`).all(at) as { data: string }[]).map(
      (r) => JSON.parse(r.data) as Reservation,
    );
  }

  async verifyTrails(): Promise<TrailProblem[]> {
    const problems: TrailProblem[] = [];
    for (const row of this.q('SELECT data FROM devices').all() as { data: string }[]) {
      const d = JSON.parse(row.data) as Device;
      const bad = checkChain(await this.trail(d.id), d.trailLength);
      if (bad) problems.push({ deviceId: d.id, assetTag: d.assetTag, ...bad });
    }
    return problems;
  }

  async backup(targetDir: string): Promise<void> {
    makePrivateDir(targetDir);
    const file = path.join(targetDir, 'kredslob.sqlite');
    createPrivateDbFile(file);
    await this.db.backup(file);
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.txView());
        this.db.exec('COMMIT');
        return result;
      } catch (err) {
        this.db.exec('ROLLBACK');
        throw err;
      }
    };
    return this.queue.run(run);
  }

  private putRecord<K extends keyof Records>(kind: K, id: string, v: Records[K]): void {
    this.q('INSERT OR REPLACE INTO records (kind, id, data) VALUES (?, ?, ?)').run(kind, id, JSON.stringify(v));
  }

  private removeRecord(kind: 'location' | 'unit' | 'oidcGroup', id: string): void {
    this.q('DELETE FROM records WHERE kind = ? AND id = ?').run(kind, id);
  }

  private txView(): StoreTx {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- why: the tx object's methods are plain functions over this store
    const self = this;
    return {
      getDevice: (id) => self.getDevice(id),
      getDeviceByTag: (t) => self.getDeviceByTag(t),
      getReservation: (id) => self.getReservation(id),
      activeReservation: (id) => self.activeReservation(id),
      getSanitization: (id) => self.getSanitization(id),
      getUser: (id) => self.getUser(id),
      getCredential: (id) => self.getCredential(id),
      getDepartment: (id) => self.getDepartment(id),
      getLocation: (id) => self.getLocation(id),
      getRecycler: (id) => self.getRecycler(id),
      getBatch: (id) => self.getBatch(id),
      batchCount: () => self.batchCount(),
      getSettings: () => self.getSettings(),
      listFactorVersions: () => self.listFactorVersions(),
      lastAssetTagNumber: () => self.lastAssetTagNumber(),
      userCount: () => self.userCount(),
      devicesBySerial: (s) => self.devicesBySerial(s),
      getWantedRequest: (id) => self.getWantedRequest(id),
      openWantedRequests: (c) => self.openWantedRequests(c),
      getNotification: (id) => self.getNotification(id),
      notificationsForDevice: (id) => self.notificationsForDevice(id),
      putWantedRequest(r) {
        self
          .q('INSERT OR REPLACE INTO wanted_requests (id, department_id, index_key, status, created_at, data) VALUES (?, ?, ?, ?, ?, ?)')
          .run(r.id, r.departmentId, wantedIndexKey(r), r.status, r.createdAt, JSON.stringify(r));
      },
      putNotification(n) {
        self
          .q('INSERT OR REPLACE INTO notifications (id, user_id, device_id, created_at, unread, data) VALUES (?, ?, ?, ?, ?, ?)')
          .run(n.id, n.userId, n.deviceId, n.createdAt, n.readAt === undefined ? 1 : 0, JSON.stringify(n));
      },
      putDevice(d) {
        const len = (self.q('SELECT COUNT(*) AS n FROM events WHERE device_id = ?').get(d.id) as { n: number }).n;
        const row = { ...d, trailLength: len };
        self
          .q(
            `INSERT INTO devices (id, asset_tag, category, status, department_id, updated_at, reported_at, manufacturer, model, year, haystack, data)
             VALUES (@id, @assetTag, @category, @status, @departmentId, @updatedAt, @reportedAt, @manufacturer, @model, @year, @haystack, @data)
             ON CONFLICT(id) DO UPDATE SET asset_tag=excluded.asset_tag, category=excluded.category, status=excluded.status,
               department_id=excluded.department_id, updated_at=excluded.updated_at, reported_at=excluded.reported_at,
               manufacturer=excluded.manufacturer, model=excluded.model, year=excluded.year, haystack=excluded.haystack, data=excluded.data`,
          )
          .run({
            id: d.id,
            assetTag: d.assetTag,
            category: d.category,
            status: d.status,
            departmentId: d.departmentId,
            updatedAt: d.updatedAt,
            reportedAt: d.reportedAt,
            manufacturer: d.manufacturer,
            model: d.model,
            year: d.year ?? null,
            haystack: deviceHaystack(d),
            data: JSON.stringify(row),
          });
      },
      async appendEvent(event) {
        const last = parse<TrailEvent>(
          self.q('SELECT data FROM events WHERE device_id = ? ORDER BY seq DESC LIMIT 1').get(event.deviceId) as { data: string } | undefined,
        );
        const full = chainEvent(event, last);
        self.q('INSERT INTO events (device_id, seq, type, at, data) VALUES (?, ?, ?, ?, ?)').run(full.deviceId, full.seq, full.type, full.at, JSON.stringify(full));
        const dev = self.q('SELECT data FROM devices WHERE id = ?').get(full.deviceId) as { data: string } | undefined;
        if (dev) {
          const d = JSON.parse(dev.data) as Device;
          self.q('UPDATE devices SET data = ? WHERE id = ?').run(JSON.stringify({ ...d, trailLength: full.seq }), d.id);
        }
        return full;
      },
      putReservation(r) {
        self
          .q('INSERT OR REPLACE INTO reservations (id, device_id, department_id, status, created_at, expires_at, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(r.id, r.deviceId, r.departmentId, r.status, r.createdAt, r.expiresAt, JSON.stringify(r));
      },
      putSanitization: (s) => self.putRecord('sanitization', s.id, s),
      putDepartment: (v) => self.putRecord('department', v.id, v),
      putUnit: (v) => self.putRecord('unit', v.id, v),
      putLocation: (v) => self.putRecord('location', v.id, v),
      putRecycler: (v) => self.putRecord('recycler', v.id, v),
      putBatch: (v) => self.putRecord('batch', v.id, v),
      putFactorVersion: (v) => self.putRecord('factorVersion', String(v.number), v),
      putUser: (v) => self.putRecord('user', v.id, v),
      putSettings: (v) => self.putRecord('settings', 'settings', v),
      putAdminAudit: (v) => self.putRecord('adminAudit', v.id, v),
      putCredential: (v) => self.putRecord('credential', v.userId, v),
      putAuthAudit: (v) => self.putRecord('authAudit', v.id, v),
      // Admin screens (issue 12)
      removeLocation: (id) => self.removeRecord('location', id),
      removeUnit: (id) => self.removeRecord('unit', id),
      // Sign-in groups (issue 13, wt-oidc)
      putOidcGroup: (v) => self.putRecord('oidcGroup', v.id, v),
      removeOidcGroup: (id) => self.removeRecord('oidcGroup', id),
      raiseAssetTagNumber(n) {
        const row = self.q("SELECT value FROM meta WHERE key = 'nextTag'").get() as { value: string } | undefined; // why: meta holds text values
        if (n + 1 > (row ? Number(row.value) : 1)) self.q("INSERT OR REPLACE INTO meta (key, value) VALUES ('nextTag', ?)").run(String(n + 1));
      },
      async allocateAssetTagNumber() {
        const row = self.q("SELECT value FROM meta WHERE key = 'nextTag'").get() as { value: string } | undefined;
        const n = row ? Number(row.value) : 1;
        self.q("INSERT OR REPLACE INTO meta (key, value) VALUES ('nextTag', ?)").run(String(n + 1));
        return n;
      },
    };
  }

  async close(): Promise<void> {
    await this.queue.settled();
    if (this.db.open) this.db.close();
  }
}
