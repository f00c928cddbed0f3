/**
 * The sustainability figures of a period (stats.summary) and the devices behind each of them
 * (stats.devices), computed from the store's statistic facts (facts.ts) in one pass over typed arrays.
 *
 * Both procedures classify every fact with the same function (`classify`), so the devices listed behind a
 * figure are exactly the events it counted: a device reused in two cycles of the period is listed twice,
 * and the list's total is the figure.
 *
 * The rules (also in the README, "Statistics"):
 * - A period is [from, to) in Danish time; an event counts on its date in Copenhagen (monthly rows too).
 * - Administration: the one that owned the device at the event (for a hand-over the giving one): a filter
 *   or row by administration answers "what became of the devices this administration gave up".
 * - Category, weight and WEEE category: the device's as recorded now (a correction corrects the figures).
 * - Reuse rate: reused ÷ (reused + recycled + destroyed) over the outcomes in the period, null without any.
 * - CO2e avoided: for each hand-over marked replacesNewPurchase, the factor of its category in the factor
 *   version in force at the hand-over; a category without a factor is counted as "no factor" and adds 0.
 * - Days from surplus to reuse: hand-over minus the report of the same cycle, in days (24 h, one decimal);
 *   median and 90th percentile by the nearest-rank method (the value at rank ⌈p·n⌉ of the sorted list).
 * - E-waste: collected and certified by event date; "missing a certificate": collected in the period and
 *   still collected now (no certificate has covered it since).
 */
import type { z } from 'zod';
import { weeeOf, WEEE_CATEGORIES } from '../../shared/categories';
import type { Contract, StatFigure, StatOutcome, StatsRow, StatsSummary } from '../../shared/contract';
import { STAT_OUTCOMES } from '../../shared/contract';
import { copenhagenMidnight } from '../../shared/days';
import { CATEGORIES, WEEE_KEYS, type Category, type Device } from '../../shared/schemas';

type WeeeKey = (typeof WEEE_KEYS)[number];
import type { FactorVersion as StoredFactorVersion } from '../../shared/schemas';
import type { Store, StoreReads } from '../store/store';
import { factCode, REPLACES_NEW_PURCHASE, type StatFacts } from './facts';

/** What the figures read of an emission-factor version (shared/schemas.ts FactorVersion). */
export type FactorVersion = Pick<StoredFactorVersion, 'number' | 'factors' | 'source' | 'createdAt'>;
/** The factor version in force at an instant (core/stats/factors.ts factorVersionAt; tests pass their own). */
export type FactorVersionAt = (reads: StoreReads, at: string) => FactorVersion | Promise<FactorVersion>;

export type StatsQuery = Pick<z.output<Contract['stats.summary']['input']>, 'from' | 'to' | 'groupBy' | 'departmentId' | 'category'>;

const DAY_SECONDS = 86_400;
const T = {
  reported: factCode('reported'),
  checkedIn: factCode('checked_in'),
  listed: factCode('listed'),
  handedOver: factCode('handed_over'),
  routed: factCode('routed_to_ewaste'),
  collected: factCode('collected'),
  certified: factCode('certified'),
  recycled: factCode('recycled'),
  destroyed: factCode('destroyed'),
};
/** The outcome figure of each fact type (by code); collected and certified count only under e-waste. */
const OUTCOME_OF: (StatOutcome | null)[] = [];
OUTCOME_OF[T.reported] = 'reported';
OUTCOME_OF[T.checkedIn] = 'checked_in';
OUTCOME_OF[T.listed] = 'listed';
OUTCOME_OF[T.handedOver] = 'reused';
OUTCOME_OF[T.routed] = 'routed_to_ewaste';
OUTCOME_OF[T.collected] = null;
OUTCOME_OF[T.certified] = null;
OUTCOME_OF[T.recycled] = 'recycled';
OUTCOME_OF[T.destroyed] = 'destroyed';
const OUTCOME_INDEX = new Map(STAT_OUTCOMES.map((o, i) => [o, i]));

