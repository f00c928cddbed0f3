/**
 * The standalone store: an append-only journal (the source of truth; one record per transaction) plus
 * compacted lowdb snapshots of the state. The cost of one write is one appended line, whatever the size
 * of the data; the trail stays on disk and is read back by its place in the journal. See README
 * "Standalone store".
 *
 * This class composes the parts: the folder lock, recovery (recovery.ts) at open, the in-memory state
 * (state.ts), transactions (transaction.ts) run one at a time, and compaction (compaction.ts).
 */
import { AttachmentDir } from '../attachment-dir';
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Category, Device, SanitizationRecord, TrailEvent } from '../../../shared/schemas';
import { auditNewestFirst, inTableOrder, newestFirst, serialKey, type DeviceQuery, type ReservationQuery, type Store, type StoreTx, type TrailProblem } from '../store';
import { GENESIS_HASH, checkChain, legacyDigest, linkEvent, macOf } from '../trail-hash';
import { acquireLock, lockHolder } from '../lock';
import { keyIdOf, type TrailKeySource } from '../trail-key';
import { AppError } from '../../errors';
import { SerialQueue } from '../serial-queue';
import { JournalReader, JournalWriter, journalDirOf, type RecordRef } from './journal';
import type { Op, TrailSeal } from './ops';
import { sortedVersions, type State, type TrailRefs } from './state';
import { recover } from './recovery';
import { FileTx } from './transaction';
import { removeOldIndexFiles, writeSnapshot } from './compaction';
import { backupDataDir } from './backup';
import { makePrivateDir } from '../private-files';
import type { DumpRecord } from '../dump';
import type { ReferenceKind } from '../store';

export interface FileStoreOptions {
  /** Records between automatic compactions. */
  compactEvery?: number;
  /** Called with warnings (a dropped torn record, a failed compaction). */
  log?: (message: string) => void;
  /**
   * Where the trail's HMAC key is (core/store/trail-key.ts). With one, a store not yet keyed is sealed at
   * open and every event gets a keyed link; a keyed store refuses to open for writing when it yields no
   * key or another one. Without a source, a keyed store opens but refuses to write trail events.
   */
  trailKey?: TrailKeySource;
  /**
   * Opens without changing a byte of the folder (verify-trail, checkpoint): no lock file, no repair of a
   * torn tail, no snapshot, no keying. Refused while a live process holds the folder; writes throw.
   */
  readOnly?: boolean;
}

/** What verify-trail reports. */
export interface TrailReport {
  problems: TrailProblem[];
  /**
   * `checked`: keyed links verified with the key; `no_key`: keyed, but no key here (only the sha256 chain
   * was checked, so a deliberate edit cannot be excluded); `wrong_key`: the key found is not the one that
   * sealed the store; `unsealed`: the store was never keyed.
   */
  keyed: 'checked' | 'no_key' | 'wrong_key' | 'unsealed';
  seal: TrailSeal | null;
  /** With the key: the seal, or the events written before it, no longer match what was sealed. */
  sealBroken: boolean;
}

/** One device's chain head, in the store's device order (checkpoints). */
export interface ChainHead {
  deviceId: string;
  assetTag: string;
  count: number;
  head: string;
}

export class FileStore implements Store {
  readonly kind = 'file';
  private readonly queue = new SerialQueue();
  private compacting: Promise<void> | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  /**
   * A large record being taken into the state in slices (FileTx.commit): reads outside transactions wait
   * for it, so nobody sees a certificate half applied. Transactions wait in the queue anyway.
   */
  private applying: Promise<void> | null = null;
  private readonly attachments: AttachmentDir;

  private constructor(
    readonly dir: string,
    private readonly state: State,
    /** Null when opened read-only. */
    private readonly writer: JournalWriter | null,
    private readonly reader: JournalReader,
    private readonly releaseLock: () => void,
    /** The record number the newest snapshot holds everything up to. */
    private snapshotTxSeq: number,
    private readonly compactEvery: number,
    private readonly log: (message: string) => void,
    /** The trail's HMAC key, when the store is keyed and the key was found. */
    private readonly key: Buffer | null,
    private readonly keyState: TrailReport['keyed'],
  ) {
    this.attachments = new AttachmentDir(dir);
  }

  /** The store's id (named by its seal), or null before it is keyed. */
  get storeId(): string | null {
    return this.state.seal?.v.storeId ?? null;
  }

