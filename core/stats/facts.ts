/**
 * Statistic facts: the trail events the sustainability figures count, kept as compact columns in memory so
 * a year's summary never reads the journal (1,000,000 events on disk; the columns cost ~19 bytes a fact).
 *
 * A fact is one event of FACT_TYPES with: the device (an index the store assigns: the file store's device
 * slot), when (seconds), the administration that owned the device at that moment (reported: the reporting
 * one; handed_over: the giving one, fromDepartmentId; anything else: the owner after the device's last
 * report or hand-over), for hand-overs the time of the cycle's report and replacesNewPurchase. Category,
 * weight and WEEE category are not copied: they are read from the device as it is now, so a corrected
 * category or weight corrects the figures (the trail keeps who corrected what).
 *
 * The log is append-only and built by `add` in trail order per device, so every store builds it the same
 * way: the file store on each applied 'event' op (commit and recovery), the SQLite store per query.
 */
import type { Device, TrailEvent } from '../../shared/schemas';

export const FACT_TYPES = ['reported', 'checked_in', 'listed', 'handed_over', 'routed_to_ewaste', 'collected', 'certified', 'recycled', 'destroyed'] as const;
export type FactType = (typeof FACT_TYPES)[number];
const FACT_CODE = new Map<string, number>(FACT_TYPES.map((t, i) => [t, i]));
export const factCode = (t: FactType): number => FACT_CODE.get(t)!;

/** Flag bit: a hand-over marked "replaces a new purchase". */
export const REPLACES_NEW_PURCHASE = 1;

const toSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** The fact columns, one entry per fact. */
export interface FactColumns {
  /** Index into FACT_TYPES. */
  type: Uint8Array;
  /** Seconds since 1970 (UTC). */
  at: Uint32Array;
  /** Index into the store's devices (StatFacts.devices). */
  device: Uint32Array;
  /** Index into `departmentIds`: the owner at the event (see the module comment). */
  dept: Uint32Array;
  /** Hand-overs: when the device was reported in this cycle (seconds); 0 otherwise. */
  cycleStart: Uint32Array;
  flags: Uint8Array;
}

/**
 * The facts of a period, as a store hands them out: `rows` are the positions of the period's facts in
 * the columns (the columns may hold more; read them only at those positions). Nothing is copied but the
 * positions, so a call makes little garbage for the collector to pause on.
 */
export interface StatFacts extends FactColumns {
  rows: Uint32Array;
  devices: readonly Device[];
  departmentIds: readonly string[];
}

/** The parts a store persists and reads back (the file store's index file). */
export interface FactLogData extends FactColumns {
  count: number;
  departmentIds: string[];
  /** Per device index: the owner now (index into departmentIds, -1 unknown) and the current cycle's report time. */
  owner: Int32Array;
  reportedAt: Uint32Array;
}

function grow<T extends Uint8Array | Uint32Array | Int32Array>(a: T, need: number, fill = 0): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2, 1024)); // why: same typed-array class as `a`
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

export class FactLog {
  count = 0;
  private type: Uint8Array = new Uint8Array(0);
  private at: Uint32Array = new Uint32Array(0);
  private device: Uint32Array = new Uint32Array(0);
  private dept: Uint32Array = new Uint32Array(0);
  private cycleStart: Uint32Array = new Uint32Array(0);
  private flags: Uint8Array = new Uint8Array(0);
  private readonly departmentIds: string[] = [];
  private readonly deptIndex = new Map<string, number>();
  private owner: Int32Array = new Int32Array(0);
  private reportedAt: Uint32Array = new Uint32Array(0);

  static from(data: FactLogData): FactLog {
    const log = new FactLog();
    log.count = data.count;
    log.type = data.type;
    log.at = data.at;
    log.device = data.device;
    log.dept = data.dept;
    log.cycleStart = data.cycleStart;
    log.flags = data.flags;
    data.departmentIds.forEach((id, i) => {
      log.departmentIds.push(id);
      log.deptIndex.set(id, i);
    });
    log.owner = data.owner;
    log.reportedAt = data.reportedAt;
    return log;
  }

