/**
 * The standalone store: an append-only journal (the source of truth; one record per transaction) plus
 * compacted lowdb snapshots of the state. The cost of one write is one appended line, whatever the size
 * of the data; the trail stays on disk and is read back by its place in the journal. See README
 * "Standalone store".
 */
import fs from 'node:fs';
import path from 'node:path';
import type {
  Department,
  Device,
  Location,
  NewTrailEvent,
  Reservation,
  SanitizationRecord,
  Settings,
  TrailEvent,
  Unit,
  User,
} from '../../../shared/schemas';
import type {
  DeviceQuery,
  MonthCount,
  ReservationQuery,
  StatusDepartmentCount,
  Store,
  StoreTx,
  TrailProblem,
} from '../store';
import { GENESIS_HASH, checkChain, hashEvent } from '../trail-hash';
import { acquireLock } from '../lock';
import {
  JournalReader,
  JournalWriter,
  encodeRecord,
  listSegments,
  scanSegment,
  spansOf,
  syncSegment,
  segmentName,
  type JournalPosition,
  type RecordRef,
} from './journal';
import { SNAPSHOT_FORMAT, snapshotDb, type SnapshotData } from './snapshot';
import { IndexFile, writeIndexFile, type TrailIndexSource } from './index-file';
import { decodeDevices, decodeReservations, devicesAsColumns, reservationsAsColumns, type Columns } from './device-columns';
import { backupDataDir } from './backup';
import { compareDevices, deviceHaystack, matchesQuery, topK } from '../query';

export type Op =
  | { k: 'device'; v: Device }
  | { k: 'event'; v: TrailEvent }
  | { k: 'reservation'; v: Reservation }
  | { k: 'sanitization'; v: SanitizationRecord }
  | { k: 'department'; v: Department }
  | { k: 'unit'; v: Unit }
  | { k: 'location'; v: Location }
  | { k: 'user'; v: User }
  | { k: 'settings'; v: Settings }
  | { k: 'tag'; v: number };

interface JournalRecord {
  n: number;
  ops: Op[];
}

export const DEFAULT_SETTINGS: Settings = { reservationDays: 7, organisationName: 'Københavns Kommune' };

export interface FileStoreOptions {
  /** Records between automatic compactions. */
  compactEvery?: number;
  /** Called with warnings (a dropped torn record, a failed compaction). */
  log?: (message: string) => void;
}

/** Places of one device's events in the journal: flat (segment, offset, length) triples. */
type TrailRefs = readonly number[];

/**
 * The store's state in memory: devices and reservations whole; trail events and sanitization records
 * only by their place in the journal (the index file from the last snapshot, plus what came since).
 */
class State {
  departments = new Map<string, Department>();
  units = new Map<string, Unit>();
  locations = new Map<string, Location>();
  users = new Map<string, User>();
  /**
   * Devices by slot. Devices of the last snapshot hold slots 0 … baseCount-1 in snapshot order, so a
   * device's slot is also its position in the index file; new devices are appended. Devices are never
   * removed, so every slot is filled.
   */
  list: Device[] = [];
  /** The search text of the device in the same slot. */
  hay: string[] = [];
  private slots = new Map<string, number>();
  private tagSlots = new Map<string, number>();
  baseCount = 0;
  reservations = new Map<string, Reservation>();
  activeByDevice = new Map<string, string>();
  /** The last snapshot's index and each device's position in it. Never changed after open. */
  index: IndexFile = IndexFile.empty();
  /** Trail places of devices written since the snapshot (complete lists, replacing the index's). */
  trail = new Map<string, TrailRefs>();
  heads = new Map<string, string>();
  sanitizationRefs = new Map<string, RecordRef>();
  reuseByMonth = new Map<string, number>();
  settings: Settings = DEFAULT_SETTINGS;
  nextTag = 1;
  txSeq = 0;