/**
 * The factor versions in force during [from, to) (ISO instants), oldest first: the one in force at the
 * end, then, while a version was created inside the period, the one in force just before it.
 */
export async function factorVersionsIn(reads: StoreReads, versionAt: FactorVersionAt, from: string, to: string): Promise<FactorVersion[]> {
  const out: FactorVersion[] = [await versionAt(reads, new Date(Date.parse(to) - 1).toISOString())];
  for (;;) {
    const oldest = out[0]!;
    if (oldest.createdAt <= from) break;
    const before = await versionAt(reads, new Date(Date.parse(oldest.createdAt) - 1).toISOString());
    if (before.number === oldest.number) break;
    out.unshift(before);
  }
  return out;
}

/** What one fact adds to the figures: filled by `classify`, reused for every fact (no garbage per fact). */
interface Classified {
  group: number;
  outcome: number;
  kg: number;
  credit: 'credited' | 'co2e_no_factor' | 'not_replacing' | null;
  co2eKg: number | null;
  version: number;
  days: number | null;
  ewaste: 'ewaste_collected' | 'ewaste_certified' | null;
  missingCertificate: boolean;
  weee: number;
}

/** The facts of one period, filtered and grouped. */
class Period {
  readonly groupKeys: string[];
  private readonly monthStarts: number[] = [];
  private readonly deptFilter: number;
  private readonly versionStarts: number[];
  readonly c: Classified = { group: -1, outcome: -1, kg: 0, credit: null, co2eKg: null, version: 0, days: null, ewaste: null, missingCertificate: false, weee: 0 };

