/**
 * A file store transaction: writes are staged in typed maps (reads inside the transaction see them
 * first) and become one journal record at commit. Rollback is discarding the transaction: nothing
 * reaches the journal or the state before commit, and a failed append applies nothing.
 */
import { holdsDevice, type Device, type NewTrailEvent, type Reservation, type SanitizationRecord, type Settings, type TrailEvent } from '../../../shared/schemas';
import { referenceKey, serialKey, type ReferenceData, type ReferenceKind, type StoreTx } from '../store';
import { GENESIS_HASH, chainEvent, linkEvent } from '../trail-hash';
import { ENCODE_SLICE_OPS, encodeRecordSliced, type JournalWriter } from './journal';
import type { Op, ReferenceOp, RemovableKind, TrailSeal } from './ops';
import { AppError } from '../../errors';
import { referenceMaps, setReference, sortedVersions, type State } from './state';
import { overlay, WantedMaps } from './wanted-state';
import type { Category } from '../../../shared/schemas';
import type { Notification, WantedRequest } from '../../../shared/wanted';

export class FileTx implements StoreTx {
  /** Staged writes other than devices and the tag number, in the order they were made. */
  private readonly ops: Op[] = [];
  private readonly devices = new Map<string, Device>();
  private readonly reservations = new Map<string, Reservation>();
  private readonly sanitizations = new Map<string, SanitizationRecord>();
  private readonly reference = referenceMaps();
  /** The last link of each device's chain after this transaction's events. */
  private readonly chains = new Map<string, { seq: number; hash: string; link: string | undefined }>();
  private tagNumber: number | null = null;
  private settings: Settings | null = null;
  /** Staged wanted requests and notifications. */
  private readonly wanted = new WantedMaps();
  /** Reference records removed in this transaction, as `kind:id`, so reads inside it no longer see them. */
  private readonly removed = new Set<string>();

  constructor(
    private readonly state: State,
    private readonly readSanitization: (id: string) => SanitizationRecord | undefined,
    /**
     * Set once the store is keyed: every event then gets its keyed link after the device's last one, or,
     * without the key here, events are refused (an event without its link would read as tampering).
     */
    private readonly keying?: { key: Buffer; lastLink: (deviceId: string) => string | undefined } | { missing: string },
  ) {}

  // ---- reads: staged first, then committed ----

  async getDevice(id: string) {
    return this.devices.get(id) ?? this.state.getDevice(id);
  }
  async getDeviceByTag(tag: string) {
    for (const d of this.devices.values()) if (d.assetTag === tag) return d;
    const committed = this.state.getDeviceByTag(tag);
    if (committed === undefined) return undefined;
    // The committed holder of the tag may have been given another tag in this transaction.
    const d = await this.getDevice(committed.id);
    return d?.assetTag === tag ? d : undefined;
  }
  async getReservation(id: string) {
    return this.reservations.get(id) ?? this.state.getReservation(id);
  }
  async activeReservation(deviceId: string) {
    for (const r of this.reservations.values()) if (r.deviceId === deviceId && holdsDevice(r.status)) return r;
    const committed = this.state.activeReservation(deviceId);
    if (committed === undefined) return undefined;
    const r = await this.getReservation(committed.id);
    return r && holdsDevice(r.status) ? r : undefined;
  }
  async getSanitization(id: string) {
    return this.sanitizations.get(id) ?? this.readSanitization(id);
  }
  async getUser(id: string) {
    return this.referenceRecord('user', id);
  }
  async getCredential(userId: string) {
    return this.referenceRecord('credential', userId);
  }
  async getDepartment(id: string) {
    return this.referenceRecord('department', id);
  }
  async getLocation(id: string) {
    return this.referenceRecord('location', id);
  }
  async getRecycler(id: string) {
    return this.referenceRecord('recycler', id);
  }
  async getBatch(id: string) {
    return this.referenceRecord('batch', id);
  }
  async batchCount() {
    let added = 0;
    for (const id of this.reference.batch.keys()) if (!this.state.reference.batch.has(id)) added++;
    return this.state.reference.batch.size + added;
  }
  async getSettings() {
    return this.settings ?? this.state.settings;
  }
  async listFactorVersions() {
    return sortedVersions(new Map([...this.state.reference.factorVersion, ...this.reference.factorVersion]).values());
  }
  async lastAssetTagNumber() {
    return this.tagNumber ?? this.state.nextTag - 1;
  }
  async userCount() {
    let added = 0;
    for (const id of this.reference.user.keys()) if (!this.state.reference.user.has(id)) added++;
    return this.state.reference.user.size + added;
  }
  async devicesBySerial(serials: readonly string[]) {
    const keys = new Set(serials.map(serialKey));
    const found = new Map<string, Device>();
    // A committed device may have been given another serial in this transaction: staged copies win.
    for (const d of this.state.devicesBySerialKey(keys)) found.set(d.id, this.devices.get(d.id) ?? d);
    for (const d of this.devices.values()) found.set(d.id, d);
    return [...found.values()].filter((d) => keys.has(serialKey(d.serial)));
  }