  /** Opens (or creates) the store in `dir`. Throws STORE_LOCKED when another process has it open. */
  static async open(dir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const readOnly = options.readOnly === true;
    const log = options.log ?? ((m: string) => console.warn(`[kredslob store] ${m}`));
    if (readOnly) {
      if (!fs.existsSync(dir)) throw new Error(`${dir} does not exist`);
      const owner = lockHolder(dir);
      if (owner !== null) throw new AppError('STORE_LOCKED', { dir: path.resolve(dir) }, `Data folder ${dir} is locked by process ${owner}`);
    } else makePrivateDir(dir);
    const releaseLock = readOnly ? () => {} : acquireLock(dir);
    try {
      const { state, end, snapshotTxSeq, factsRebuilt } = await recover(dir, log, readOnly);
      const seal = state.seal?.v;
      const storeId = seal?.storeId ?? randomUUID();
      // A new key only for a store not yet keyed: a keyed store's key is never replaced.
      const found = options.trailKey?.get(storeId, !readOnly && !seal) ?? null;
      const wrongKey = found !== null && seal !== undefined && keyIdOf(found) !== seal.keyId;
      // A keyed app whose key is gone must not start; a tool given no key (labels, backup) may still open, and events are refused.
      if (!readOnly && seal && options.trailKey && (found === null || wrongKey)) {
        const where = options.trailKey.describe(storeId);
        throw new AppError(found === null ? 'TRAIL_KEY_MISSING' : 'TRAIL_KEY_MISMATCH', { dir: path.resolve(dir), where }, `The trail key of ${dir} (${where}) is ${found === null ? 'missing' : 'not the one that sealed it'}`);
      }
      const key = wrongKey ? null : found;
      const sealsNow = key !== null && !seal && !readOnly;
      const keyState = !seal && !sealsNow ? 'unsealed' : wrongKey ? 'wrong_key' : key ? 'checked' : 'no_key';
      const journal = journalDirOf(dir);
      const writer = readOnly ? null : new JournalWriter(journal, end.segment);
      const store = new FileStore(dir, state, writer, new JournalReader(journal), releaseLock, snapshotTxSeq, options.compactEvery ?? 50_000, log, key, keyState);
      if (sealsNow && key && writer) await store.seal(key, storeId, writer);
      // Keep the rebuilt facts in a snapshot now, so the next open reads them instead of the journal.
      if (factsRebuilt && !readOnly) void store.compact();
      return store;
    } catch (err) {
      releaseLock();
      throw err;
    }
  }