  constructor(
    readonly facts: StatFacts,
    private readonly q: StatsQuery,
    readonly versions: readonly FactorVersion[],
  ) {
    this.deptFilter = q.departmentId === undefined ? -1 : facts.departmentIds.indexOf(q.departmentId);
    this.versionStarts = versions.map((v) => Date.parse(v.createdAt) / 1000);
    if (q.groupBy === 'month') {
      this.groupKeys = [];
      let [y, m] = q.from.split('-').map(Number) as [number, number];
      let day = q.from;
      while (day < q.to) {
        this.groupKeys.push(day.slice(0, 7));
        this.monthStarts.push(copenhagenMidnight(day).getTime() / 1000);
        [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
        day = `${y}-${String(m).padStart(2, '0')}-01`;
      }
    } else if (q.groupBy === 'department') {
      this.groupKeys = facts.departmentIds.slice();
    } else {
      this.groupKeys = [...CATEGORIES];
    }
  }

  /** True when there is nothing the filters could match (an administration with no facts at all). */
  get empty(): boolean {
    return this.q.departmentId !== undefined && this.deptFilter < 0;
  }

  private monthOf(at: number): number {
    const s = this.monthStarts;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private versionAt(at: number): number {
    let v = 0;
    while (v + 1 < this.versionStarts.length && this.versionStarts[v + 1]! <= at) v++;
    return v;
  }

  /** Classifies fact `i` into `this.c`; false when the filters leave it out. */
  classify(i: number): boolean {
    const f = this.facts;
    if (this.deptFilter >= 0 && f.dept[i] !== this.deptFilter) return false;
    const device: Device = f.devices[f.device[i]!]!;
    if (this.q.category !== undefined && device.category !== this.q.category) return false;
    const c = this.c;
    const type = f.type[i]!;
    const at = f.at[i]!;
    c.group = this.q.groupBy === 'month' ? this.monthOf(at) : this.q.groupBy === 'department' ? f.dept[i]! : CATEGORY_INDEX.get(device.category)!;
    const outcome = OUTCOME_OF[type];
    c.outcome = outcome ? OUTCOME_INDEX.get(outcome)! : -1;
    c.kg = device.weightKg;
    c.credit = null;
    c.co2eKg = null;
    c.days = null;
    c.ewaste = null;
    c.missingCertificate = false;
    if (type === T.handedOver) {
      if (f.cycleStart[i]! > 0) c.days = (at - f.cycleStart[i]!) / DAY_SECONDS;
      if (f.flags[i]! & REPLACES_NEW_PURCHASE) {
        c.version = this.versionAt(at);
        const factor = this.versions[c.version]!.factors[device.category];
        c.credit = factor === null || factor === undefined ? 'co2e_no_factor' : 'credited';
        c.co2eKg = factor ?? 0;
      } else {
        c.credit = 'not_replacing';
      }
    } else if (type === T.collected || type === T.certified) {
      c.ewaste = type === T.collected ? 'ewaste_collected' : 'ewaste_certified';
      c.missingCertificate = type === T.collected && device.status === 'collected';
      c.weee = weeeOf(device);
    }
    return true;
  }

  /** Whether the classified fact counts toward `figure`. */
  counts(figure: StatFigure, weee: number | undefined): boolean {
    const c = this.c;
    switch (figure) {
      case 'co2e_credited':
        return c.credit === 'credited';
      case 'co2e_no_factor':
      case 'not_replacing':
        return c.credit === figure;
      case 'ewaste_collected':
      case 'ewaste_certified':
        return c.ewaste === figure && (weee === undefined || c.weee === weee);
      case 'ewaste_missing_certificate':
        return c.missingCertificate && (weee === undefined || c.weee === weee);
      default:
        return c.outcome === OUTCOME_INDEX.get(figure);
    }
  }
}

const CATEGORY_INDEX = new Map<Category, number>(CATEGORIES.map((c, i) => [c, i]));

/** The value at rank ⌈p·n⌉ of the sorted values (nearest rank); null for none. */
export function nearestRank(sorted: Float64Array, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * A year is ~300,000 facts at 100,000 devices: the loops yield to the event loop every 16,384 (a few
 * milliseconds), so other requests are not held up. The call's fact positions and device list are its own,
 * fact columns only grow and device records are replaced, never changed: a write meanwhile changes nothing here.
 */
const SLICE_MASK = 0x3fff;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Running sums of one row. */
class RowSums {
  readonly counts = new Float64Array(STAT_OUTCOMES.length);
  readonly kg = new Float64Array(STAT_OUTCOMES.length);
  avoided = 0;
  credited = 0;
  noFactor = 0;
  notReplacing = 0;
  readonly days: number[] = [];
  /** Facts added, e-waste ones included. */
  facts = 0;

  add(c: Classified): void {
    this.facts++;
    if (c.outcome >= 0) {
      this.counts[c.outcome]! += 1;
      this.kg[c.outcome]! += c.kg;
    }
    if (c.credit === 'credited') {
      this.credited++;
      this.avoided += c.co2eKg!;
    } else if (c.credit === 'co2e_no_factor') this.noFactor++;
    else if (c.credit === 'not_replacing') this.notReplacing++;
    if (c.days !== null) this.days.push(c.days);
  }

  row(key: string): StatsRow {
    const amount = (o: StatOutcome) => {
      const i = OUTCOME_INDEX.get(o)!;
      return { count: this.counts[i]!, kg: round(this.kg[i]!, 3) };
    };
    const amounts = Object.fromEntries(STAT_OUTCOMES.map((o) => [o, amount(o)])) as StatsRow['amounts']; // why: one entry per outcome, built from the same list
    const outcomes = amounts.reused.count + amounts.recycled.count + amounts.destroyed.count;
    const outcomesKg = amounts.reused.kg + amounts.recycled.kg + amounts.destroyed.kg;
    const days = Float64Array.from(this.days).sort();
    const daysAt = (p: number) => {
      const v = nearestRank(days, p);
      return v === null ? null : round(v, 1);
    };
    return {
      key,
      amounts,
      reuseRate: {
        byCount: outcomes === 0 ? null : round(amounts.reused.count / outcomes, 4),
        byKg: outcomesKg === 0 ? null : round(amounts.reused.kg / outcomesKg, 4),
      },
      co2e: { avoidedKg: round(this.avoided, 1), credited: this.credited, noFactor: this.noFactor, notReplacing: this.notReplacing },
      daysToReuse: { n: days.length, median: daysAt(0.5), p90: daysAt(0.9) },
    };
  }
}

export interface PeriodInstants {
  from: string;
  to: string;
}

/** The instants a period of Danish days begins and ends. */
export function periodInstants(q: Pick<StatsQuery, 'from' | 'to'>): PeriodInstants {
  return { from: copenhagenMidnight(q.from).toISOString(), to: copenhagenMidnight(q.to).toISOString() };
}

async function openPeriod(store: Store, versionAt: FactorVersionAt, q: StatsQuery): Promise<Period> {
  const { from, to } = periodInstants(q);
  const [facts, versions] = await Promise.all([store.statFacts(from, to), factorVersionsIn(store, versionAt, from, to)]);
  return new Period(facts, q, versions);
}

type EwasteSums = { collected: [number, number]; certified: [number, number]; missing: [number, number] };

/** stats.summary. */
export async function statsSummary(store: Store, versionAt: FactorVersionAt, q: StatsQuery): Promise<StatsSummary> {
  const p = await openPeriod(store, versionAt, q);
  const rows = p.groupKeys.map(() => new RowSums());
  const totals = new RowSums();
  const ewaste = new Map<number, EwasteSums>(WEEE_CATEGORIES.map((w) => [w, { collected: [0, 0], certified: [0, 0], missing: [0, 0] }]));
  const creditedBy = new Array<number>(p.versions.length).fill(0);
  const noFactor = new Set<Category>();
  const c = p.c;
  if (!p.empty) {
    const positions = p.facts.rows;
    for (let k = 0; k < positions.length; k++) {
      if ((k & SLICE_MASK) === SLICE_MASK) await yieldToLoop();
      const i = positions[k]!;
      if (!p.classify(i)) continue;
      rows[c.group]!.add(c);
      totals.add(c);
      if (c.credit === 'credited') creditedBy[c.version]!++;
      else if (c.credit === 'co2e_no_factor') noFactor.add(p.facts.devices[p.facts.device[i]!]!.category);
      if (c.ewaste) {
        const e = ewaste.get(c.weee)!;
        const sum = c.ewaste === 'ewaste_collected' ? e.collected : e.certified;
        sum[0]++;
        sum[1] += c.kg;
        if (c.missingCertificate) {
          e.missing[0]++;
          e.missing[1] += c.kg;
        }
      }
    }
  }
  const measured = q.departmentId === undefined && q.category === undefined ? await measuredKg(store, periodInstants(q)) : null;
  const amount = ([count, kg]: [number, number]) => ({ count, kg: round(kg, 3) });
  const rowList = p.groupKeys
    .map((key, g) => ({ key, sums: rows[g]! }))
    // Months are all listed (a chart needs every month); administrations and categories only with events.
    .filter(({ sums }) => q.groupBy === 'month' || sums.facts > 0)
    .map(({ key, sums }) => sums.row(key));
  return {
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    totals: totals.row('total'),
    rows: q.groupBy === 'department' ? rowList.sort((a, b) => a.key.localeCompare(b.key)) : rowList,
    ewaste: WEEE_CATEGORIES.map((w) => {
      const e = ewaste.get(w)!;
      return {
        weee: String(w) as WeeeKey, // why: WEEE_KEYS are the WEEE categories as strings
        collected: amount(e.collected),
        certified: amount(e.certified),
        missingCertificate: amount(e.missing),
        measuredKg: measured === null ? null : round(measured.get(w) ?? 0, 3),
      };
    }),
    factorVersions: p.versions.map((v, i) => ({ number: v.number, source: v.source, createdAt: v.createdAt, credited: creditedBy[i]! })),
    noFactorCategories: CATEGORIES.filter((cat) => noFactor.has(cat)),
  };
}

/** kg weighed at sealing per WEEE category, of the batches collected in the period. */
async function measuredKg(store: Store, period: PeriodInstants): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  for (const b of await store.listBatches()) {
    const at = b.collection?.collectedAt;
    if (!at || at < period.from || at >= period.to || !b.seal) continue;
    for (const [weee, kg] of Object.entries(b.seal.weightsKg)) out.set(Number(weee), (out.get(Number(weee)) ?? 0) + kg);
  }
  return out;
}

export type StatsDevicesQuery = StatsQuery & { figure: StatFigure; group?: string | undefined; weee?: WeeeKey | undefined; limit: number; offset: number };

/** stats.devices: the events behind one figure, oldest first, with their device. */
export async function statsDevices(store: Store, versionAt: FactorVersionAt, q: StatsDevicesQuery): Promise<z.input<Contract['stats.devices']['output']>> {
  const p = await openPeriod(store, versionAt, q);
  const group = q.group === undefined ? -1 : p.groupKeys.indexOf(q.group);
  if (p.empty || (q.group !== undefined && group < 0)) return { total: 0, items: [] };
  const weee = q.weee === undefined ? undefined : Number(q.weee);
  const hits: number[] = [];
  const positions = p.facts.rows;
  for (let k = 0; k < positions.length; k++) {
    if ((k & SLICE_MASK) === SLICE_MASK) await yieldToLoop();
    const i = positions[k]!;
    if (p.classify(i) && (group < 0 || p.c.group === group) && p.counts(q.figure, weee)) hits.push(i);
  }
  const f = p.facts;
  const ordered = await inEventOrder(hits, f);
  const items = Array.from(ordered.subarray(q.offset, q.offset + q.limit), (i) => {
    p.classify(i);
    const device = f.devices[f.device[i]!]!;
    return {
      device,
      at: new Date(f.at[i]! * 1000).toISOString(),
      departmentId: f.departmentIds[f.dept[i]!]!,
      kg: device.weightKg,
      co2eKg: p.c.credit === 'credited' ? p.c.co2eKg : null,
    };
  });
  return { total: hits.length, items };
}

const DIGIT_BITS = 15;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/**
 * Fact positions in event order, ties in the order the facts were recorded (a device's trail order): a stable
 * radix sort on the seconds since the earliest, 15 bits a pass, yielding between passes. A comparator sort of a
 * year's ~300,000 facts held the event loop for over 100 ms, a typed-array sort for ~50; a pass takes a few.
 * Two passes cover 2^30 seconds (34 years; a period spans at most STATS_MAX_DAYS).
 */
export async function inEventOrder(hits: readonly number[], f: Pick<StatFacts, 'at'>): Promise<Uint32Array> {
  const n = hits.length;
  let first = Infinity;
  for (const i of hits) first = Math.min(first, f.at[i]!);
  // The times are read once, in slices (the fact columns are large: reading them at random is the slow part),
  // then sorted as (key, position) pairs that the passes move together.
  let keys = new Uint32Array(n);
  let positions = Uint32Array.from(hits);
  for (let k = 0; k < n; k++) {
    if ((k & SLICE_MASK) === SLICE_MASK) await yieldToLoop();
    keys[k] = f.at[positions[k]!]! - first;
  }
  let keysTo = new Uint32Array(n);
  let positionsTo = new Uint32Array(n);
  for (let shift = 0; shift < 2 * DIGIT_BITS; shift += DIGIT_BITS) {
    const starts = new Uint32Array(DIGIT_MASK + 2);
    for (let k = 0; k < n; k++) starts[((keys[k]! >>> shift) & DIGIT_MASK) + 1]!++;
    for (let d = 1; d < starts.length; d++) starts[d]! += starts[d - 1]!;
    for (let k = 0; k < n; k++) {
      if ((k & SLICE_MASK) === SLICE_MASK) await yieldToLoop();
      const to = starts[(keys[k]! >>> shift) & DIGIT_MASK]!++;
      keysTo[to] = keys[k]!;
      positionsTo[to] = positions[k]!;
    }
    [keys, keysTo] = [keysTo, keys];
    [positions, positionsTo] = [positionsTo, positions];
  }
  return positions;
}

/** One outcome event of a period, as the device-level export lists it (one row per counted event). */
export interface StatsEventRow {
  outcome: StatOutcome;
  /** The event (seconds since 1970). */
  at: number;
  /**
   * The report that began the event's cycle (seconds): a hand-over's own cycle start, a report itself, else the
   * device's latest report when it came before the event; null for an event of an earlier cycle of a device
   * reported again since (the facts keep the cycle start of hand-overs only).
   */
  reportedAt: number | null;
  departmentId: string;
  device: Device;
  kg: number;
  /** Hand-overs: whether it replaced a new purchase; null for other events. */
  replacesNewPurchase: boolean | null;
  /** kg CO2e credited: the factor for a credited hand-over, 0 for one without a factor, null otherwise. */
  co2eKg: number | null;
  /** The factor version a hand-over replacing a purchase was credited with; null otherwise. */
  factorVersion: number | null;
  /** Hand-overs: days from the cycle's report; null otherwise. */
  daysToReuse: number | null;
}

/** The outcome events of a period, in event order, read in slices so a 100,000-row export never holds them all. */
export interface StatsEventList {
  total: number;
  versions: readonly FactorVersion[];
  /** Rows [start, end) of the list. */
  slice(start: number, end: number): StatsEventRow[];
}

/**
 * Every outcome event the summary counts under "counts by event date" (the seven outcomes; collected and
 * certified are e-waste figures and not listed), filtered like the summary, oldest first: the rows with a
 * given outcome are exactly those stats.devices lists behind that figure, so the file's counts are the screen's.
 */
export async function statsEvents(store: Store, versionAt: FactorVersionAt, q: StatsQuery): Promise<StatsEventList> {
  const p = await openPeriod(store, versionAt, q);
  const f = p.facts;
  const hits: number[] = [];
  if (!p.empty) {
    const positions = f.rows;
    for (let k = 0; k < positions.length; k++) {
      if ((k & SLICE_MASK) === SLICE_MASK) await yieldToLoop();
      const i = positions[k]!;
      if (p.classify(i) && p.c.outcome >= 0) hits.push(i);
    }
  }
  const ordered = await inEventOrder(hits, f);
  const c = p.c;
  return {
    total: hits.length,
    versions: p.versions,
    slice(start, end) {
      return Array.from(ordered.subarray(start, end), (i) => {
        p.classify(i);
        const device = f.devices[f.device[i]!]!;
        const at = f.at[i]!;
        const handedOver = f.type[i] === T.handedOver;
        const latestReport = Math.floor(Date.parse(device.reportedAt) / 1000);
        const reportedAt = handedOver && f.cycleStart[i]! > 0 ? f.cycleStart[i]! : f.type[i] === T.reported ? at : latestReport <= at ? latestReport : null;
        const replacing = c.credit === 'credited' || c.credit === 'co2e_no_factor';
        return {
          outcome: STAT_OUTCOMES[c.outcome]!,
          at,
          reportedAt,
          departmentId: f.departmentIds[f.dept[i]!]!,
          device,
          kg: c.kg,
          replacesNewPurchase: handedOver ? replacing : null,
          co2eKg: replacing ? c.co2eKg : null,
          factorVersion: replacing ? p.versions[c.version]!.number : null,
          daysToReuse: c.days === null ? null : round(c.days, 1),
        };
      });
    },
  };
}