  async getWantedRequest(id: string) {
    return this.wanted.requests.get(id) ?? this.state.wanted.requests.get(id);
  }
  async openWantedRequests(category: Category) {
    return overlay(this.state.wanted.openFor(category), this.wanted.openFor(category)).filter((r) => (this.wanted.requests.get(r.id) ?? r).status === 'open');
  }
  async getNotification(id: string) {
    return this.wanted.notifications.get(id) ?? this.state.wanted.notifications.get(id);
  }
  async notificationsForDevice(deviceId: string) {
    return overlay(this.state.wanted.forDevice(deviceId), this.wanted.forDevice(deviceId));
  }

  private referenceRecord<K extends ReferenceKind>(kind: K, id: string): ReferenceData[K] | undefined {
    const staged = this.reference[kind].get(id);
    if (staged) return staged;
    return this.removed.has(`${kind}:${id}`) ? undefined : this.state.reference[kind].get(id);
  }

  // ---- writes ----

  putDevice(device: Device): void {
    this.devices.set(device.id, device);
  }
  putReservation(v: Reservation): void {
    this.reservations.set(v.id, v);
    this.ops.push({ k: 'reservation', v });
  }
  putSanitization(v: SanitizationRecord): void {
    this.sanitizations.set(v.id, v);
    this.ops.push({ k: 'sanitization', v });
  }
  putDepartment(v: ReferenceData['department']): void {
    this.stageReference({ k: 'department', v });
  }
  putUnit(v: ReferenceData['unit']): void {
    this.stageReference({ k: 'unit', v });
  }
  putLocation(v: ReferenceData['location']): void {
    this.stageReference({ k: 'location', v });
  }
  putUser(v: ReferenceData['user']): void {
    this.stageReference({ k: 'user', v });
  }
  putRecycler(v: ReferenceData['recycler']): void {
    this.stageReference({ k: 'recycler', v });
  }
  putBatch(v: ReferenceData['batch']): void {
    this.stageReference({ k: 'batch', v });
  }
  putFactorVersion(v: ReferenceData['factorVersion']): void {
    this.stageReference({ k: 'factorVersion', v });
  }
  putAdminAudit(v: ReferenceData['adminAudit']): void {
    this.stageReference({ k: 'adminAudit', v });
  }
  // Sign-in (issue 13, wt-auth)
  putCredential(v: ReferenceData['credential']): void {
    this.stageReference({ k: 'credential', v });
  }
  putAuthAudit(v: ReferenceData['authAudit']): void {
    this.stageReference({ k: 'authAudit', v });
  }
  // Sign-in groups (issue 13, wt-oidc)
  putOidcGroup(v: ReferenceData['oidcGroup']): void {
    this.stageReference({ k: 'oidcGroup', v });
  }
  removeOidcGroup(id: string): void {
    this.stageRemoval('oidcGroup', id);
  }
  private stageReference(op: ReferenceOp): void {
    setReference(this.reference, op.k, op.v);
    this.removed.delete(`${op.k}:${referenceKey(op.v)}`);
    this.ops.push(op);
  }
  removeLocation(id: string): void {
    this.stageRemoval('location', id);
  }
  removeUnit(id: string): void {
    this.stageRemoval('unit', id);
  }
  private stageRemoval(kind: RemovableKind, id: string): void {
    this.reference[kind].delete(id);
    this.removed.add(`${kind}:${id}`);
    this.ops.push({ k: 'removeReference', v: { kind, id } });
  }
  putWantedRequest(v: WantedRequest): void {
    this.wanted.putRequest(v);
    this.ops.push({ k: 'wantedRequest', v });
  }
  putNotification(v: Notification): void {
    this.wanted.putNotification(v);
    this.ops.push({ k: 'notification', v });
  }
  putSettings(v: Settings): void {
    this.settings = v;
    this.ops.push({ k: 'settings', v });
  }
  raiseAssetTagNumber(n: number): void {
    this.tagNumber = Math.max(this.tagNumber ?? this.state.nextTag - 1, n);
  }
  async allocateAssetTagNumber(): Promise<number> {
    this.tagNumber = this.tagNumber === null ? this.state.nextTag : this.tagNumber + 1;
    return this.tagNumber;
  }