  getDevice(id: string): Device | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.list[slot];
  }

  getDeviceByTag(tag: string): Device | undefined {
    const slot = this.tagSlots.get(tag);
    return slot === undefined ? undefined : this.list[slot];
  }

  /** The device's position in the last snapshot's index file, if it was in that snapshot. */
  ordinalOf(id: string): number | undefined {
    const slot = this.slots.get(id);
    return slot !== undefined && slot < this.baseCount ? slot : undefined;
  }

  private putDevice(d: Device): void {
    let slot = this.slots.get(d.id);
    if (slot === undefined) {
      slot = this.list.length;
      this.slots.set(d.id, slot);
    } else {
      const prev = this.list[slot]!;
      if (prev.assetTag !== d.assetTag) this.tagSlots.delete(prev.assetTag);
    }
    this.list[slot] = d;
    this.hay[slot] = deviceHaystack(d);
    this.tagSlots.set(d.assetTag, slot);
  }

  refsOf(deviceId: string): TrailRefs {
    const own = this.trail.get(deviceId);
    if (own) return own;
    const ordinal = this.ordinalOf(deviceId);
    return ordinal === undefined ? [] : this.index.refsAt(ordinal);
  }

  trailCount(deviceId: string): number {
    const own = this.trail.get(deviceId);
    if (own) return own.length / 3;
    const ordinal = this.ordinalOf(deviceId);
    return ordinal === undefined ? 0 : this.index.countAt(ordinal);
  }

  headOf(deviceId: string): string | undefined {
    const own = this.heads.get(deviceId);
    if (own) return own;
    const ordinal = this.ordinalOf(deviceId);
    return ordinal === undefined ? undefined : this.index.headAt(ordinal);
  }

  sanitizationRef(id: string): RecordRef | undefined {
    return this.sanitizationRefs.get(id) ?? this.index.sanitization(id);
  }

  apply(op: Op, ref: RecordRef | null): void {
    switch (op.k) {
      case 'device':
        this.putDevice(op.v);
        break;
      case 'event': {
        const e = op.v;
        if (ref) {
          // why: a new array, not push, so a snapshot being written keeps its own copy consistent
          this.trail.set(e.deviceId, [...this.refsOf(e.deviceId), ref.segment, ref.offset, ref.length]);
        }
        this.heads.set(e.deviceId, e.hash);
        if (e.type === 'handed_over') {
          const month = e.at.slice(0, 7);
          this.reuseByMonth.set(month, (this.reuseByMonth.get(month) ?? 0) + 1);
        }
        break;
      }
      case 'reservation': {
        const r = op.v;
        this.reservations.set(r.id, r);
        if (r.status === 'active') this.activeByDevice.set(r.deviceId, r.id);
        else if (this.activeByDevice.get(r.deviceId) === r.id) this.activeByDevice.delete(r.deviceId);
        break;
      }
      case 'sanitization':
        if (ref) this.sanitizationRefs.set(op.v.id, ref);
        break;
      case 'department':
        this.departments.set(op.v.id, op.v);
        break;
      case 'unit':
        this.units.set(op.v.id, op.v);
        break;
      case 'location':
        this.locations.set(op.v.id, op.v);
        break;
      case 'user':
        this.users.set(op.v.id, op.v);
        break;
      case 'settings':
        this.settings = op.v;
        break;
      case 'tag':
        this.nextTag = Math.max(this.nextTag, op.v + 1);
        break;
    }
  }

  load(s: SnapshotData, index: IndexFile): void {
    this.settings = s.settings;
    this.nextTag = s.nextTag;
    this.txSeq = s.txSeq;
    this.index = index;
    for (const v of s.departments) this.departments.set(v.id, v);
    for (const v of s.units) this.units.set(v.id, v);
    for (const v of s.locations) this.locations.set(v.id, v);
    for (const v of s.users) this.users.set(v.id, v);
    const devices = decodeDevices(s.devices as Columns); // why: a snapshot read from disk holds columns, never a stream
    for (const d of devices) this.putDevice(d);
    this.baseCount = devices.length;
    for (const v of decodeReservations(s.reservations as Columns)) this.apply({ k: 'reservation', v }, null);
    for (const [m, c] of s.reuseByMonth) this.reuseByMonth.set(m, c);
  }

  /**
   * A consistent copy for a snapshot, taken synchronously. Records are immutable and trail lists are
   * replaced, never changed, so copying the maps is enough; the index of the last snapshot never changes.
   */
  toSnapshot(position: JournalPosition): {
    data: Omit<SnapshotData, 'index' | 'devices' | 'reservations'>;
    devices: Device[];
    reservations: Reservation[];
    index: TrailIndexSource;
  } {
    const devices = this.list.slice();
    const trail = new Map(this.trail);
    const heads = new Map(this.heads);
    const index = this.index;
    const newSanitizations = [...this.sanitizationRefs];
    return {
      data: {
        format: SNAPSHOT_FORMAT,
        position,
        txSeq: this.txSeq,
        nextTag: this.nextTag,
        settings: this.settings,
        departments: [...this.departments.values()],
        units: [...this.units.values()],
        locations: [...this.locations.values()],
        users: [...this.users.values()],
        reuseByMonth: [...this.reuseByMonth],
      },
      devices,
      reservations: [...this.reservations.values()],
      index: {
        deviceIds: devices.map((d) => d.id),
        base: index,
        ordinalOf: (id) => this.ordinalOf(id),
        ownRefs: trail,
        ownHeads: heads,
        newSanitizations,
      },
    };
  }
}