  // ---- transactions ----

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('Store is closing'));
    return this.queue.run(async () => {
      if (this.closed) throw new Error('Store is closed');
      if (!this.writer) throw new Error(`${this.dir} is open read-only`);
      const keying = this.key
        ? { key: this.key, lastLink: (id: string) => this.lastLink(id) }
        : this.state.seal
          ? { missing: this.dir }
          : undefined;
      const tx = new FileTx(this.state, (id) => this.readSanitization(id), keying);
      const result = await fn(tx);
      const n = await tx.commit(this.writer, (applied) => {
        // why: a failed apply fails the commit (awaited there); the readers it held go on all the same
        this.applying = applied
          .catch(() => {})
          .finally(() => {
            this.applying = null;
          });
      });
      if (n !== null && n - this.snapshotTxSeq >= this.compactEvery && !this.compacting) void this.compact();
      return result;
    });
  }

  /**
   * Writes a new snapshot of the state as of now. Copying the maps is the only part on the event
   * loop's critical path; serialization is sliced and the file replaced atomically.
   */
  compact(): Promise<void> {
    if (this.compacting) return this.compacting;
    const writer = this.writer;
    if (!writer) return Promise.resolve();
    const run = async () => {
      if (this.applying) await this.applying;
      const copy = this.state.copy(writer.position);
      const indexName = await writeSnapshot(this.dir, copy);
      this.snapshotTxSeq = copy.data.txSeq;
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
    if (this.applying) await this.applying;
    return this.state.getDevice(id);
  }
  async getDeviceByTag(tag: string) {
    if (this.applying) await this.applying;
    return this.state.getDeviceByTag(tag);
  }
  async getReservation(id: string) {
    if (this.applying) await this.applying;
    return this.state.getReservation(id);
  }
  async activeReservation(deviceId: string) {
    if (this.applying) await this.applying;
    return this.state.activeReservation(deviceId);
  }
  async getSanitization(id: string) {
    if (this.applying) await this.applying;
    return this.readSanitization(id);
  }
  async getUser(id: string) {
    if (this.applying) await this.applying;
    return this.state.reference.user.get(id);
  }
  async getCredential(userId: string) {
    if (this.applying) await this.applying;
    return this.state.reference.credential.get(userId);
  }
  async getDepartment(id: string) {
    if (this.applying) await this.applying;
    return this.state.reference.department.get(id);
  }
  async getLocation(id: string) {
    if (this.applying) await this.applying;
    return this.state.reference.location.get(id);
  }
  async getRecycler(id: string) {
    if (this.applying) await this.applying;
    return this.state.reference.recycler.get(id);
  }
  async getBatch(id: string) {
    if (this.applying) await this.applying;
    return this.state.reference.batch.get(id);
  }
  async batchCount() {
    if (this.applying) await this.applying;
    return this.state.reference.batch.size;
  }
  async getSettings() {
    if (this.applying) await this.applying;
    return this.state.settings;
  }
  async listFactorVersions() {
    if (this.applying) await this.applying;
    return sortedVersions(this.state.reference.factorVersion.values());
  }
  async lastAssetTagNumber() {
    if (this.applying) await this.applying;
    return this.state.nextTag - 1;
  }
  async devicesBySerial(serials: readonly string[]) {
    if (this.applying) await this.applying;
    return this.state.devicesBySerialKey(new Set(serials.map(serialKey)));
  }
  async listDepartments() {
    if (this.applying) await this.applying;
    return [...this.state.reference.department.values()];
  }
  async listUnits() {
    if (this.applying) await this.applying;
    return [...this.state.reference.unit.values()];
  }
  async listLocations() {
    if (this.applying) await this.applying;
    return [...this.state.reference.location.values()];
  }
  async listRecyclers() {
    if (this.applying) await this.applying;
    return [...this.state.reference.recycler.values()];
  }
  async listBatches() {
    if (this.applying) await this.applying;
    return [...this.state.reference.batch.values()];
  }
  putAttachment(bytes: Uint8Array): Promise<string> {
    return this.attachments.put(bytes);
  }
  getAttachment(sha256: string): Promise<Uint8Array | undefined> {
    return this.attachments.get(sha256);
  }
  async getWantedRequest(id: string) {
    if (this.applying) await this.applying;
    return this.state.wanted.requests.get(id);
  }
  async openWantedRequests(category: Category) {
    if (this.applying) await this.applying;
    return this.state.wanted.openFor(category);
  }
  async getNotification(id: string) {
    if (this.applying) await this.applying;
    return this.state.wanted.notifications.get(id);
  }
  async notificationsForDevice(deviceId: string) {
    if (this.applying) await this.applying;
    return this.state.wanted.forDevice(deviceId);
  }
  async listWantedRequests(departmentId?: string) {
    if (this.applying) await this.applying;
    const all = [...this.state.wanted.requests.values()];
    return newestFirst(departmentId === undefined ? all : all.filter((r) => r.departmentId === departmentId));
  }
  async listNotifications(userId: string, limit: number) {
    if (this.applying) await this.applying;
    return newestFirst(this.state.wanted.forUser(userId)).slice(0, limit);
  }
  async unreadNotifications(userId: string) {
    if (this.applying) await this.applying;
    return this.state.wanted.forUser(userId).filter((n) => n.readAt === undefined).length;
  }
  async userCount() {
    if (this.applying) await this.applying;
    return this.state.reference.user.size;
  }
  async listUsers() {
    if (this.applying) await this.applying;
    return [...this.state.reference.user.values()];
  }
  async listAdminAudit(limit: number) {
    if (this.applying) await this.applying;
    return auditNewestFirst([...this.state.reference.adminAudit.values()], limit);
  }
  async listAuthAudit(limit: number) {
    if (this.applying) await this.applying;
    return auditNewestFirst([...this.state.reference.authAudit.values()], limit);
  }
  async listOidcGroups() {
    if (this.applying) await this.applying;
    return inTableOrder([...this.state.reference.oidcGroup.values()]);
  }
  async deviceCount() {
    if (this.applying) await this.applying;
    return this.state.deviceCount;
  }
  async searchDevices(q: DeviceQuery) {
    if (this.applying) await this.applying;
    return this.state.searchDevices(q);
  }
  async searchReservations(q: ReservationQuery) {
    if (this.applying) await this.applying;
    return this.state.searchReservations(q);
  }
  async dueReservations(at: string) {
    if (this.applying) await this.applying;
    return this.state.dueReservations(at);
  }

  async statFacts(from: string, to: string) {
    if (this.applying) await this.applying;
    return this.state.statFacts(from, to);
  }

  async trail(deviceId: string): Promise<TrailEvent[]> {
    if (this.applying) await this.applying;
    return this.readTrail(this.state.refsOf(deviceId)).map((e) => e.event as TrailEvent); // why: every place the state holds is an event's
  }

  async verifyTrails(): Promise<TrailProblem[]> {
    return (await this.verifyTrailReport()).problems;
  }

  /**
   * Checks every device's sha256 chain; events written after the seal must carry a keyed link, and with
   * the key each link and the seal (covering the events before it) are recomputed.
   */
  async verifyTrailReport(): Promise<TrailReport> {
    if (this.applying) await this.applying;
    const problems: TrailProblem[] = [];
    const seal = this.state.seal;
    const key = this.key;
    const legacy: [string, number, string][] = [];
    for (const d of this.state.devices()) {
      const read = this.readTrail(this.state.refsOf(d.id));
      const problem = (seq: number, p: TrailProblem['problem']) => problems.push({ deviceId: d.id, assetTag: d.assetTag, seq, problem: p });
      const unreadable = read.find((r) => r.event === null);
      if (unreadable) {
        problem(unreadable.index + 1, 'unreadable');
        continue;
      }
      const events = read.map((r) => r.event as TrailEvent); // why: none is null, checked above
      const sealed = seal ? read.filter((r) => !isAfter(r.ref, seal.ref)).length : events.length;
      if (seal && sealed > 0) legacy.push([d.id, sealed, events[sealed - 1]!.hash]);
      const bad = checkChain(events, d.trailLength);
      if (bad) {
        problems.push({ deviceId: d.id, assetTag: d.assetTag, ...bad });
        continue;
      }
      let prevLink: string | undefined;
      for (let i = 0; i < read.length; i++) {
        const { link } = read[i]!;
        const e = events[i]!;
        const afterSeal = seal !== null && i >= sealed;
        // A link where none can be (before the seal, or out of place) is as wrong as a missing one.
        if (!afterSeal && link !== undefined) {
          problem(e.seq, 'link_mismatch');
          break;
        }
        if (!afterSeal) continue;
        if (link === undefined) {
          problem(e.seq, 'unlinked');
          break;
        }
        if (key && linkEvent(key, prevLink ?? e.prevHash, e) !== link) {
          problem(e.seq, 'link_mismatch');
          break;
        }
        prevLink = link;
      }
    }
    let sealBroken = false;
    if (key && seal) {
      const { mac, ...body } = seal.v;
      const legacyEvents = legacy.reduce((n, [, c]) => n + c, 0);
      sealBroken =
        macOf(key, body) !== mac ||
        legacyDigest(key, legacy) !== seal.v.legacy ||
        legacy.length !== seal.v.legacyDevices ||
        legacyEvents !== seal.v.legacyEvents;
    }
    return { problems, keyed: this.keyState, seal: seal?.v ?? null, sealBroken };
  }

  /** Every device's chain length and sha256 head, in the store's device order (for a checkpoint). */
  async chainHeads(): Promise<ChainHead[]> {
    if (this.applying) await this.applying;
    return this.state.devices().map((d: Device) => ({
      deviceId: d.id,
      assetTag: d.assetTag,
      count: this.state.trailCount(d.id),
      head: this.state.headOf(d.id) ?? GENESIS_HASH,
    }));
  }

  /** Seals a store not yet keyed: one journal record naming the key and covering every event so far. */
  private async seal(key: Buffer, storeId: string, writer: JournalWriter): Promise<void> {
    const legacy: [string, number, string][] = [];
    for (const d of this.state.devices()) {
      const count = this.state.trailCount(d.id);
      if (count > 0) legacy.push([d.id, count, this.state.headOf(d.id) ?? GENESIS_HASH]);
    }
    const body = {
      storeId,
      keyId: keyIdOf(key),
      at: new Date().toISOString(),
      legacyDevices: legacy.length,
      legacyEvents: legacy.reduce((n, [, c]) => n + c, 0),
      legacy: legacyDigest(key, legacy),
    };
    const tx = new FileTx(this.state, (id) => this.readSanitization(id));
    tx.putTrailSeal({ ...body, mac: macOf(key, body) });
    await tx.commit(writer);
    this.log(`keyed the trail of ${this.dir}: ${body.legacyEvents} earlier events of ${body.legacyDevices} devices sealed (key ${body.keyId})`);
  }

  /** The keyed link of the device's last event (undefined when it has none: no events, or written before the seal). */
  private lastLink(deviceId: string): string | undefined {
    const known = this.state.linkOf(deviceId);
    if (known !== undefined) return known;
    const refs = this.state.refsOf(deviceId);
    if (refs.length === 0) return undefined;
    const at = refs.length - 3;
    const op = this.readOp({ segment: refs[at]!, offset: refs[at + 1]!, length: refs[at + 2]! });
    return op?.k === 'event' ? op.m : undefined;
  }

  /** Reads a device's events back from the journal, with their keyed links and places; null for one that cannot be read. */
  private readTrail(refs: TrailRefs): { event: TrailEvent | null; link: string | undefined; ref: RecordRef; index: number }[] {
    const out: { event: TrailEvent | null; link: string | undefined; ref: RecordRef; index: number }[] = [];
    for (let i = 0; i < refs.length; i += 3) {
      const ref = { segment: refs[i]!, offset: refs[i + 1]!, length: refs[i + 2]! };
      const op = this.readOp(ref);
      out.push({ event: op?.k === 'event' ? op.v : null, link: op?.k === 'event' ? op.m : undefined, ref, index: i / 3 });
    }
    return out;
  }

  private readSanitization(id: string): SanitizationRecord | undefined {
    const ref = this.state.sanitizationRef(id);
    const op = ref ? this.readOp(ref) : null;
    return op?.k === 'sanitization' ? op.v : undefined;
  }

  private readOp(ref: RecordRef): Op | null {
    return this.reader.readOp(ref) as Op | null; // why: spans recorded from ops this store wrote; the kind is checked by the caller
  }

  async backup(targetDir: string): Promise<void> {
    await backupDataDir(this.dir, targetDir);
  }

  /**
   * Every record of the store (core/store/dump.ts), events with their seq, hashes and keyed links as written:
   * what `npm run migrate-to-server` copies. It reads the state as it stands; the tool holds the folder's lock,
   * so nothing writes meanwhile.
   */
  async *exportAll(): AsyncGenerator<DumpRecord> {
    for (const kind of Object.keys(this.state.reference) as ReferenceKind[]) {
      for (const [key, v] of this.state.reference[kind]) yield { k: 'record', kind, key, v };
    }
    for (const id of this.state.sanitizationIds()) {
      const v = this.readSanitization(id);
      if (!v) throw new Error(`The sanitization record ${id} cannot be read from the journal of ${this.dir}`);
      yield { k: 'record', kind: 'sanitization', key: id, v };
    }
    yield { k: 'record', kind: 'settings', key: 'settings', v: this.state.settings };
    const devices = this.state.devices();
    for (const v of devices) yield { k: 'device', v };
    for (const d of devices) {
      for (const { event, link } of this.readTrail(this.state.refsOf(d.id))) {
        if (!event) throw new Error(`An event of ${d.assetTag} cannot be read from the journal of ${this.dir}`);
        yield link === undefined ? { k: 'event', v: event } : { k: 'event', v: event, link };
      }
    }
    for (const v of this.state.allReservations()) yield { k: 'reservation', v };
    for (const v of this.state.wanted.requests.values()) yield { k: 'wanted', v };
    for (const v of this.state.wanted.notifications.values()) yield { k: 'notification', v };
    if (this.state.nextTag > 1) yield { k: 'lastTag', v: this.state.nextTag - 1 };
    for (const sha256 of await this.attachments.list()) {
      const bytes = await this.attachments.get(sha256);
      if (bytes) yield { k: 'attachment', sha256, base64: Buffer.from(bytes).toString('base64') };
    }
  }

  /** Finishes queued transactions, writes a final snapshot and releases the folder. New transactions are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.settled();
      if (this.compacting) await this.compacting;
      if (this.state.txSeq > this.snapshotTxSeq) await this.compact();
      this.closed = true;
      this.writer?.close();
      this.reader.close();
      this.releaseLock();
    })();
    return this.closing;
  }
}

/** Whether a journal place lies after another (events after the seal's record carry keyed links). */
function isAfter(a: RecordRef, b: RecordRef): boolean {
  return a.segment > b.segment || (a.segment === b.segment && a.offset > b.offset);
}