  async appendEvent(event: NewTrailEvent): Promise<TrailEvent> {
    const keying = this.keying && 'missing' in this.keying ? fail(this.keying.missing) : this.keying;
    const prev = this.chains.get(event.deviceId) ?? {
      seq: this.state.trailCount(event.deviceId),
      hash: this.state.headOf(event.deviceId) ?? GENESIS_HASH,
      link: keying?.lastLink(event.deviceId),
    };
    const full = chainEvent(event, prev);
    // The first keyed event of a device links to the sha256 head before it (its prevHash): see linkEvent.
    const link = keying ? linkEvent(keying.key, prev.link ?? full.prevHash, full) : undefined;
    this.chains.set(event.deviceId, { seq: full.seq, hash: full.hash, link });
    this.ops.push(link === undefined ? { k: 'event', v: full } : { k: 'event', v: full, m: link });
    return full;
  }

  /** Records the store's keying (FileStore.open, once). */
  putTrailSeal(v: TrailSeal): void {
    this.ops.push({ k: 'trailSeal', v });
  }

  // ---- commit ----

  /**
   * Appends the staged writes to the journal as record `state.txSeq + 1`, then applies them to the state.
   * Returns the record number, or null when nothing was staged. If the append throws, the journal is cut
   * back and the state is untouched. A large record is encoded, and its apply prepared, in slices (the
   * store's queue keeps every other transaction waiting meanwhile, and reads see the state as before until
   * the append), so that the synchronous part left is the write and a cheap apply.
   */
  async commit(writer: JournalWriter, holdReads: (applied: Promise<void>) => void = () => {}): Promise<number | null> {
    const ops = this.record();
    if (ops.length === 0) return null;
    const n = this.state.txSeq + 1;
    const { buffer, spans } = await encodeRecordSliced(n, ops);
    const prepared = ops.length > ENCODE_SLICE_OPS ? await this.state.prepareRecord(ops, ENCODE_SLICE_OPS) : undefined;
    const at = writer.append(buffer);
    if (prepared) {
      // The record is durable; the state takes it in slices while reads wait for the whole of it.
      const applied = this.state.applyRecordSliced(n, ops, spans, at, prepared, ENCODE_SLICE_OPS);
      holdReads(applied);
      await applied;
    } else this.state.applyRecord(n, ops, spans, at);
    return n;
  }

  /** The record's ops: staged devices (carrying the trail length their events gave them), the tag number, then the rest in order. */
  private record(): Op[] {
    // The store owns trailLength: it is the number of events, whatever the caller put.
    for (const [id, { seq }] of this.chains) {
      const d = this.devices.get(id) ?? this.state.getDevice(id);
      if (d) this.devices.set(id, { ...d, trailLength: seq });
    }
    for (const [id, d] of this.devices) {
      const length = this.chains.get(id)?.seq ?? this.state.trailCount(id);
      if (d.trailLength !== length) this.devices.set(id, { ...d, trailLength: length });
    }
    const deviceOps: Op[] = [...this.devices.values()].map((v) => ({ k: 'device', v }));
    const tagOps: Op[] = this.tagNumber === null ? [] : [{ k: 'tag', v: this.tagNumber }];
    return [...deviceOps, ...tagOps, ...this.ops];
  }
}

function fail(dir: string): never {
  throw new AppError('TRAIL_KEY_MISSING', { dir, where: 'KREDSLOB_TRAIL_KEY / KREDSLOB_TRAIL_KEY_FILE' }, `No trail event can be written to the keyed store ${dir} without its key`);
}
