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
import type { SanitizationRecord, TrailEvent } from '../../../shared/schemas';
import type { DeviceQuery, ReservationQuery, Store, StoreTx, TrailProblem } from '../store';
import { checkChain } from '../trail-hash';
import { acquireLock } from '../lock';
import { SerialQueue } from '../serial-queue';
import { JournalReader, JournalWriter, journalDirOf, type RecordRef } from './journal';
import type { Op } from './ops';
import { sortedVersions, type State, type TrailRefs } from './state';
import { recover } from './recovery';
import { FileTx } from './transaction';
import { removeOldIndexFiles, writeSnapshot } from './compaction';
import { backupDataDir } from './backup';
import { makePrivateDir } from '../private-files';

export interface FileStoreOptions {
  /** Records between automatic compactions. */
  compactEvery?: number;
  /** Called with warnings (a dropped torn record, a failed compaction). */
  log?: (message: string) => void;
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
    private readonly writer: JournalWriter,
    private readonly reader: JournalReader,
    private readonly releaseLock: () => void,
    /** The record number the newest snapshot holds everything up to. */
    private snapshotTxSeq: number,
    private readonly compactEvery: number,
    private readonly log: (message: string) => void,
  ) {
    this.attachments = new AttachmentDir(dir);
  }

  /** Opens (or creates) the store in `dir`. Throws STORE_LOCKED when another process has it open. */
  static async open(dir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    makePrivateDir(dir);
    const log = options.log ?? ((m: string) => console.warn(`[kredslob store] ${m}`));
    const releaseLock = acquireLock(dir);
    try {
      const { state, end, snapshotTxSeq, factsRebuilt } = await recover(dir, log);
      const journal = journalDirOf(dir);
      const writer = new JournalWriter(journal, end.segment);
      const store = new FileStore(dir, state, writer, new JournalReader(journal), releaseLock, snapshotTxSeq, options.compactEvery ?? 50_000, log);
      // Keep the rebuilt facts in a snapshot now, so the next open reads them instead of the journal.
      if (factsRebuilt) void store.compact();
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
      const tx = new FileTx(this.state, (id) => this.readSanitization(id));
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
    const run = async () => {
      if (this.applying) await this.applying;
      const copy = this.state.copy(this.writer.position);
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
  async listUsers() {
    if (this.applying) await this.applying;
    return [...this.state.reference.user.values()];
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
    if (this.applying) await this.applying;
    const problems: TrailProblem[] = [];
    for (const d of this.state.devices()) {
      const read = this.readTrail(this.state.refsOf(d.id));
      const unreadable = read.find((r) => r.event === null);
      if (unreadable) {
        problems.push({ deviceId: d.id, assetTag: d.assetTag, seq: unreadable.index + 1, problem: 'unreadable' });
        continue;
      }
      const bad = checkChain(
        read.map((r) => r.event as TrailEvent), // why: none is null, checked above
        d.trailLength,
      );
      if (bad) problems.push({ deviceId: d.id, assetTag: d.assetTag, ...bad });
    }
    return problems;
  }

  /** Reads a device's events back from the journal; null for one that cannot be read. */
  private readTrail(refs: TrailRefs): { event: TrailEvent | null; index: number }[] {
    const out: { event: TrailEvent | null; index: number }[] = [];
    for (let i = 0; i < refs.length; i += 3) {
      const op = this.readOp({ segment: refs[i]!, offset: refs[i + 1]!, length: refs[i + 2]! });
      out.push({ event: op?.k === 'event' ? op.v : null, index: i / 3 });
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

  /** Finishes queued transactions, writes a final snapshot and releases the folder. New transactions are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.queue.settled();
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
