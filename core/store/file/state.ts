/**
 * The file store's state in memory: devices and reservations whole; trail events and sanitization records
 * only by their place in the journal (the index file of the last snapshot, plus what came since). It
 * changes only by applying journal ops, at open (recovery) and at commit, so both build the same state.
 */
import { holdsDevice, type Device, type FactorVersion, type Reservation, type Settings, type TrailEvent } from '../../../shared/schemas';
import { DEFAULT_SETTINGS, referenceKey, serialKey, type DeviceQuery, type DeviceSearchResult, type ReferenceData, type ReferenceKind, type ReservationQuery } from '../store';
import { compareDevices, deviceHaystack, matchesQuery, searchTokens, TopK } from '../query';
import { marketProfileKey, matchesMarketFilter } from '../../../shared/market-filter';
import { FacetCounter } from '../../../shared/market-facets';
import type { JournalPosition, RecordRef } from './journal';
import { IndexFile, type TrailIndexSource } from './index-file';
import { SNAPSHOT_FORMAT, type SnapshotData } from './snapshot';
import { decodeDevices, decodeReservations, type Columns } from './device-columns';
import type { Op, TrailSeal } from './ops';
import { FactLog, type StatFacts } from '../../stats/facts';
import { WantedMaps } from './wanted-state';
import { DeviceInterner } from './device-intern';
import { SlotSet, SpreadMap } from '../../spread-index';

/** Places of one device's events in the journal: flat (segment, offset, length) triples. */
export type TrailRefs = readonly number[];

/** Reference data by kind and id. */
export type ReferenceMaps = { [K in ReferenceKind]: Map<string, ReferenceData[K]> };

export const referenceMaps = (): ReferenceMaps => ({ department: new Map(), unit: new Map(), location: new Map(), user: new Map(), recycler: new Map(), batch: new Map(), factorVersion: new Map(), adminAudit: new Map(), credential: new Map(), authAudit: new Map(), oidcGroup: new Map() });

export function setReference<K extends ReferenceKind>(maps: ReferenceMaps, kind: K, record: ReferenceData[K]): void {
  maps[kind].set(referenceKey(record), record);
}

/** Factor versions, lowest number first. */
export function sortedVersions(versions: Iterable<FactorVersion>): FactorVersion[] {
  return [...versions].sort((a, b) => a.number - b.number);
}

/** Work done ahead for applying a large record (State.prepareRecord). */
export interface PreparedRecord {
  /** Each staged device as the state keeps it (DeviceInterner), and its search text. */
  hay: Map<Device, { kept: Device; hay: string }>;
  /** Per device with events in the record: a copy of its trail places so far, to be appended to. */
  grown: Map<string, number[]>;
}

/** What a snapshot is written from: taken synchronously, written later while the state moves on. */
export interface StateCopy {
  data: Omit<SnapshotData, 'index' | 'devices' | 'reservations'>;
  devices: Device[];
  reservations: Reservation[];
  index: TrailIndexSource;
}