/** Writes staged in a transaction; reads inside it see them first. */
class FileTx implements StoreTx {
  readonly ops: Op[] = [];
  private devices = new Map<string, Device>();
  private reservations = new Map<string, Reservation>();
  private sanitizations = new Map<string, SanitizationRecord>();
  private lengths = new Map<string, { length: number; head: string }>();
  private tagNumber: number | null = null;
  private settings: Settings | null = null;
  private others = new Map<string, unknown>();

  constructor(
    private readonly state: State,
    private readonly readSanitization: (id: string) => SanitizationRecord | undefined,
  ) {}

  async getDevice(id: string) {
    return this.devices.get(id) ?? this.state.getDevice(id);
  }
  async getDeviceByTag(tag: string) {
    for (const d of this.devices.values()) if (d.assetTag === tag) return d;
    const committed = this.state.getDeviceByTag(tag);
    if (committed === undefined) return undefined;
    const d = await this.getDevice(committed.id);
    return d?.assetTag === tag ? d : undefined;
  }
  async getReservation(id: string) {
    return this.reservations.get(id) ?? this.state.reservations.get(id);
  }
  async activeReservation(deviceId: string) {
    for (const r of this.reservations.values()) if (r.deviceId === deviceId && r.status === 'active') return r;
    const id = this.state.activeByDevice.get(deviceId);
    if (id === undefined) return undefined;
    const r = await this.getReservation(id);
    return r?.status === 'active' ? r : undefined;
  }
  async getSanitization(id: string) {
    return this.sanitizations.get(id) ?? this.readSanitization(id);
  }
  async getUser(id: string) {
    return (this.others.get(`user:${id}`) as User | undefined) ?? this.state.users.get(id);
  }
  async getDepartment(id: string) {
    return (this.others.get(`department:${id}`) as Department | undefined) ?? this.state.departments.get(id);
  }
  async getLocation(id: string) {
    return (this.others.get(`location:${id}`) as Location | undefined) ?? this.state.locations.get(id);
  }
  async getSettings() {
    return this.settings ?? this.state.settings;
  }

  putDevice(device: Device): void {
    this.devices.set(device.id, device);
  }
  putReservation(r: Reservation): void {
    this.reservations.set(r.id, r);
    this.ops.push({ k: 'reservation', v: r });
  }
  putSanitization(s: SanitizationRecord): void {
    this.sanitizations.set(s.id, s);
    this.ops.push({ k: 'sanitization', v: s });
  }
  putDepartment(v: Department): void {
    this.others.set(`department:${v.id}`, v);
    this.ops.push({ k: 'department', v });
  }
  putUnit(v: Unit): void {
    this.ops.push({ k: 'unit', v });
  }
  putLocation(v: Location): void {
    this.others.set(`location:${v.id}`, v);
    this.ops.push({ k: 'location', v });
  }
  putUser(v: User): void {
    this.others.set(`user:${v.id}`, v);
    this.ops.push({ k: 'user', v });
  }
  putSettings(v: Settings): void {
    this.settings = v;
    this.ops.push({ k: 'settings', v });
  }
  async allocateAssetTagNumber(): Promise<number> {
    const n = this.tagNumber === null ? this.state.nextTag : this.tagNumber + 1;
    this.tagNumber = n;
    return n;
  }

