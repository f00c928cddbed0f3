/**
 * Every figure of stats.summary on a small hand-made trail, with the expected values worked out by hand
 * (the arithmetic is in the comments), on both stores. Times are UTC; Danish time is UTC+1 until
 * 2026-03-29 and UTC+2 after.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Batch, Category, Device, NewTrailEvent } from '../../shared/schemas';
import { STAT_OUTCOMES } from '../../shared/contract';
import { seedReferenceData } from '../demo/generate';
import { FileStore } from '../store/file/file-store';
import { SqliteStore } from '../store/sqlite/sqlite-store';
import { device } from '../store/store-contract';
import type { Store } from '../store/store';
import { tempDir } from '../testing/harness';
import { inEventOrder, statsDevices, statsSummary, type FactorVersion, type FactorVersionAt, type StatsQuery } from './summary';

const NONE: Record<Category, null> = {
  laptop: null,
  desktop: null,
  workstation: null,
  thin_client: null,
  tablet: null,
  phone: null,
  server: null,
  printer_mfp: null,
  printer: null,
  network: null,
  monitor: null,
  docking_station: null,
  peripheral: null,
  other: null,
};
/** A factor edit on 15 March at noon: laptops go from 235.9 to 300 kg CO2e; docking stations never have one. */
const V1: FactorVersion = { number: 1, factors: { ...NONE, laptop: 235.9, monitor: 333.3 }, source: 'Boavizta medians', createdAt: '2025-01-01T00:00:00.000Z' };
const V2: FactorVersion = { number: 2, factors: { ...NONE, laptop: 300, monitor: 333.3 }, source: 'Edited: laptop 300', createdAt: '2026-03-15T12:00:00.000Z' };
const factorsAt: FactorVersionAt = (_reads, at) => (at >= V2.createdAt ? V2 : V1);

const A = device({ category: 'laptop', weightKg: 2, departmentId: 'dep-buf', status: 'reused' });
const B = device({ category: 'laptop', weightKg: 1.5, departmentId: 'dep-buf', status: 'reused' });
const C = device({ category: 'docking_station', weightKg: 0.6, departmentId: 'dep-buf', status: 'reused' });
const D = device({ category: 'monitor', weightKg: 5.7, departmentId: 'dep-okf', status: 'reused' });
const E = device({ category: 'desktop', weightKg: 5.3, departmentId: 'dep-buf', status: 'recycled' });
const F = device({ category: 'laptop', weightKg: 2.2, departmentId: 'dep-okf', status: 'collected' });
const G = device({ category: 'phone', weightKg: 0.2, departmentId: 'dep-buf', status: 'destroyed' });