export class State {
  readonly reference = referenceMaps();
  /** Wanted requests and notifications with their indexes. */
  readonly wanted = new WantedMaps();
  /**
   * Devices by slot. Devices of the last snapshot hold slots 0 … baseCount-1 in snapshot order, so a
   * device's slot is also its position in the index file; new devices are appended. Devices are never
   * removed, so every slot is filled.
   */
  private readonly list: Device[] = [];
  /** The search text of the device in the same slot. */
  private readonly hay: string[] = [];
  // Indexes that grow with the devices are SpreadMaps and SlotSets: growing never holds the loop (spread-index.ts).
  private readonly slots = new SpreadMap<number>();
  private readonly tagSlots = new SpreadMap<number>();
  /**
   * Slots by serialKey (import, issue 12): a file's 100,000 serials are matched without scanning per row. A
   * serial is almost always one device's: its slot alone, an array only for a serial that several devices share
   * (an array per device took some 12 MB at 200,000 devices).
   */
  private readonly serialSlots = new SpreadMap<number | number[]>();
  /** Devices written are kept in one shape with shared values (bench:import's heap). */
  private readonly interner = new DeviceInterner();
  /** Slots of the devices packed in each e-waste batch: a batch's 5,000 devices without scanning 100,000. */
  private readonly batchSlots = new Map<string, SlotSet>();
  /** Device slots by state: the marketplace searches the listed devices (a quarter of them) instead of all. */
  private readonly statusSlots = new Map<string, SlotSet>();
  /**
   * Per slot, its device's profile (marketProfileKey) as an index into `profiles`. A search decides the filter
   * and counts facets once per profile (a few thousand at 100,000 devices) instead of once per device (~30,000
   * candidates on a marketplace word's first key, ~10 ms). Given lazily, by the next search of the device's state
   * (`unprofiled`): the first marketplace search after start finds the listed devices' only.
   */
  private readonly profileOf: number[] = [];
  /** One device of each profile, standing for all devices with its key. */
  private readonly profiles: Device[] = [];
  private readonly profileIds = new Map<string, number>();
  /** By state, the slots written since that state was last searched, whose profile is still to be found. */
  private readonly unprofiled = new Map<string, SlotSet>();
  private baseCount = 0;
  private readonly reservations = new Map<string, Reservation>();
  private readonly activeByDevice = new Map<string, string>();
  /** The last snapshot's index and each device's position in it. Never changed after open. */
  private index: IndexFile = IndexFile.empty();
  /** Trail places of devices written since the snapshot (complete lists, replacing the index's). */
  private readonly trail = new SpreadMap<TrailRefs>();
  private readonly heads = new SpreadMap<string>();
  /** Keyed links of the last events written since open (others are read back from the journal). */
  private readonly links = new Map<string, string>();
  /** The store's keying record and its place in the journal: events after that place carry links. */
  seal: { v: TrailSeal; ref: RecordRef } | null = null;
  private readonly sanitizationRefs = new Map<string, RecordRef>();
  /** Statistic facts of every trail event so far, by device slot (core/stats/facts.ts). */
  private facts = new FactLog();
  /** Set when the snapshot's index predates the facts: recovery rebuilds them from the journal before replaying. */
  factsMissing = false;
  settings: Settings = DEFAULT_SETTINGS;
  /** The next free asset tag number. */
  nextTag = 1;
  /** The number of the last journal record applied. */
  txSeq = 0;

  // ---- lookups ----

  // Export of the whole store (issue 13, wt-pg: migrate-to-server)
  /** Every reservation, in the order they were first written. */
  allReservations(): IterableIterator<Reservation> {
    return this.reservations.values();
  }
  /** The ids of every sanitization record: the snapshot's and those written since. */
  *sanitizationIds(): Generator<string> {
    for (const [id] of this.index.sanitizations()) if (!this.sanitizationRefs.has(id)) yield id;
    yield* this.sanitizationRefs.keys();
  }


  get deviceCount(): number {
    return this.list.length;
  }

  /** Every device, in slot order. */
  devices(): readonly Device[] {
    return this.list;
  }