  async appendEvent(event: NewTrailEvent): Promise<TrailEvent> {
    const cur = this.lengths.get(event.deviceId) ?? {
      length: this.state.trailCount(event.deviceId),
      head: this.state.headOf(event.deviceId) ?? GENESIS_HASH,
    };
    const withChain = { ...event, seq: cur.length + 1, prevHash: cur.head } as Omit<TrailEvent, 'hash'>;
    const full = { ...withChain, hash: hashEvent(withChain) } as TrailEvent; // why: same variant, hash added
    this.lengths.set(event.deviceId, { length: full.seq, head: full.hash });
    this.ops.push({ k: 'event', v: full });
    return full;
  }

  /** The journal record: staged devices carry the trail length their events gave them. */
  finish(): Op[] {
    // The store owns trailLength: it is the number of events, whatever the caller put.
    for (const [id, { length }] of this.lengths) {
      const d = this.devices.get(id) ?? this.state.getDevice(id);
      if (d) this.devices.set(id, { ...d, trailLength: length });
    }
    for (const [id, d] of this.devices) {
      const length = this.lengths.get(id)?.length ?? this.state.trailCount(id);
      if (d.trailLength !== length) this.devices.set(id, { ...d, trailLength: length });
    }
    const deviceOps: Op[] = [...this.devices.values()].map((v) => ({ k: 'device', v }));
    const tagOps: Op[] = this.tagNumber === null ? [] : [{ k: 'tag', v: this.tagNumber }];
    return [...deviceOps, ...tagOps, ...this.ops];
  }
}

export class FileStore implements Store {
  readonly kind = 'file';
  private state = new State();
  private writer!: JournalWriter;
  private reader!: JournalReader;
  private releaseLock: () => void = () => {};
  private queue: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  private snapshotTxSeq = 0;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly compactEvery: number;
  private readonly log: (m: string) => void;

  private constructor(
    readonly dir: string,
    options: FileStoreOptions,
  ) {
    this.compactEvery = options.compactEvery ?? 50_000;
    this.log = options.log ?? ((m) => console.warn(`[kredslob store] ${m}`));
  }

  get journalDir(): string {
    return path.join(this.dir, 'journal');
  }

  /** Opens (or creates) the store in `dir`. Throws STORE_LOCKED when another process has it open. */
  static async open(dir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    fs.mkdirSync(dir, { recursive: true });
    const store = new FileStore(dir, options);
    store.releaseLock = acquireLock(dir);
    try {
      await store.load();
    } catch (err) {
      store.releaseLock();
      throw err;
    }
    return store;
  }

  private async load(): Promise<void> {
    // Temporary files of a snapshot that was being written when the process died: never the real thing.
    for (const f of fs.readdirSync(this.dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(this.dir, f), { force: true });
    const db = snapshotDb(this.dir);
    await db.read();
    let from: JournalPosition = { segment: 1, offset: 0 };
    if (db.data) {
      if (db.data.format !== SNAPSHOT_FORMAT) throw new Error(`Unknown snapshot format ${db.data.format}`);
      const index = db.data.index ? IndexFile.read(path.join(this.dir, db.data.index)) : IndexFile.empty();
      this.state.load(db.data, index);
      from = db.data.position;
      this.snapshotTxSeq = db.data.txSeq;
    }
    const all = listSegments(this.journalDir);
    all.forEach((seg, i) => {
      if (seg !== i + 1) throw new Error(`Journal segment ${segmentName(i + 1)} is missing; restore a backup`);
    });
    if (db.data && from.offset > 0) {
      const file = path.join(this.journalDir, segmentName(from.segment));
      const size = fs.existsSync(file) ? fs.statSync(file).size : -1;
      if (size < from.offset) {
        throw new Error(
          `Journal segment ${segmentName(from.segment)} ends at byte ${size}, before the snapshot's position ${from.offset}: ` +
            'the journal lost writes the snapshot relies on (was the computer switched off?); restore a backup',
        );
      }
    }
    const segments = all.filter((s) => s >= from.segment);
    let last = from;
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      const start = seg === from.segment ? from.offset : 0;
      const file = path.join(this.journalDir, segmentName(seg));
      const result = scanSegment(file, start, (rec, ref) => {
        const r = rec as JournalRecord; // why: checksummed record written by transaction() below
        if (r.n <= this.state.txSeq) return; // already in the snapshot
        if (r.n !== this.state.txSeq + 1) {
          throw new Error(`Journal record ${this.state.txSeq + 1} is missing before record ${r.n} in ${segmentName(seg)}; restore a backup`);
        }
        const spans = spansOf(r);
        r.ops.forEach((op, i) => {
          const [at, length] = spans[i]!;
          this.state.apply(op, { segment: seg, offset: ref.offset + at, length });
        });
        this.state.txSeq = r.n;
      });
      const damagedAt = result.damagedAt ?? (result.tornAt !== null && i !== segments.length - 1 ? result.tornAt : null);
      if (damagedAt !== null) {
        throw new Error(`Journal segment ${segmentName(seg)} is damaged at byte ${damagedAt}; restore a backup`);
      }
      if (result.tornAt !== null) {
        this.log(`dropped a torn last journal record in ${segmentName(seg)} at byte ${result.tornAt}`);
        fs.truncateSync(file, result.tornAt);
      }
      last = { segment: seg, offset: result.end };
    }
    this.writer = new JournalWriter(this.journalDir, last.segment);
    this.reader = new JournalReader(this.journalDir);
  }