type Body = { type: string } & Record<string, unknown>;
const ev = (d: Device, at: string, body: Body): NewTrailEvent =>
  ({ id: `e-${d.id}-${at}`, deviceId: d.id, at, actor: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' }, locationId: d.locationId, locationName: 'Hylde A-01', ...body }) as NewTrailEvent; // why: each body is one TrailEvent variant's own fields
const reported = (d: Device, at: string, departmentId: string) => ev(d, at, { type: 'reported', departmentId });
const handedOver = (d: Device, at: string, from: string, to: string, replacesNewPurchase: boolean) =>
  ev(d, at, { type: 'handed_over', reservationId: 'r', fromDepartmentId: from, toDepartmentId: to, replacesNewPurchase });

const TRAILS: NewTrailEvent[][] = [
  [
    // A, cycle 1 at BUF: reported 5 Jan 10:00, handed over 31 Jan 22:30 UTC = 23:30 Danish time on the last day of January.
    reported(A, '2026-01-05T10:00:00.000Z', 'dep-buf'),
    ev(A, '2026-01-06T10:00:00.000Z', { type: 'checked_in', condition: 'A' }),
    ev(A, '2026-01-07T10:00:00.000Z', { type: 'listed' }),
    handedOver(A, '2026-01-31T22:30:00.000Z', 'dep-buf', 'dep-suf', true),
    // A, cycle 2 (reported again by SUF, its owner now): 2 March 09:00 → handed over 20 March 09:00, after the factor edit.
    reported(A, '2026-03-02T09:00:00.000Z', 'dep-suf'),
    ev(A, '2026-03-03T10:00:00.000Z', { type: 'checked_in', condition: 'B' }),
    ev(A, '2026-03-04T10:00:00.000Z', { type: 'listed' }),
    ev(A, '2026-03-05T10:00:00.000Z', { type: 'note_added', note: 'not a figure' }),
    handedOver(A, '2026-03-20T09:00:00.000Z', 'dep-suf', 'dep-okf', true),
  ],
  // B: handed over 28 Feb 23:30 UTC = 00:30 on 1 March in Denmark: a March hand-over.
  [reported(B, '2026-01-10T09:00:00.000Z', 'dep-buf'), handedOver(B, '2026-02-28T23:30:00.000Z', 'dep-buf', 'dep-suf', true)],
  // C: a docking station (no factor) replacing a purchase. D: a monitor not replacing one.
  [reported(C, '2026-02-02T10:00:00.000Z', 'dep-buf'), handedOver(C, '2026-02-10T10:00:00.000Z', 'dep-buf', 'dep-suf', true)],
  [reported(D, '2026-02-01T10:00:00.000Z', 'dep-okf'), handedOver(D, '2026-02-12T10:00:00.000Z', 'dep-okf', 'dep-suf', false)],
  // E (WEEE 6): recycled. F (WEEE 2): collected, still no certificate. G (WEEE 6): destroyed.
  [
    reported(E, '2026-01-03T10:00:00.000Z', 'dep-buf'),
    ev(E, '2026-01-20T10:00:00.000Z', { type: 'routed_to_ewaste', reason: 'defective' }),
    ev(E, '2026-02-05T10:00:00.000Z', { type: 'collected', batchId: 'b1', batchNumber: 'AP-000001', recyclerName: 'R', recyclerCvr: '1', waybill: 'W', date: '2026-02-05' }),
    ev(E, '2026-02-20T10:00:00.000Z', { type: 'certified', batchId: 'b1', batchNumber: 'AP-000001', certificateNo: 'C1', certificateKind: 'recycling', recyclerName: 'R', recyclerCvr: '1' }),
    ev(E, '2026-02-20T10:00:00.000Z', { type: 'recycled', batchId: 'b1', certificateNo: 'C1' }),
  ],
  [
    reported(F, '2026-01-04T10:00:00.000Z', 'dep-okf'),
    ev(F, '2026-01-21T10:00:00.000Z', { type: 'routed_to_ewaste', reason: 'obsolete' }),
    ev(F, '2026-02-05T10:00:00.000Z', { type: 'collected', batchId: 'b1', batchNumber: 'AP-000001', recyclerName: 'R', recyclerCvr: '1', waybill: 'W', date: '2026-02-05' }),
  ],
  [
    reported(G, '2026-02-03T10:00:00.000Z', 'dep-buf'),
    ev(G, '2026-02-04T10:00:00.000Z', { type: 'routed_to_ewaste', reason: 'defective' }),
    ev(G, '2026-02-05T10:00:00.000Z', { type: 'collected', batchId: 'b1', batchNumber: 'AP-000001', recyclerName: 'R', recyclerCvr: '1', waybill: 'W', date: '2026-02-05' }),
    ev(G, '2026-02-25T10:00:00.000Z', { type: 'certified', batchId: 'b1', batchNumber: 'AP-000001', certificateNo: 'C2', certificateKind: 'destruction', recyclerName: 'R', recyclerCvr: '1' }),
    ev(G, '2026-02-25T10:00:00.000Z', { type: 'destroyed', batchId: 'b1', certificateNo: 'C2' }),
  ],
];

const who = { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' as const };
/** The batch the e-waste went in, weighed at sealing: 2.4 kg of WEEE 2 and 5.8 kg of WEEE 6 (declared 2.2 and 5.5). */
const BATCH: Batch = {
  id: 'b1',
  number: 'AP-000001',
  containerType: 'cage',
  certifiedDestruction: false,
  status: 'collected',
  deviceCount: 3,
  declaredKg: 7.7,
  createdAt: '2026-02-01T10:00:00.000Z',
  createdBy: who,
  seal: { sealId: 'S1', weightsKg: { '2': 2.4, '6': 5.8 }, sealedAt: '2026-02-04T10:00:00.000Z', sealedBy: who },
  collection: {
    recyclerId: 'rec-1',
    recyclerName: 'R',
    recyclerCvr: '1',
    certification: { scheme: 'WEEELABEX', number: 'W1', validUntil: '2027-01-01' },
    waybill: 'W',
    date: '2026-02-05',
    collectedAt: '2026-02-05T10:00:00.000Z',
    collectedBy: who,
  },
  certificates: [],
  updatedAt: '2026-02-25T10:00:00.000Z',
};

const zero = { count: 0, kg: 0 };
const amounts = (over: Partial<Record<(typeof STAT_OUTCOMES)[number], { count: number; kg: number }>>) => ({
  ...Object.fromEntries(STAT_OUTCOMES.map((o) => [o, zero])),
  ...over,
});
const Q1: StatsQuery = { from: '2026-01-01', to: '2026-04-01', groupBy: 'month' };

describe.each([
  ['file store', (dir: string) => FileStore.open(dir, { log: () => {} })],
  ['SQLite store', (dir: string) => SqliteStore.open(dir)],
])('statistics on %s', (_name, open: (dir: string) => Promise<Store>) => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = tempDir();
    store = await open(dir);
    await seedReferenceData(store);
    for (const trail of TRAILS) {
      await store.transaction(async (tx) => {
        const d = [A, B, C, D, E, F, G].find((x) => x.id === trail[0]!.deviceId)!;
        tx.putDevice(d);
        for (const e of trail) await tx.appendEvent(e);
      });
    }
    await store.transaction(async (tx) => tx.putBatch(BATCH));
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts by month in Danish time, with reuse rate, CO2e by the factor version at each hand-over, and days to reuse', async () => {
    const s = await statsSummary(store, factorsAt, Q1);
    expect(s.rows.map((r) => r.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    const [jan, feb, mar] = s.rows;
    // January: reported A E F B (2 + 5.3 + 2.2 + 1.5 = 11 kg); A checked in, listed and handed over (23:30 on the 31st);
    // E and F routed to e-waste (7.5 kg). Rate 1 ÷ (1 + 0 + 0). A credited with laptop v1 = 235.9. Days: 5 Jan 10:00 → 31 Jan 22:30 = 26.52.
    expect(jan).toEqual({
      key: '2026-01',
      amounts: amounts({
        reported: { count: 4, kg: 11 },
        checked_in: { count: 1, kg: 2 },
        listed: { count: 1, kg: 2 },
        reused: { count: 1, kg: 2 },
        routed_to_ewaste: { count: 2, kg: 7.5 },
      }),
      reuseRate: { byCount: 1, byKg: 1 },
      co2e: { avoidedKg: 235.9, credited: 1, noFactor: 0, notReplacing: 0 },
      daysToReuse: { n: 1, median: 26.5, p90: 26.5 },
    });
    // February: reported D C G (5.7 + 0.6 + 0.2 = 6.5); handed over C and D (6.3 kg; B's is in March); G routed (0.2);
    // E recycled (5.3), G destroyed (0.2). Rate 2 ÷ 4 = 0.5; by kg 6.3 ÷ 11.8 = 0.53390 → 0.5339.
    // C: docking station, no factor (credited 0); D: not replacing a purchase. Days 8 and 11: nearest rank ⌈0.5·2⌉ = 1st → 8, ⌈0.9·2⌉ = 2nd → 11.
    expect(feb).toEqual({
      key: '2026-02',
      amounts: amounts({
        reported: { count: 3, kg: 6.5 },
        reused: { count: 2, kg: 6.3 },
        routed_to_ewaste: { count: 1, kg: 0.2 },
        recycled: { count: 1, kg: 5.3 },
        destroyed: { count: 1, kg: 0.2 },
      }),
      reuseRate: { byCount: 0.5, byKg: 0.5339 },
      co2e: { avoidedKg: 0, credited: 0, noFactor: 1, notReplacing: 1 },
      daysToReuse: { n: 2, median: 8, p90: 11 },
    });
    // March: A's second cycle (reported, checked in, listed, handed over 20 March after the edit: 300), B at 00:30 on
    // 1 March (v1: 235.9): 535.9 kg. Days: B 10 Jan 09:00 → 28 Feb 23:30 = 49.60; A 2 → 20 March = 18.
    expect(mar).toEqual({
      key: '2026-03',
      amounts: amounts({
        reported: { count: 1, kg: 2 },
        checked_in: { count: 1, kg: 2 },
        listed: { count: 1, kg: 2 },
        reused: { count: 2, kg: 3.5 },
      }),
      reuseRate: { byCount: 1, byKg: 1 },
      co2e: { avoidedKg: 535.9, credited: 2, noFactor: 0, notReplacing: 0 },
      daysToReuse: { n: 2, median: 18, p90: 49.6 },
    });
    // Totals: reused 5 (A twice), 11.8 kg; rate 5 ÷ 7 = 0.71429; by kg 11.8 ÷ (11.8 + 5.3 + 0.2) = 0.68208.
    // Days sorted 8, 11, 18, 26.5, 49.6: median rank ⌈2.5⌉ = 3 → 18; p90 rank ⌈4.5⌉ = 5 → 49.6.
    expect(s.totals).toEqual({
      key: 'total',
      amounts: amounts({
        reported: { count: 8, kg: 19.5 },
        checked_in: { count: 2, kg: 4 },
        listed: { count: 2, kg: 4 },
        reused: { count: 5, kg: 11.8 },
        routed_to_ewaste: { count: 3, kg: 7.7 },
        recycled: { count: 1, kg: 5.3 },
        destroyed: { count: 1, kg: 0.2 },
      }),
      reuseRate: { byCount: 0.7143, byKg: 0.6821 },
      co2e: { avoidedKg: 771.8, credited: 3, noFactor: 1, notReplacing: 1 },
      daysToReuse: { n: 5, median: 18, p90: 49.6 },
    });
    expect(s.factorVersions).toEqual([
      { number: 1, source: 'Boavizta medians', createdAt: V1.createdAt, credited: 2 },
      { number: 2, source: 'Edited: laptop 300', createdAt: V2.createdAt, credited: 1 },
    ]);
    expect(s.noFactorCategories).toEqual(['docking_station']);
    // E-waste per WEEE category: F (2.2 kg, WEEE 2) collected and not certified; E and G (5.5 kg, WEEE 6) collected and certified.
    expect(s.ewaste).toEqual([
      { weee: '2', collected: { count: 1, kg: 2.2 }, certified: zero, missingCertificate: { count: 1, kg: 2.2 }, measuredKg: 2.4 },
      { weee: '4', collected: zero, certified: zero, missingCertificate: zero, measuredKg: 0 },
      { weee: '5', collected: zero, certified: zero, missingCertificate: zero, measuredKg: 0 },
      { weee: '6', collected: { count: 2, kg: 5.5 }, certified: { count: 2, kg: 5.5 }, missingCertificate: zero, measuredKg: 5.8 },
    ]);
  });

  it('shows no rate (null, "–" on screen) for a period without outcomes, and only the version in force', async () => {
    const s = await statsSummary(store, factorsAt, { from: '2026-04-01', to: '2026-05-01', groupBy: 'month' });
    expect(s.totals).toEqual({
      key: 'total',
      amounts: amounts({}),
      reuseRate: { byCount: null, byKg: null },
      co2e: { avoidedKg: 0, credited: 0, noFactor: 0, notReplacing: 0 },
      daysToReuse: { n: 0, median: null, p90: null },
    });
    expect(s.rows.map((r) => [r.key, r.reuseRate.byCount])).toEqual([['2026-04', null]]);
    expect(s.factorVersions.map((v) => v.number)).toEqual([2]);
  });

  it('groups by the administration that owned the device at each event (for a hand-over, the giving one)', async () => {
    const s = await statsSummary(store, factorsAt, { ...Q1, groupBy: 'department' });
    const by = Object.fromEntries(s.rows.map((r) => [r.key, r]));
    expect(Object.keys(by)).toEqual(['dep-buf', 'dep-okf', 'dep-suf']);
    // BUF reported A(1st cycle) B C E G = 2 + 1.5 + 0.6 + 5.3 + 0.2; gave away A, B, C.
    expect(by['dep-buf']!.amounts.reported).toEqual({ count: 5, kg: 9.6 });
    expect(by['dep-buf']!.amounts.reused).toEqual({ count: 3, kg: 4.1 });
    expect(by['dep-buf']!.co2e).toEqual({ avoidedKg: 471.8, credited: 2, noFactor: 1, notReplacing: 0 });
    // SUF received A in January; A's second cycle (report, check-in, listing, hand-over) is SUF's.
    expect(by['dep-suf']!.amounts).toEqual(amounts({ reported: { count: 1, kg: 2 }, checked_in: { count: 1, kg: 2 }, listed: { count: 1, kg: 2 }, reused: { count: 1, kg: 2 } }));
    expect(by['dep-suf']!.co2e.avoidedKg).toBe(300);
    expect(by['dep-okf']!.amounts.reused).toEqual({ count: 1, kg: 5.7 });
    const suf = await statsSummary(store, factorsAt, { ...Q1, departmentId: 'dep-suf' });
    expect({ ...suf.totals, key: 'dep-suf' }).toEqual(by['dep-suf']!);
    // A filtered summary cannot split a batch's weighed kg by administration.
    expect(suf.ewaste.every((e) => e.measuredKg === null)).toBe(true);
  });

  it('lists the devices behind each figure, and their number is the figure', async () => {
    const s = await statsSummary(store, factorsAt, Q1);
    for (const row of s.rows) {
      for (const o of STAT_OUTCOMES) {
        const page = await statsDevices(store, factorsAt, { ...Q1, figure: o, group: row.key, limit: 500, offset: 0 });
        expect([row.key, o, page.total]).toEqual([row.key, o, row.amounts[o].count]);
        expect(page.items.reduce((kg, x) => kg + x.kg, 0)).toBeCloseTo(row.amounts[o].kg, 6);
      }
    }
    const reusedInMarch = await statsDevices(store, factorsAt, { ...Q1, figure: 'reused', group: '2026-03', limit: 500, offset: 0 });
    expect(reusedInMarch.items.map((x) => [x.device.id, x.at, x.departmentId, x.co2eKg])).toEqual([
      [B.id, '2026-02-28T23:30:00.000Z', 'dep-buf', 235.9],
      [A.id, '2026-03-20T09:00:00.000Z', 'dep-suf', 300],
    ]);
    const reused = await statsDevices(store, factorsAt, { ...Q1, figure: 'reused', limit: 2, offset: 2 });
    expect(reused.total).toBe(5);
    expect(reused.items.map((x) => x.device.id)).toEqual([D.id, B.id]); // 31 Jan A, 10 Feb C, 12 Feb D, 28 Feb B, 20 Mar A: the third and fourth
    const ids = async (figure: Parameters<typeof statsDevices>[2]['figure'], weee?: '2' | '6') =>
      (await statsDevices(store, factorsAt, { ...Q1, figure, weee, limit: 500, offset: 0 })).items.map((x) => x.device.id);
    expect(await ids('co2e_credited')).toEqual([A.id, B.id, A.id]);
    expect(await ids('co2e_no_factor')).toEqual([C.id]);
    expect(await ids('not_replacing')).toEqual([D.id]);
    expect(await ids('ewaste_missing_certificate', '2')).toEqual([F.id]);
    expect(await ids('ewaste_missing_certificate', '6')).toEqual([]);
    expect((await ids('ewaste_collected', '6')).sort()).toEqual([E.id, G.id].sort());
    expect(await ids('ewaste_certified')).toEqual([E.id, G.id]);
  });
});

describe('inEventOrder', () => {
  it('orders facts by time, ties in the order they were recorded, across days, months and years', async () => {
    // Seconds: positions 0…5 at 1,000,000,000 + these offsets; 2 and 4 tie, 1 is a year later (past the first 15-bit digit).
    const offsets = [86_400, 31_536_000, 60, 0, 60, 32_768];
    const at = Uint32Array.from(offsets, (o) => 1_000_000_000 + o);
    expect(Array.from(await inEventOrder([0, 1, 2, 3, 4, 5], { at }))).toEqual([3, 2, 4, 5, 0, 1]);
    // Only the positions asked for, in the order asked for when they tie.
    expect(Array.from(await inEventOrder([4, 2, 1], { at }))).toEqual([4, 2, 1]);
    expect(Array.from(await inEventOrder([], { at }))).toEqual([]);
  });
});