  getDevice(id: string): Device | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.list[slot];
  }

  getDeviceByTag(tag: string): Device | undefined {
    const slot = this.tagSlots.get(tag);
    return slot === undefined ? undefined : this.list[slot];
  }

  getReservation(id: string): Reservation | undefined {
    return this.reservations.get(id);
  }

  /** Devices whose serialKey is one of `keys`. */
  devicesBySerialKey(keys: Iterable<string>): Device[] {
    const out: Device[] = [];
    for (const key of keys) for (const slot of slotList(this.serialSlots.get(key))) out.push(this.list[slot]!);
    return out;
  }

  activeReservation(deviceId: string): Reservation | undefined {
    const id = this.activeByDevice.get(deviceId);
    return id === undefined ? undefined : this.reservations.get(id);
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

  /** The keyed link of the device's last event, when it was written since open. */
  linkOf(deviceId: string): string | undefined {
    return this.links.get(deviceId);
  }

  sanitizationRef(id: string): RecordRef | undefined {
    return this.sanitizationRefs.get(id) ?? this.index.sanitization(id);
  }

  /** The device's position in the last snapshot's index file, if it was in that snapshot. */
  private ordinalOf(id: string): number | undefined {
    const slot = this.slots.get(id);
    return slot !== undefined && slot < this.baseCount ? slot : undefined;
  }

  // ---- queries (each scans what it filters: at 100,000 devices a few milliseconds) ----

  searchDevices(q: DeviceQuery): DeviceSearchResult {
    // A batch or all devices may hold any state.
    if (q.status !== undefined && q.batchId === undefined) this.profileChanged(q.status);
    else for (const status of this.unprofiled.keys()) this.profileChanged(status);
    const tokens = searchTokens(q.text);
    const { list, hay, profileOf, profiles } = this;
    const filter = q.filter ?? {};
    const filtered = Object.values(filter).some((v) => v !== undefined);
    // Per profile: 0 not decided yet, 1 passes the filter, 2 does not.
    const verdict = new Uint8Array(profiles.length);
    // Per profile: the devices that pass all but the filter, which the facets are counted over.
    const counts = q.facets ? new Int32Array(profiles.length) : undefined;
    // The smaller index when one applies; the order found does not matter (compareDevices breaks ties by id).
    const slots = q.batchId !== undefined ? this.batchSlots.get(q.batchId) : q.status !== undefined ? this.statusSlots.get(q.status) : undefined;
    // The first page is picked as the devices are found (TopK); only the count of the others is kept.
    const best = new TopK<Device>(q.offset + q.limit, compareDevices(q.sort), slots ? slots.size : list.length);
    let total = 0;
    const visit = (i: number) => {
      const d = list[i]!;
      if (!matchesQuery(d, q, tokens, hay[i]!)) return;
      const p = profileOf[i]!;
      if (counts) counts[p]!++;
      if (filtered) {
        let v = verdict[p]!;
        if (v === 0) verdict[p] = v = matchesMarketFilter(profiles[p]!, filter) ? 1 : 2;
        if (v === 2) return;
      }
      best.offer(d);
      total++;
    };
    if (slots) slots.forEach(visit);
    else for (let i = 0; i < list.length; i++) visit(i);
    const items = best.sorted().slice(q.offset);
    if (!counts) return { items, total };
    const facets = new FacetCounter(filter);
    for (let p = 0; p < counts.length; p++) if (counts[p]! > 0) facets.add(profiles[p]!, counts[p]!);
    return { items, total, facets: facets.result() };
  }

  /** Gives each device of `status` written since its last search its profile (see `profileOf`). */
  private profileChanged(status: string): void {
    const slots = this.unprofiled.get(status);
    if (!slots) return;
    for (const slot of slots) {
      const d = this.list[slot]!;
      const key = marketProfileKey(d);
      let id = this.profileIds.get(key);
      if (id === undefined) {
        id = this.profiles.push(d) - 1;
        this.profileIds.set(key, id);
      }
      this.profileOf[slot] = id;
    }
    this.unprofiled.delete(status);
  }

  searchReservations(q: ReservationQuery): Reservation[] {
    const out: Reservation[] = [];
    for (const r of this.reservations.values()) {
      if (q.departmentId && r.departmentId !== q.departmentId) continue;
      if (q.status && r.status !== q.status) continue;
      out.push(r);
    }
    out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return out.slice(0, q.limit);
  }

  dueReservations(at: string): Reservation[] {
    const out: Reservation[] = [];
    for (const id of this.activeByDevice.values()) {
      const r = this.reservations.get(id);
      if (r && holdsDevice(r.status) && r.expiresAt <= at) out.push(r);
    }
    return out;
  }

  /** The statistic facts in [from, to) (ISO instants); their device indexes are slots of `devices`. */
  statFacts(from: string, to: string): StatFacts {
    return this.facts.select(from, to, this.list.slice());
  }

  // ---- changes ----

  /** Adds a trail event of a device already in the state to the facts (the rebuild of an old snapshot's). */
  addFact(e: TrailEvent): void {
    const slot = this.slots.get(e.deviceId);
    if (slot !== undefined) this.facts.add(e, slot);
  }

  /**
   * The costly part of applying a large record, done ahead in slices (yielding to the event loop) while
   * the record is being written: each device's search text and a copy of each device's trail places.
   * Nothing is visible yet; it stays valid until the state next changes, which is this record's own
   * apply, since the store's queue holds every other transaction back meanwhile.
   */
  async prepareRecord(ops: readonly Op[], sliceOps: number): Promise<PreparedRecord> {
    const prepared: PreparedRecord = { hay: new Map(), grown: new Map() };
    for (let i = 0; i < ops.length; i++) {
      if (i > 0 && i % sliceOps === 0) await new Promise((resolve) => setImmediate(resolve));
      const op = ops[i]!;
      if (op.k === 'device') {
        const kept = this.interner.device(op.v);
        prepared.hay.set(op.v, { kept, hay: deviceHaystack(kept) });
      }
      else if (op.k === 'event' && !prepared.grown.has(op.v.deviceId)) prepared.grown.set(op.v.deviceId, [...this.refsOf(op.v.deviceId)]);
    }
    return prepared;
  }

  /**
   * Applies journal record `n`, whose ops lie at `spans` (offset in the line, length) inside the line
   * written at `at`; with the work `prepared` ahead for a large one.
   */
  applyRecord(n: number, ops: readonly Op[], spans: readonly [number, number][], at: JournalPosition, prepared?: PreparedRecord): void {
    // why: one new array per device per record, not one per event (a certificate gives 5,000 devices two events each)
    const work = prepared ?? { hay: new Map(), grown: new Map() };
    ops.forEach((op, i) => {
      const [offset, length] = spans[i]!;
      this.apply(op, { segment: at.segment, offset: at.offset + offset, length }, work);
    });
    this.settleTrails(work);
    this.txSeq = n;
  }

  /**
   * applyRecord for a large record, a slice of ops at a time with a turn of the event loop between slices
   * (a certificate's record holds 15,000 ops: some 40 ms in one go). Readers outside transactions must not
   * see the state in between: the file store holds its reads until this resolves (FileStore.applying).
   */
  async applyRecordSliced(
    n: number,
    ops: readonly Op[],
    spans: readonly [number, number][],
    at: JournalPosition,
    prepared: PreparedRecord,
    sliceOps: number,
  ): Promise<void> {
    for (let i = 0; i < ops.length; i++) {
      if (i > 0 && i % sliceOps === 0) await new Promise((resolve) => setImmediate(resolve));
      const [offset, length] = spans[i]!;
      this.apply(ops[i]!, { segment: at.segment, offset: at.offset + offset, length }, prepared);
    }
    this.settleTrails(prepared);
    this.txSeq = n;
  }

  /**
   * The trail lists this record grew, cut to their length: push leaves room for some 16 more places (an
   * imported device's list of one event took 176 bytes instead of 48, some 13 MB at 100,000 devices).
   */
  private settleTrails(work: PreparedRecord): void {
    for (const [id, refs] of work.grown) this.trail.set(id, refs.slice());
  }

  /** `work.grown`: trail arrays this record made, not yet seen by anyone before it, so they may still be appended to. */
  private apply(op: Op, ref: RecordRef | null, work?: PreparedRecord): void {
    switch (op.k) {
      case 'device': {
        const prepared = work?.hay.get(op.v);
        if (prepared) this.putDevice(prepared.kept, prepared.hay);
        else this.putDevice(this.interner.device(op.v));
        break;
      }
      case 'event': {
        const e = op.v;
        if (ref) {
          let mine = work?.grown.get(e.deviceId);
          if (!mine) {
            // why: a new array, not push, so a snapshot being written keeps its own copy consistent
            mine = [...this.refsOf(e.deviceId)];
            work?.grown.set(e.deviceId, mine);
          }
          mine.push(ref.segment, ref.offset, ref.length);
          this.trail.set(e.deviceId, mine);
        }
        this.heads.set(e.deviceId, e.hash);
        if (op.m !== undefined) this.links.set(e.deviceId, op.m);
        // The record's device ops come first (transaction.ts), so the device has its slot already.
        this.addFact(e);
        break;
      }
      case 'reservation':
        this.putReservation(op.v);
        break;
      case 'sanitization':
        if (ref) this.sanitizationRefs.set(op.v.id, ref);
        break;
      case 'department':
      case 'unit':
      case 'location':
      case 'user':
      case 'recycler':
      case 'batch':
      case 'factorVersion':
      case 'adminAudit':
      case 'credential':
      case 'authAudit':
      case 'oidcGroup':
        setReference(this.reference, op.k, op.v);
        break;
      case 'settings':
        this.settings = op.v;
        break;
      case 'tag':
        this.nextTag = Math.max(this.nextTag, op.v + 1);
        break;
      case 'trailSeal':
        if (ref) this.seal = { v: op.v, ref };
        break;
      case 'wantedRequest':
        this.wanted.putRequest(op.v);
        break;
      case 'notification':
        this.wanted.putNotification(op.v);
        break;
      case 'removeReference':
        this.reference[op.v.kind].delete(op.v.id);
        break;
    }
  }

  /** `hay`: its search text when already computed. */
  private putDevice(d: Device, hay?: string): void {
    let slot = this.slots.get(d.id);
    if (slot === undefined) {
      slot = this.list.length;
      this.slots.set(d.id, slot);
    } else {
      const prev = this.list[slot]!;
      if (prev.assetTag !== d.assetTag) this.tagSlots.delete(prev.assetTag);
      if (serialKey(prev.serial) !== serialKey(d.serial)) {
        const old = slotList(this.serialSlots.get(serialKey(prev.serial))).filter((s) => s !== slot);
        if (old.length) this.serialSlots.set(serialKey(prev.serial), old.length === 1 ? old[0]! : old);
        else this.serialSlots.delete(serialKey(prev.serial));
      }
      if (prev.batchId !== undefined && prev.batchId !== d.batchId) this.batchSlots.get(prev.batchId)?.delete(slot);
      if (prev.status !== d.status) {
        this.statusSlots.get(prev.status)?.delete(slot);
        this.unprofiled.get(prev.status)?.delete(slot);
      }
    }
    let unprofiled = this.unprofiled.get(d.status);
    if (!unprofiled) this.unprofiled.set(d.status, (unprofiled = new SlotSet()));
    unprofiled.add(slot);
    let byStatus = this.statusSlots.get(d.status);
    if (!byStatus) this.statusSlots.set(d.status, (byStatus = new SlotSet()));
    byStatus.add(slot);
    if (d.batchId !== undefined) {
      let slots = this.batchSlots.get(d.batchId);
      if (!slots) this.batchSlots.set(d.batchId, (slots = new SlotSet()));
      slots.add(slot);
    }
    this.list[slot] = d;
    this.hay[slot] = hay ?? deviceHaystack(d);
    this.tagSlots.set(d.assetTag, slot);
    const key = serialKey(d.serial);
    const sameSerial = this.serialSlots.get(key);
    if (sameSerial === undefined) this.serialSlots.set(key, slot);
    else if (typeof sameSerial === 'number') {
      if (sameSerial !== slot) this.serialSlots.set(key, [sameSerial, slot]);
    } else if (!sameSerial.includes(slot)) sameSerial.push(slot);
  }

  private putReservation(r: Reservation): void {
    this.reservations.set(r.id, r);
    if (holdsDevice(r.status)) this.activeByDevice.set(r.deviceId, r.id);
    else if (this.activeByDevice.get(r.deviceId) === r.id) this.activeByDevice.delete(r.deviceId);
  }

  // ---- snapshots ----

  /** Takes the state of a snapshot (and its index) as the starting point; only on an empty state. */
  load(s: SnapshotData, index: IndexFile): void {
    this.settings = s.settings;
    this.nextTag = s.nextTag;
    this.txSeq = s.txSeq;
    this.index = index;
    this.seal = s.trailSeal ?? null;
    if (index.facts) this.facts = FactLog.from(index.facts);
    else this.factsMissing = true;
    for (const v of s.departments) this.reference.department.set(v.id, v);
    for (const v of s.units) this.reference.unit.set(v.id, v);
    for (const v of s.locations) this.reference.location.set(v.id, v);
    for (const v of s.users) this.reference.user.set(v.id, v);
    for (const v of s.recyclers ?? []) this.reference.recycler.set(v.id, v);
    for (const v of s.batches ?? []) this.reference.batch.set(v.id, v);
    for (const v of s.factorVersions ?? []) setReference(this.reference, 'factorVersion', v);
    for (const v of s.adminAudit ?? []) setReference(this.reference, 'adminAudit', v);
    for (const v of s.credentials ?? []) setReference(this.reference, 'credential', v);
    for (const v of s.authAudit ?? []) setReference(this.reference, 'authAudit', v);
    for (const v of s.oidcGroups ?? []) setReference(this.reference, 'oidcGroup', v);
    for (const v of s.wantedRequests ?? []) this.wanted.putRequest(v);
    for (const v of s.notifications ?? []) this.wanted.putNotification(v);
    const devices = decodeDevices(s.devices as Columns); // why: a snapshot read from disk holds columns, never a stream
    // Decoded in one shape with a dictionary's shared values already: not through the interner (open time).
    for (const d of devices) this.putDevice(d);
    this.baseCount = devices.length;
    for (const r of decodeReservations(s.reservations as Columns)) this.putReservation(r); // why: as above
  }

  /**
   * A consistent copy for a snapshot, taken synchronously. Records are immutable and trail lists are
   * replaced, never changed, so copying the maps is enough; the index of the last snapshot never changes.
   */
  copy(position: JournalPosition): StateCopy {
    const devices = this.list.slice();
    return {
      data: {
        format: SNAPSHOT_FORMAT,
        position,
        txSeq: this.txSeq,
        nextTag: this.nextTag,
        settings: this.settings,
        departments: [...this.reference.department.values()],
        units: [...this.reference.unit.values()],
        locations: [...this.reference.location.values()],
        users: [...this.reference.user.values()],
        recyclers: [...this.reference.recycler.values()],
        batches: [...this.reference.batch.values()],
        factorVersions: [...this.reference.factorVersion.values()],
        adminAudit: [...this.reference.adminAudit.values()],
        credentials: [...this.reference.credential.values()],
        authAudit: [...this.reference.authAudit.values()],
        oidcGroups: [...this.reference.oidcGroup.values()],
        wantedRequests: [...this.wanted.requests.values()],
        notifications: [...this.wanted.notifications.values()],
        ...(this.seal ? { trailSeal: this.seal } : {}),
      },
      devices,
      reservations: [...this.reservations.values()],
      index: {
        deviceIds: devices.map((d) => d.id),
        base: this.index,
        ordinalOf: (id) => this.ordinalOf(id),
        ownRefs: this.trail.copy(),
        ownHeads: this.heads.copy(),
        newSanitizations: [...this.sanitizationRefs],
        facts: this.facts.data(),
      },
    };
  }
}

/** The slots of a serialSlots entry. */
function slotList(slots: number | number[] | undefined): readonly number[] {
  return slots === undefined ? [] : typeof slots === 'number' ? [slots] : slots;
}