  // ---- transactions ----

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      if (this.closed) throw new Error('Store is closed');
      const tx = new FileTx(this.state, (id) => this.readSanitization(id));
      const result = await fn(tx);
      const ops = tx.finish();
      if (ops.length === 0) return result;
      const n = this.state.txSeq + 1;
      const { buffer, spans } = encodeRecord(n, ops);
      const at = this.writer.append(buffer);
      this.state.txSeq = n;
      ops.forEach((op, i) => {
        const [offset, length] = spans[i]!;
        this.state.apply(op, { segment: at.segment, offset: at.offset + offset, length });
      });
      if (n - this.snapshotTxSeq >= this.compactEvery && !this.compacting) void this.compact();
      return result;
    };
    if (this.closing) return Promise.reject(new Error('Store is closing'));
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Writes a new snapshot of the state as of now. Copying the maps is the only part on the event
   * loop's critical path; serialization is sliced and the file replaced atomically.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const snap = this.state.toSnapshot(this.writer.position);
    const run = async () => {
      // The snapshot will say "everything before this position is in me": make sure the journal up to it
      // is on disk before the snapshot is, or a power cut could leave a snapshot ahead of its journal.
      await syncSegment(this.journalDir, snap.data.position.segment);
      const indexName = `index-${String(snap.data.txSeq).padStart(12, '0')}.bin`;
      await writeIndexFile(path.join(this.dir, indexName), snap.index);
      const db = snapshotDb(this.dir);
      const { format, ...rest } = snap.data;
      db.data = {
        // why: the index name first, so a backup finds it by reading the file's first bytes
        format,
        index: indexName,
        ...rest,
        devices: devicesAsColumns(snap.devices),
        reservations: reservationsAsColumns(snap.reservations),
      };
      await db.write();
      this.snapshotTxSeq = snap.data.txSeq;
      await removeOldIndexFiles(this.dir, indexName);
    };
    this.compacting = run()
      .catch((err: unknown) => this.log(`compaction failed, the journal still holds everything: ${String(err)}`))
      .finally(() => {
        this.compacting = null;
      });
    return this.compacting;
  }

  // ---- reads ----

  async getDevice(id: string) {
    return this.state.getDevice(id);
  }
  async getDeviceByTag(tag: string) {
    return this.state.getDeviceByTag(tag);
  }
  async getReservation(id: string) {
    return this.state.reservations.get(id);
  }
  async activeReservation(deviceId: string) {
    const id = this.state.activeByDevice.get(deviceId);
    return id === undefined ? undefined : this.state.reservations.get(id);
  }
  async getSanitization(id: string) {
    return this.readSanitization(id);
  }

  private readSanitization(id: string): SanitizationRecord | undefined {
    const ref = this.state.sanitizationRef(id);
    if (!ref) return undefined;
    const op = this.reader.readOp(ref) as Op | null;
    return op?.k === 'sanitization' ? op.v : undefined;
  }
  async getUser(id: string) {
    return this.state.users.get(id);
  }
  async getDepartment(id: string) {
    return this.state.departments.get(id);
  }
  async getLocation(id: string) {
    return this.state.locations.get(id);
  }
  async getSettings() {
    return this.state.settings;
  }
  async listDepartments() {
    return [...this.state.departments.values()];
  }
  async listUnits() {
    return [...this.state.units.values()];
  }
  async listLocations() {
    return [...this.state.locations.values()];
  }
  async listUsers() {
    return [...this.state.users.values()];
  }
  async deviceCount() {
    return this.state.list.length;
  }

  async searchDevices(q: DeviceQuery) {
    const tokens = (q.text ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matches: Device[] = [];
    const { list, hay } = this.state;
    for (let i = 0; i < list.length; i++) {
      if (matchesQuery(list[i]!, q, tokens, hay[i]!)) matches.push(list[i]!);
    }
    const cmp = compareDevices(q.sort);
    return { items: topK(matches, q.offset + q.limit, cmp).slice(q.offset), total: matches.length };
  }

  async trail(deviceId: string): Promise<TrailEvent[]> {
    return this.readTrail(this.state.refsOf(deviceId)).map((e) => e.event as TrailEvent);
  }

  private readTrail(refs: TrailRefs): { event: TrailEvent | null; index: number }[] {
    const out: { event: TrailEvent | null; index: number }[] = [];
    for (let i = 0; i < refs.length; i += 3) {
      const op = this.reader.readOp({ segment: refs[i]!, offset: refs[i + 1]!, length: refs[i + 2]! }) as Op | null;
      out.push({ event: op && op.k === 'event' ? op.v : null, index: i / 3 });
    }
    return out;
  }

  async searchReservations(q: ReservationQuery) {
    const out: Reservation[] = [];
    for (const r of this.state.reservations.values()) {
      if (q.departmentId && r.departmentId !== q.departmentId) continue;
      if (q.status && r.status !== q.status) continue;
      out.push(r);
    }
    out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return out.slice(0, q.limit);
  }

  async dueReservations(at: string) {
    const out: Reservation[] = [];
    for (const id of this.state.activeByDevice.values()) {
      const r = this.state.reservations.get(id);
      if (r && r.status === 'active' && r.expiresAt <= at) out.push(r);
    }
    return out;
  }

  async countByStatusAndDepartment(): Promise<StatusDepartmentCount[]> {
    const counts = new Map<string, StatusDepartmentCount>();
    for (const d of this.state.list) {
      const key = `${d.status}|${d.departmentId}`;
      const c = counts.get(key);
      if (c) c.count++;
      else counts.set(key, { status: d.status, departmentId: d.departmentId, count: 1 });
    }
    return [...counts.values()];
  }

  async reusedPerMonth(): Promise<MonthCount[]> {
    return [...this.state.reuseByMonth]
      .map(([month, count]) => ({ month, count }))
      .sort((a, b) => a.month.localeCompare(b.month));
  }

  async verifyTrails(): Promise<TrailProblem[]> {
    const problems: TrailProblem[] = [];
    for (const d of this.state.list) {
      const read = this.readTrail(this.state.refsOf(d.id));
      const unreadable = read.find((r) => r.event === null);
      if (unreadable) {
        problems.push({ deviceId: d.id, assetTag: d.assetTag, seq: unreadable.index + 1, problem: 'unreadable' });
        continue;
      }
      const bad = checkChain(
        read.map((r) => r.event as TrailEvent),
        d.trailLength,
      );
      if (bad) problems.push({ deviceId: d.id, assetTag: d.assetTag, ...bad });
    }
    return problems;
  }

  async backup(targetDir: string): Promise<void> {
    await backupDataDir(this.dir, targetDir);
  }

  /** Finishes queued transactions, writes a final snapshot and releases the folder. New transactions are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue;
      if (this.compacting) await this.compacting;
      if (this.state.txSeq > this.snapshotTxSeq) await this.compact();
      this.closed = true;
      this.writer.close();
      this.reader.close();
      this.releaseLock();
    })();
    return this.closing;
  }
}

/** Keeps the newest two index files (a backup copying the previous snapshot may still need its index). */
async function removeOldIndexFiles(dir: string, current: string): Promise<void> {
  const old = (await fs.promises.readdir(dir)).filter((f) => /^index-\d{12}\.bin$/.test(f) && f < current).sort();
  // why: unlinking a large file can take a while; off the event loop like the rest of compaction
  for (const f of old.slice(0, -1)) await fs.promises.rm(path.join(dir, f), { force: true });
}