  private deptOf(id: string): number {
    let i = this.deptIndex.get(id);
    if (i === undefined) {
      i = this.departmentIds.length;
      this.departmentIds.push(id);
      this.deptIndex.set(id, i);
    }
    return i;
  }

  /** Records `e` of the device at index `device` if it is a fact; events must come in trail order per device. */
  add(e: TrailEvent, device: number): void {
    const code = FACT_CODE.get(e.type);
    if (code === undefined) return;
    this.owner = grow(this.owner, device + 1, -1);
    this.reportedAt = grow(this.reportedAt, device + 1);
    const at = toSeconds(e.at);
    let dept: number;
    let cycleStart = 0;
    let flags = 0;
    if (e.type === 'reported') {
      dept = this.deptOf(e.departmentId);
      this.owner[device] = dept;
      this.reportedAt[device] = at;
    } else if (e.type === 'handed_over') {
      dept = this.deptOf(e.fromDepartmentId);
      this.owner[device] = this.deptOf(e.toDepartmentId);
      cycleStart = this.reportedAt[device]!;
      if (e.replacesNewPurchase) flags |= REPLACES_NEW_PURCHASE;
    } else {
      const owner = this.owner[device]!;
      // A trail always starts with its report; an owner-less fact would mean a damaged trail, kept under ''.
      dept = owner >= 0 ? owner : this.deptOf('');
    }
    const i = this.count;
    const need = i + 1;
    this.type = grow(this.type, need);
    this.at = grow(this.at, need);
    this.device = grow(this.device, need);
    this.dept = grow(this.dept, need);
    this.cycleStart = grow(this.cycleStart, need);
    this.flags = grow(this.flags, need);
    this.type[i] = code;
    this.at[i] = at;
    this.device[i] = device;
    this.dept[i] = dept;
    this.cycleStart[i] = cycleStart;
    this.flags[i] = flags;
    this.count = need;
  }

  /**
   * The facts in [from, to) (ISO instants): their positions, and views of the columns as they stand (only
   * appended to, so later facts never change these). One pass over a typed array: ~1 ms per million facts.
   */
  select(from: string, to: string, devices: StatFacts['devices']): StatFacts {
    const lo = Math.ceil(Date.parse(from) / 1000);
    const hi = Math.ceil(Date.parse(to) / 1000);
    const at = this.at;
    const n = this.count;
    let hits = 0;
    for (let i = 0; i < n; i++) if (at[i]! >= lo && at[i]! < hi) hits++;
    const rows = new Uint32Array(hits);
    for (let i = 0, j = 0; i < n; i++) if (at[i]! >= lo && at[i]! < hi) rows[j++] = i;
    const d = this.data(false);
    return { rows, type: d.type, at: d.at, device: d.device, dept: d.dept, cycleStart: d.cycleStart, flags: d.flags, devices, departmentIds: d.departmentIds };
  }

  /**
   * The log as it stands, for a snapshot: the columns are only appended to (a grown array is a new one), so
   * views of their first `count` entries stay as they are while the log moves on.
   */
  data(withOwners = true): FactLogData {
    const n = this.count;
    const devices = withOwners ? this.owner.length : 0;
    return {
      count: n,
      type: this.type.subarray(0, n),
      at: this.at.subarray(0, n),
      device: this.device.subarray(0, n),
      dept: this.dept.subarray(0, n),
      cycleStart: this.cycleStart.subarray(0, n),
      flags: this.flags.subarray(0, n),
      departmentIds: this.departmentIds.slice(),
      // why: per-device entries are overwritten in place, so these two are copied (400 kB at 100,000 devices)
      owner: this.owner.slice(0, devices),
      reportedAt: this.reportedAt.slice(0, devices),
    };
  }
}
