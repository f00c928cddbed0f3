/**
 * The store contract suite: what every Store implementation must do, written once against the
 * interface. Each implementation runs it with its own factory (file-store.test.ts, sqlite-store.test.ts;
 * the PostgreSQL store of shared mode will run it too).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_EMISSION_FACTORS } from '../../shared/emission-factors';
import type { Batch, Device, NewTrailEvent } from '../../shared/schemas';
import { seedReferenceData } from '../demo/generate';
import type { DeviceQuery, Store } from './store';
import { matchesMarketFilter, type MarketFilter } from '../../shared/market-filter';
import { WIPE } from '../testing/fixtures';
import { FACT_TYPES, REPLACES_NEW_PURCHASE } from '../stats/facts';
import type { Notification, WantedRequest } from '../../shared/wanted';

export interface StoreFactory {
  /** Opens (or reopens) the store kept in `dir`. */
  open(dir: string): Promise<Store>;
}

let n = 0;
/** A laptop in stock with a fresh id and asset tag; `over` changes any field. Also used by the file store's own tests. */
export function device(over: Partial<Device> = {}): Device {
  n++;
  return {
    id: `d-${n}`,
    assetTag: `KK-${String(900000 + n).padStart(7, '0')}`,
    category: 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad T14',
    serial: `SER${n}`,
    specs: { cpu: 'Intel Core i5', ramGb: 16 },
    dataBearing: true,
    departmentId: 'dep-buf',
    locationId: 'loc-shelf-A1',
    status: 'in_stock',
    weightKg: 1.6,
    reportedAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    trailLength: 0,
    ...over,
  };
}

/** A new trail event for `d` (a note unless told otherwise). */
export function event(d: Device, type: 'note_added' | 'handed_over' = 'note_added', at = '2026-01-02T10:00:00.000Z'): NewTrailEvent {
  const base = {
    id: `e-${Math.random().toString(36).slice(2)}`,
    deviceId: d.id,
    at,
    actor: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' as const },
    locationId: d.locationId,
    locationName: 'Hylde A-01',
  };
  return type === 'note_added'
    ? { ...base, type, note: 'x' }
    : { ...base, type, reservationId: 'r', fromDepartmentId: 'dep-buf', toDepartmentId: 'dep-suf', replacesNewPurchase: true };
}

/** An open batch with `over` changed; each call a fresh id. */
export function batch(over: Partial<Batch> = {}): Batch {
  n++;
  return {
    id: `b-${n}`,
    number: `AP-${String(n).padStart(6, '0')}`,
    containerType: 'pallet',
    certifiedDestruction: false,
    status: 'open',
    deviceCount: 0,
    declaredKg: 0,
    createdAt: '2026-11-01T08:00:00.000Z',
    createdBy: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' },
    certificates: [],
    updatedAt: '2026-11-01T08:00:00.000Z',
    ...over,
  };
}

/** A small PDF (the bytes only matter for their hash). */
const PDF_BYTES = new Uint8Array(Buffer.from('%PDF-1.7\n%%EOF\n'));

/** An open wanted request of BUF for one device, with a fresh id; `over` changes any field. */
export function wantedRequest(over: Partial<WantedRequest> = {}): WantedRequest {
  n++;
  return {
    id: `w-${String(n).padStart(4, '0')}`,
    departmentId: 'dep-buf',
    filter: {},
    quantity: 1,
    endsOn: '2026-12-31',
    status: 'open',
    createdBy: { id: 'user-contact-buf', name: 'Kontakt', role: 'department_contact', departmentId: 'dep-buf' },
    createdAt: '2026-11-01T08:00:00.000Z',
    reservedDeviceIds: [],
    ...over,
  };
}

/** An unread notification with a fresh id; `over` changes any field. */
export function notification(over: Partial<Notification> = {}): Notification {
  n++;
  return {
    id: `n-${String(n).padStart(4, '0')}`,
    userId: 'u-1',
    kind: 'wanted_match',
    deviceId: 'd-1',
    assetTag: 'KK-0000001',
    title: 'Lenovo ThinkPad T14',
    requestId: 'w-1',
    createdAt: '2026-11-01T08:00:00.000Z',
    ...over,
  };
}

export function describeStoreContract(name: string, factory: StoreFactory): void {
  describe(`store contract: ${name}`, () => {
    let dir: string;
    let store: Store;

    beforeEach(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-contract-'));
      store = await factory.open(dir);
      // The demo's own audit entries (written by the system as it seeds) are dated before every entry a test writes.
      await seedReferenceData(store, { now: () => new Date('2026-01-01T00:00:00.000Z') });
    });

    afterEach(async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    async function reopen(): Promise<void> {
      await store.close();
      store = await factory.open(dir);
    }

    it('keeps committed writes across a reopen', async () => {
      const d = device({ sanitizationId: 'san-1' });
      const sanitization = {
        id: 'san-1',
        deviceId: d.id,
        ...WIPE,
        operator: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' as const },
        performedAt: '2026-01-02T09:00:00.000Z',
      };
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        tx.putSanitization(sanitization);
        await tx.appendEvent(event(d));
      });
      expect(await store.getSanitization('san-1')).toEqual(sanitization);
      await reopen();
      expect(await store.getSanitization('san-1')).toEqual(sanitization);
      expect(await store.getSanitization('san-2')).toBeUndefined();
      await store.transaction(async (tx) => tx.putDevice({ ...d, status: 'listed' }));
      await reopen();
      expect(await store.getSanitization('san-1')).toEqual(sanitization);
      expect(await store.getDevice(d.id)).toMatchObject({ id: d.id, assetTag: d.assetTag, trailLength: 1, status: 'listed' });
      expect(await store.getDeviceByTag(d.assetTag)).toMatchObject({ id: d.id });
      expect((await store.listUsers()).length).toBeGreaterThan(10);
      expect((await store.getLocation('loc-shelf-A1'))?.name).toBe('Hylde A-01');
    });

    it('saves nothing of a transaction that throws', async () => {
      const d = device();
      await expect(
        store.transaction(async (tx) => {
          tx.putDevice(d);
          await tx.appendEvent(event(d));
          throw new Error('refused half-way');
        }),
      ).rejects.toThrow('refused half-way');
      expect(await store.getDevice(d.id)).toBeUndefined();
      expect(await store.trail(d.id)).toEqual([]);
      await reopen();
      expect(await store.getDevice(d.id)).toBeUndefined();
    });

    it('sees its own writes inside a transaction', async () => {
      const d = device();
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        expect(await tx.getDevice(d.id)).toMatchObject({ id: d.id });
        expect(await tx.getDeviceByTag(d.assetTag)).toMatchObject({ id: d.id });
      });
    });

    it('numbers trail events 1, 2, 3 per device and chains their hashes', async () => {
      const a = device();
      const b = device();
      await store.transaction(async (tx) => {
        tx.putDevice(a);
        tx.putDevice(b);
        await tx.appendEvent(event(a));
        await tx.appendEvent(event(b));
        await tx.appendEvent(event(a));
      });
      await store.transaction(async (tx) => {
        await tx.appendEvent(event(a));
      });
      const trail = await store.trail(a.id);
      expect(trail.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(trail[1]!.prevHash).toBe(trail[0]!.hash);
      expect(trail[2]!.prevHash).toBe(trail[1]!.hash);
      expect((await store.getDevice(a.id))?.trailLength).toBe(3);
      expect((await store.trail(b.id)).map((e) => e.seq)).toEqual([1]);
      expect(await store.verifyTrails()).toEqual([]);
      await reopen();
      expect((await store.trail(a.id)).map((e) => e.hash)).toEqual(trail.map((e) => e.hash));
      expect(await store.verifyTrails()).toEqual([]);
    });

    it('runs transactions one at a time (a read-then-write rule holds under concurrency)', async () => {
      const d = device({ status: 'listed' });
      await store.transaction(async (tx) => tx.putDevice(d));
      const attempt = () =>
        store.transaction(async (tx) => {
          const cur = await tx.getDevice(d.id);
          await new Promise((r) => setTimeout(r, 5));
          if (cur?.status !== 'listed') throw new Error('taken');
          tx.putDevice({ ...cur, status: 'reserved' });
          return 'won';
        });
      const results = await Promise.allSettled([attempt(), attempt(), attempt()]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('finds devices by text, category, status and department, sorted and paged', async () => {
      await store.transaction(async (tx) => {
        tx.putDevice(device({ id: 's1', model: 'Latitude 5420', manufacturer: 'Dell', category: 'laptop', status: 'listed', updatedAt: '2026-03-01T00:00:00.000Z' }));
        tx.putDevice(device({ id: 's2', model: 'Latitude 7490', manufacturer: 'Dell', category: 'laptop', status: 'listed', updatedAt: '2026-03-03T00:00:00.000Z' }));
        tx.putDevice(device({ id: 's3', model: 'P2422H', manufacturer: 'Dell', category: 'monitor', status: 'listed', updatedAt: '2026-03-02T00:00:00.000Z' }));
        tx.putDevice(device({ id: 's4', model: 'Latitude 5420', manufacturer: 'Dell', category: 'laptop', status: 'in_stock', departmentId: 'dep-suf', locationId: 'loc-shelf-B2' }));
      });
      const q = { sort: 'updated_desc' as const, limit: 10, offset: 0 };
      expect((await store.searchDevices({ ...q, text: 'dell latitude', status: 'listed' })).items.map((d) => d.id)).toEqual(['s2', 's1']);
      expect((await store.searchDevices({ ...q, category: 'monitor' })).items.map((d) => d.id)).toEqual(['s3']);
      expect((await store.searchDevices({ ...q, departmentId: 'dep-suf' })).items.map((d) => d.id)).toEqual(['s4']);
      expect((await store.searchDevices({ ...q, locationId: 'loc-shelf-B2' })).items.map((d) => d.id)).toEqual(['s4']);
      const page = await store.searchDevices({ ...q, status: 'listed', limit: 1, offset: 1 });
      expect(page).toMatchObject({ total: 3 });
      expect(page.items.map((d) => d.id)).toEqual(['s3']);
      expect((await store.searchDevices({ ...q, text: '100%_' })).total).toBe(0);
    });

    it('finds devices by their exact serial number, ignoring case and spaces, not by a part of it', async () => {
      await store.transaction(async (tx) => {
        tx.putDevice(device({ id: 'n1', serial: 'PF3ABC12' }));
        tx.putDevice(device({ id: 'n2', serial: 'PF3ABC123' }));
      });
      const q = { sort: 'model_asc' as const, limit: 10, offset: 0 };
      expect((await store.searchDevices({ ...q, serial: ' pf3abc12 ' })).items.map((d) => d.id)).toEqual(['n1']);
      expect((await store.searchDevices({ ...q, serial: 'PF3ABC' })).total).toBe(0);
    });

    // ---- marketplace filters, sorts and facets (issue 11): the SQL answers as the shared predicate does ----
    describe('marketplace filters', () => {
      const offer = (id: string, over: Partial<Device>) =>
        device({ id, status: 'listed', updatedAt: `2026-03-${id.slice(1).padStart(2, '0')}T00:00:00.000Z`, ...over });
      const listed = [
        offer('m1', { category: 'laptop', condition: 'A', specs: { ramGb: 8, storageGb: 256, screenInch: 14 }, year: 2019, sanitizationId: 's-1' }),
        offer('m2', { category: 'laptop', condition: 'B', specs: { ramGb: 16, storageGb: 512, screenInch: 15.6 }, year: 2021, departmentId: 'dep-suf' }),
        offer('m3', { category: 'laptop', condition: 'A', specs: { ramGb: 32, storageGb: 1000, screenInch: 13.3 }, year: 2023, sanitizationId: 's-3', availableFrom: '2026-12-01' }),
        offer('m4', { category: 'monitor', condition: 'C', dataBearing: false, specs: { screenInch: 27 }, year: 2018, departmentId: 'dep-suf' }),
        offer('m5', { category: 'desktop', specs: {}, departmentId: 'dep-okf' }),
        offer('m6', { category: 'laptop', condition: 'D', specs: { ramGb: 4, storageGb: 128, screenInch: 14 }, year: 2016, sanitizationId: 's-6' }),
      ];
      const hidden = device({ id: 'm7', status: 'in_stock', specs: { ramGb: 64 }, year: 2025 });
      const q = { status: 'listed' as const, sort: 'updated_desc' as const, limit: 50, offset: 0 };
      const expectedIds = (f: MarketFilter) => listed.filter((d) => matchesMarketFilter(d, f)).map((d) => d.id).sort();

      beforeEach(async () => {
        await store.transaction(async (tx) => [...listed, hidden].forEach((d) => tx.putDevice(d)));
      });

      it.each<[string, MarketFilter]>([
        ['category', { category: 'laptop' }],
        ['administration', { departmentId: 'dep-suf' }],
        ['condition grades', { conditions: ['A', 'C'] }],
        ['RAM at least', { ramMinGb: 16 }],
        ['storage at least', { storageMinGb: 512 }],
        ['screen from', { screenMinInch: 14 }],
        ['screen range', { screenMinInch: 14, screenMaxInch: 15.99 }],
        ['year at least', { yearMin: 2019 }],
        ['wiped', { wiped: true }],
        ['carries no data', { wiped: false }],
        ['available by', { availableBy: '2026-11-30' }],
        ['several at once', { category: 'laptop', ramMinGb: 8, screenMaxInch: 14, conditions: ['A', 'D'] }],
      ])('filters by %s as matchesMarketFilter does', async (_, filter) => {
        const r = await store.searchDevices({ ...q, filter });
        expect(r.items.map((d) => d.id).sort()).toEqual(expectedIds(filter));
        expect(r.total).toBe(expectedIds(filter).length);
        expect(r.total).toBeGreaterThan(0);
        expect(r.total).toBeLessThan(listed.length);
      });

      it('sorts by newest, model, year and RAM, and pages', async () => {
        const ids = async (sort: DeviceQuery['sort'], limit = 50, offset = 0) =>
          (await store.searchDevices({ ...q, sort, limit, offset })).items.map((d) => d.id);
        expect(await ids('updated_desc')).toEqual(['m6', 'm5', 'm4', 'm3', 'm2', 'm1']);
        expect(await ids('year_desc')).toEqual(['m3', 'm2', 'm1', 'm4', 'm6', 'm5']);
        // Unknown RAM last; equal RAM by id.
        expect(await ids('ram_desc')).toEqual(['m3', 'm2', 'm1', 'm6', 'm4', 'm5']);
        expect(await ids('ram_desc', 2, 2)).toEqual(['m1', 'm6']);
        expect((await ids('model_asc')).slice(0, 1)).toEqual(['m1']);
      });

      // bench:server (wt-pgbench): the PostgreSQL store counts the total apart from the page (and with the facets)
      it('says how many match on a page and past the last page, with and without facets', async () => {
        const filter: MarketFilter = { category: 'laptop' };
        for (const facets of [false, true]) {
          const second = await store.searchDevices({ ...q, filter, facets, limit: 3, offset: 3 });
          expect(second.items.map((d) => d.id)).toEqual(['m1']);
          expect(second.total).toBe(4);
          const past = await store.searchDevices({ ...q, filter, facets, limit: 3, offset: 9 });
          expect(past.items).toEqual([]);
          expect(past.total).toBe(4);
          expect((await store.searchDevices({ ...q, text: 'nothing-like-this', facets })).total).toBe(0);
        }
      });

      it('counts each facet with every other filter applied', async () => {
        const filter: MarketFilter = { category: 'laptop', ramMinGb: 8 };
        const r = await store.searchDevices({ ...q, filter, facets: true });
        expect(r.total).toBe(3);
        const facets = r.facets!;
        // Category counts ignore the category choice, but keep RAM >= 8: the monitor and desktop have no RAM.
        expect(facets.category.filter((c) => c.count > 0)).toEqual([{ value: 'laptop', count: 3 }]);
        // RAM counts ignore RAM but keep "laptop": 4 laptops have >= 4 GB.
        expect(facets.ramMinGb).toEqual([
          { value: 4, count: 4 },
          { value: 8, count: 3 },
          { value: 16, count: 2 },
          { value: 32, count: 1 },
        ]);
        expect(facets.departmentId).toEqual([
          { value: 'dep-buf', count: 2 },
          { value: 'dep-suf', count: 1 },
        ]);
        expect(facets.condition.filter((c) => c.count > 0)).toEqual([
          { value: 'A', count: 2 },
          { value: 'B', count: 1 },
        ]);
        expect(facets.screen.map((s) => s.count)).toEqual([1, 2, 0, 0, 0]);
        expect(facets.wiped).toEqual([
          { value: true, count: 2 },
          { value: false, count: 0 },
        ]);
        expect(facets.yearMin.map((y) => y.count)).toEqual([3, 3, 2, 1, 0]);
        // Without facets asked for, none are counted.
        expect((await store.searchDevices({ ...q, filter })).facets).toBeUndefined();
      });

      // Perf work (wt-perf): the file store keeps per-device search data between searches; it must follow writes.
      it('filters and counts a device by what it is now, after it changed between searches', async () => {
        const filter: MarketFilter = { ramMinGb: 16 };
        const before = await store.searchDevices({ ...q, filter, facets: true });
        expect(before.items.map((d) => d.id)).toEqual(['m3', 'm2']);
        expect(before.facets!.ramMinGb.map((b) => b.count)).toEqual([4, 3, 2, 1]);
        // m1 gets 16 GB and is the newest; m2 goes back to stock with 32 GB.
        await store.transaction(async (tx) => {
          tx.putDevice({ ...listed[0]!, specs: { ...listed[0]!.specs, ramGb: 16 }, updatedAt: '2026-04-01T00:00:00.000Z' });
          tx.putDevice({ ...listed[1]!, status: 'in_stock', specs: { ...listed[1]!.specs, ramGb: 32 }, updatedAt: '2026-04-01T00:00:00.000Z' });
        });
        // In its new state (searched first) it is found by the same filter, beside the device that was there all along.
        const inStock = await store.searchDevices({ ...q, status: 'in_stock', filter, facets: true });
        expect(inStock.items.map((d) => d.id).sort()).toEqual(['m2', 'm7']);
        expect(inStock.facets!.ramMinGb.map((b) => b.count)).toEqual([2, 2, 2, 2]);
        const after = await store.searchDevices({ ...q, filter, facets: true });
        expect(after.items.map((d) => d.id)).toEqual(['m1', 'm3']);
        expect(after.total).toBe(2);
        expect(after.facets!.ramMinGb.map((b) => b.count)).toEqual([3, 2, 2, 1]);
        expect(after.facets!.departmentId).toEqual([{ value: 'dep-buf', count: 2 }]);
      });

      // bench:server (issue 13, wt-srv): the PostgreSQL store keeps each query's counts between searches; a write
      // from any desk must show in the next search's total and facets, and a rolled-back one never.
      it('counts a write at once in the total and facets of a search counted before it, with and without text; a rolled-back write never', async () => {
        const text = { ...q, text: 'thinkpad', facets: true };
        const laptops = async (over: Partial<DeviceQuery> = {}) => {
          const r = await store.searchDevices({ ...q, facets: true, ...over });
          return { total: r.total, laptops: r.facets!.category.find((c) => c.value === 'laptop')!.count, wiped: r.facets!.wiped[0]!.count };
        };
        expect(await laptops()).toEqual({ total: 6, laptops: 4, wiped: 3 });
        expect(await laptops(text)).toEqual({ total: 6, laptops: 4, wiped: 3 });
        expect((await store.searchDevices({ ...q, filter: { category: 'laptop' } })).total).toBe(4);
        expect((await store.searchDevices({ ...q, departmentId: 'dep-suf', facets: true })).total).toBe(2);
        // m2 is reserved (leaves the listed devices); m4 is put twice in one transaction and ends up a wiped laptop.
        await store.transaction(async (tx) => {
          tx.putDevice({ ...listed[1]!, status: 'reserved' });
          tx.putDevice({ ...listed[3]!, category: 'desktop' });
          tx.putDevice({ ...listed[3]!, category: 'laptop', dataBearing: true, sanitizationId: 's-4' });
        });
        expect(await laptops()).toEqual({ total: 5, laptops: 4, wiped: 4 });
        expect(await laptops(text)).toEqual({ total: 5, laptops: 4, wiped: 4 });
        expect((await store.searchDevices({ ...q, filter: { category: 'laptop' } })).total).toBe(4);
        expect((await store.searchDevices({ ...q, status: 'reserved' })).total).toBe(1);
        expect((await store.searchDevices({ ...q, departmentId: 'dep-suf', facets: true })).total).toBe(1);
        expect((await store.searchDevices({ ...q, status: 'reserved', departmentId: 'dep-suf' })).total).toBe(1);
        // A new device listed, and one that fails half-way through its transaction: only the first counts.
        await store.transaction(async (tx) => tx.putDevice(offer('m8', { category: 'laptop' })));
        await expect(
          store.transaction(async (tx) => {
            tx.putDevice(offer('m9', { category: 'laptop' }));
            throw new Error('refused');
          }),
        ).rejects.toThrow('refused');
        expect(await laptops()).toEqual({ total: 6, laptops: 5, wiped: 4 });
        expect((await store.searchDevices({ ...q, filter: { category: 'laptop' } })).total).toBe(5);
        // Back on the marketplace: counted again where it was before.
        await store.transaction(async (tx) => tx.putDevice(listed[1]!));
        expect(await laptops(text)).toEqual({ total: 7, laptops: 6, wiped: 4 });
        expect((await store.searchDevices({ ...q, status: 'reserved' })).total).toBe(0);
      });
    });

    it('keeps one active reservation per device and finds the due ones', async () => {
      const d = device({ status: 'reserved' });
      const r = {
        id: 'r1',
        deviceId: d.id,
        departmentId: 'dep-suf',
        reservedBy: { id: 'user-suf-1', name: 'X', role: 'department_contact' as const },
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-08T00:00:00.000Z',
        status: 'active' as const,
      };
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        tx.putReservation(r);
      });
      expect((await store.activeReservation(d.id))?.id).toBe('r1');
      expect(await store.dueReservations('2026-01-07T00:00:00.000Z')).toEqual([]);
      expect((await store.dueReservations('2026-01-08T00:00:00.000Z')).map((x) => x.id)).toEqual(['r1']);
      await store.transaction(async (tx) => tx.putReservation({ ...r, status: 'cancelled', endedAt: '2026-01-02T00:00:00.000Z' }));
      expect(await store.activeReservation(d.id)).toBeUndefined();
      expect((await store.searchReservations({ departmentId: 'dep-suf', limit: 10 })).map((x) => x.status)).toEqual(['cancelled']);
      await reopen();
      expect(await store.activeReservation(d.id)).toBeUndefined();
    });

    // Reservation approval (issue 11).
    it('holds a device by a reservation pending approval: found as holding, due at its approval deadline, kept across a reopen', async () => {
      const d = device({ status: 'pending_approval' });
      const r = {
        id: 'r-pending',
        deviceId: d.id,
        departmentId: 'dep-kff',
        reservedBy: { id: 'user-kff-2', name: 'Y', role: 'department_contact' as const },
        createdAt: '2026-01-01T00:00:00.000Z',
        expiresAt: '2026-01-04T00:00:00.000Z',
        status: 'pending' as const,
      };
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        tx.putReservation(r);
        // Inside the writing transaction the request already holds the device.
        expect((await tx.activeReservation(d.id))?.status).toBe('pending');
      });
      expect((await store.activeReservation(d.id))?.id).toBe('r-pending');
      expect((await store.dueReservations('2026-01-04T00:00:00.000Z')).map((x) => x.id)).toEqual(['r-pending']);
      await reopen();
      expect((await store.activeReservation(d.id))?.status).toBe('pending');
      expect((await store.searchReservations({ status: 'pending', limit: 10 })).map((x) => x.id)).toEqual(['r-pending']);
      await store.transaction(async (tx) => tx.putReservation({ ...r, status: 'rejected', endedAt: '2026-01-02T00:00:00.000Z' }));
      expect(await store.activeReservation(d.id)).toBeUndefined();
      expect(await store.dueReservations('2026-01-09T00:00:00.000Z')).toEqual([]);
    });

    it("keeps an administration's approval rule and its approvers across a reopen", async () => {
      const changedBy = { id: 'user-admin-1', name: 'A', role: 'admin' as const };
      const kff = (await store.getDepartment('dep-kff'))!;
      const contact = (await store.getUser('user-kff-1'))!;
      await store.transaction(async (tx) => {
        tx.putDepartment({ ...kff, approval: { required: true, days: 3, changedBy, changedAt: '2026-01-01T00:00:00.000Z' } });
        tx.putUser({ ...contact, approver: true });
      });
      await reopen();
      expect((await store.getDepartment('dep-kff'))?.approval).toMatchObject({ required: true, days: 3, changedBy: { id: 'user-admin-1' } });
      expect((await store.getUser('user-kff-1'))?.approver).toBe(true);
      expect((await store.listDepartments()).find((x) => x.id === 'dep-kff')?.approval?.days).toBe(3);
    });

    it('keeps the recycler register across a reopen, and an update replaces the record', async () => {
      const recycler = {
        id: 'rec-1',
        legalName: 'Elektronik Genanvendelse A/S',
        cvr: '64942212',
        address: 'Industrivej 1, 2600 Glostrup',
        certifications: [{ scheme: 'WEEELABEX' as const, number: 'WL-123', validUntil: '2027-06-30' }],
        updatedAt: '2026-11-01T08:00:00.000Z',
      };
      await store.transaction(async (tx) => tx.putRecycler(recycler));
      expect(await store.getRecycler('rec-1')).toEqual(recycler);
      await store.transaction(async (tx) => {
        tx.putRecycler({ ...recycler, address: 'Ny vej 2' });
        expect((await tx.getRecycler('rec-1'))?.address).toBe('Ny vej 2');
      });
      await reopen();
      expect((await store.listRecyclers()).map((r) => [r.id, r.address])).toEqual([['rec-1', 'Ny vej 2']]);
    });

    it('keeps batches inside and outside a transaction and across a reopen, and counts them for the next number', async () => {
      const a = batch();
      expect(await store.batchCount()).toBe(0);
      await store.transaction(async (tx) => {
        tx.putBatch(a);
        expect(await tx.getBatch(a.id)).toEqual(a);
        expect(await tx.batchCount()).toBe(1);
        tx.putBatch({ ...a, status: 'sealed' });
        // A batch written twice in one transaction is still one batch.
        expect(await tx.batchCount()).toBe(1);
      });
      expect(await store.getBatch(a.id)).toMatchObject({ status: 'sealed' });
      await expect(
        store.transaction(async (tx) => {
          tx.putBatch(batch());
          expect(await tx.batchCount()).toBe(2);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.batchCount()).toBe(1);
      const b = batch({ certifiedDestruction: true });
      await store.transaction(async (tx) => {
        tx.putBatch(b);
        expect(await tx.batchCount()).toBe(2);
      });
      expect((await store.listBatches()).map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
      await reopen();
      expect(await store.batchCount()).toBe(2);
      expect(await store.getBatch(a.id)).toEqual({ ...a, status: 'sealed' });
      expect(await store.getBatch(b.id)).toEqual(b);
      expect(await store.getBatch('no-such-batch')).toBeUndefined();
    });

    it('finds the devices of a batch as they go in and out, also after a reopen', async () => {
      const [x, y] = [batch(), batch()];
      const [d1, d2, d3] = [device({ status: 'in_batch', batchId: x.id }), device({ status: 'in_batch', batchId: x.id }), device()];
      const inBatch = async (id: string) =>
        (await store.searchDevices({ batchId: id, sort: 'model_asc', limit: 100, offset: 0 })).items.map((d) => d.id).sort();
      await store.transaction(async (tx) => {
        tx.putBatch(x);
        tx.putBatch(y);
        tx.putDevice(d1);
        tx.putDevice(d2);
        tx.putDevice(d3);
      });
      expect(await inBatch(x.id)).toEqual([d1.id, d2.id].sort());
      await reopen();
      expect(await inBatch(x.id)).toEqual([d1.id, d2.id].sort());
      const { batchId: _x, ...out } = d2;
      await store.transaction(async (tx) => {
        tx.putDevice({ ...out, status: 'ewaste_queued' });
        tx.putDevice({ ...d1, batchId: y.id });
      });
      expect(await inBatch(x.id)).toEqual([]);
      expect(await inBatch(y.id)).toEqual([d1.id]);
      expect((await store.searchDevices({ batchId: y.id, status: 'collected', sort: 'model_asc', limit: 100, offset: 0 })).total).toBe(0);
      await reopen();
      expect(await inBatch(x.id)).toEqual([]);
      expect(await inBatch(y.id)).toEqual([d1.id]);
    });

    it('keeps an attachment by its sha256 across a reopen; the same bytes twice give the same name', async () => {
      const sha = await store.putAttachment(PDF_BYTES);
      expect(sha).toMatch(/^[0-9a-f]{64}$/);
      expect(sha).toBe(createHash('sha256').update(PDF_BYTES).digest('hex'));
      expect(await store.putAttachment(new Uint8Array(PDF_BYTES))).toBe(sha);
      await reopen();
      expect(Buffer.from((await store.getAttachment(sha))!).equals(Buffer.from(PDF_BYTES))).toBe(true);
      expect(await store.getAttachment('0'.repeat(64))).toBeUndefined();
      expect(await store.getAttachment('../snapshot.json')).toBeUndefined();
    });

    it('keeps emission-factor versions whole, lowest number first, across a reopen; a rolled-back version is not kept', async () => {
      const version = (number: number, laptop: number | null) => ({
        number,
        factors: { ...DEFAULT_EMISSION_FACTORS, laptop },
        source: `Version ${number}`,
        createdAt: `2026-11-0${number}T08:00:00.000Z`,
        createdBy: { id: 'user-admin-1', name: 'Admin', role: 'admin' as const },
      });
      expect(await store.listFactorVersions()).toEqual([]);
      await store.transaction(async (tx) => {
        tx.putFactorVersion(version(3, null));
        tx.putFactorVersion(version(2, 250));
        expect((await tx.listFactorVersions()).map((v) => v.number)).toEqual([2, 3]);
      });
      await expect(
        store.transaction(async (tx) => {
          tx.putFactorVersion(version(4, 1));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.listFactorVersions()).toEqual([version(2, 250), version(3, null)]);
      await reopen();
      expect(await store.listFactorVersions()).toEqual([version(2, 250), version(3, null)]);
      await store.transaction(async (tx) => tx.putFactorVersion(version(4, 1)));
      await reopen(); // the file store has written a snapshot at close: the versions survive it and the journal after it
      expect((await store.listFactorVersions()).map((v) => [v.number, v.factors.laptop])).toEqual([
        [2, 250],
        [3, null],
        [4, 1],
      ]);
    });

    it('keeps the admin audit list newest first, cut at the limit, across a reopen; a rolled-back entry is not kept', async () => {
      const entry = (n: number, at: string) => ({
        id: `audit-${n}`,
        at,
        actor: { id: 'user-admin-1', name: 'Admin', role: 'admin' as const },
        subject: 'unit' as const,
        subjectId: `unit-${n}`,
        subjectName: `Enhed ${n}`,
        action: 'created' as const,
        changes: [{ field: 'name', to: `Enhed ${n}` }],
      });
      await store.transaction(async (tx) => {
        tx.putAdminAudit(entry(1, '2026-11-01T08:00:00.000Z'));
        tx.putAdminAudit(entry(2, '2026-11-03T08:00:00.000Z'));
      });
      await expect(
        store.transaction(async (tx) => {
          tx.putAdminAudit(entry(9, '2026-11-09T08:00:00.000Z'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await store.transaction(async (tx) => tx.putAdminAudit(entry(3, '2026-11-02T08:00:00.000Z')));
      expect((await store.listAdminAudit(10)).slice(0, 3).map((e) => e.id)).toEqual(['audit-2', 'audit-3', 'audit-1']);
      await reopen();
      expect((await store.listAdminAudit(2)).map((e) => e.id)).toEqual(['audit-2', 'audit-3']);
      expect((await store.listAdminAudit(10))[2]).toEqual(entry(1, '2026-11-01T08:00:00.000Z'));
    });

    // Admin screens (issue 12, wt-admin): a location or unit nothing points at any more is removed.
    it('removes a location and a unit: gone inside the transaction at once, kept when rolled back, gone across a reopen', async () => {
      await expect(
        store.transaction(async (tx) => {
          tx.removeLocation('loc-shelf-D6');
          expect(await tx.getLocation('loc-shelf-D6')).toBeUndefined();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.getLocation('loc-shelf-D6')).toBeDefined();
      await store.transaction(async (tx) => {
        tx.removeLocation('loc-shelf-D6');
        tx.removeUnit('dep-kff-unit-3');
        tx.removeLocation('no-such-location');
      });
      expect(await store.getLocation('loc-shelf-D6')).toBeUndefined();
      await reopen();
      expect((await store.listLocations()).map((l) => l.id)).not.toContain('loc-shelf-D6');
      expect((await store.listUnits()).map((u) => u.id)).not.toContain('dep-kff-unit-3');
      expect((await store.listUnits()).map((u) => u.id)).toContain('dep-kff-unit-2');
      // Put back under the same id after a removal, it is there again.
      await store.transaction(async (tx) => {
        tx.removeLocation('loc-shelf-D5');
        tx.putLocation({ id: 'loc-shelf-D5', kind: 'shelf', name: 'Hylde D-05', parentId: 'loc-warehouse' });
      });
      await reopen();
      expect((await store.getLocation('loc-shelf-D5'))?.name).toBe('Hylde D-05');
    });

    // Setup (issue 12): a first start is one whose store holds nobody; a transaction sees the people it adds.
    it('counts the people it holds, inside a transaction too, and not those of a rolled-back one', async () => {
      const seeded = (await store.listUsers()).length;
      expect(seeded).toBeGreaterThan(0);
      expect(await store.userCount()).toBe(seeded);
      const newcomer = { id: 'user-new-1', name: 'Ny Person', email: 'ny@example.dk', role: 'admin' as const, departmentId: 'dep-buf' };
      await expect(
        store.transaction(async (tx) => {
          tx.putUser(newcomer);
          expect(await tx.userCount()).toBe(seeded + 1);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.userCount()).toBe(seeded);
      await store.transaction(async (tx) => {
        tx.putUser(newcomer);
        // Saving someone already there again (a rename) is not another person.
        tx.putUser({ ...newcomer, name: 'Ny Person 2' });
        const existing = (await store.listUsers())[0];
        if (existing) tx.putUser({ ...existing, name: `${existing.name} (ændret)` });
        expect(await tx.userCount()).toBe(seeded + 1);
      });
      await reopen();
      expect(await store.userCount()).toBe(seeded + 1);
    });

    it('hands out asset tag numbers that are never reused, and says the last one issued', async () => {
      expect(await store.lastAssetTagNumber()).toBe(0);
      const first = await store.transaction((tx) => tx.allocateAssetTagNumber());
      const second = await store.transaction(async (tx) => {
        const n = await tx.allocateAssetTagNumber();
        expect(await tx.lastAssetTagNumber()).toBe(n);
        return n;
      });
      expect(second).toBeGreaterThan(first);
      expect(await store.lastAssetTagNumber()).toBe(second);
      await expect(
        store.transaction(async (tx) => {
          await tx.allocateAssetTagNumber();
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.lastAssetTagNumber()).toBe(second);
      await reopen();
      expect(await store.lastAssetTagNumber()).toBe(second);
      expect(await store.transaction((tx) => tx.allocateAssetTagNumber())).toBeGreaterThan(second);
    });

    it('hands out the statistic facts of a period, with the owner at each event, across a reopen', async () => {
      const d = device({ departmentId: 'dep-buf' });
      const other = device();
      const at = (iso: string) => ({ at: iso });
      const base = (x: Device) => ({ id: `e-${Math.random().toString(36).slice(2)}`, deviceId: x.id, actor: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' as const }, locationId: x.locationId, locationName: 'Hylde A-01' });
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        tx.putDevice(other);
        await tx.appendEvent({ ...base(d), ...at('2026-01-05T10:00:00.000Z'), type: 'reported', departmentId: 'dep-buf' });
        await tx.appendEvent({ ...base(d), ...at('2026-01-06T10:00:00.000Z'), type: 'checked_in', condition: 'A' });
        await tx.appendEvent({ ...base(d), ...at('2026-01-07T10:00:00.000Z'), type: 'note_added', note: 'not a fact' });
        await tx.appendEvent({ ...base(other), ...at('2026-03-01T10:00:00.000Z'), type: 'reported', departmentId: 'dep-okf' });
      });
      await store.transaction(async (tx) => {
        await tx.appendEvent({ ...base(d), ...at('2026-02-10T10:00:00.000Z'), type: 'handed_over', reservationId: 'r', fromDepartmentId: 'dep-buf', toDepartmentId: 'dep-suf', replacesNewPurchase: true });
        await tx.appendEvent({ ...base(d), ...at('2026-02-20T10:00:00.000Z'), type: 'listed' });
      });
      const read = async (from: string, to: string) => {
        const f = await store.statFacts(from, to);
        const rows = Array.from(f.rows, (i) => ({
          type: FACT_TYPES[f.type[i]!],
          at: new Date(f.at[i]! * 1000).toISOString(),
          device: f.devices[f.device[i]!]!.id,
          owner: f.departmentIds[f.dept[i]!],
          cycleStart: f.cycleStart[i] ? new Date(f.cycleStart[i]! * 1000).toISOString() : null,
          replaces: (f.flags[i]! & REPLACES_NEW_PURCHASE) !== 0,
        }));
        return rows.sort((a, b) => a.at.localeCompare(b.at));
      };
      const expected = [
        { type: 'checked_in', at: '2026-01-06T10:00:00.000Z', device: d.id, owner: 'dep-buf', cycleStart: null, replaces: false },
        { type: 'handed_over', at: '2026-02-10T10:00:00.000Z', device: d.id, owner: 'dep-buf', cycleStart: '2026-01-05T10:00:00.000Z', replaces: true },
        // after the hand-over the device belongs to the receiving administration
        { type: 'listed', at: '2026-02-20T10:00:00.000Z', device: d.id, owner: 'dep-suf', cycleStart: null, replaces: false },
      ];
      // [from, to): the report at 2026-01-05T10:00 is before, the other device's report at 2026-03-01T10:00 is at `to`
      expect(await read('2026-01-05T10:00:01.000Z', '2026-03-01T10:00:00.000Z')).toEqual(expected);
      await reopen();
      expect(await read('2026-01-05T10:00:01.000Z', '2026-03-01T10:00:00.000Z')).toEqual(expected);
      expect((await read('2026-03-01T10:00:00.000Z', '2026-04-01T00:00:00.000Z')).map((r) => [r.type, r.device, r.owner])).toEqual([['reported', other.id, 'dep-okf']]);
    });

    it('takes a backup that opens with the same data while the store stays open', async () => {
      const d = device();
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        await tx.appendEvent(event(d));
      });
      await reopen(); // the backup then holds a snapshot (and whatever it needs beside it) and a journal
      await store.transaction(async (tx) => tx.putDevice({ ...d, notes: 'after the snapshot' }));
      const b = batch();
      await store.transaction(async (tx) => tx.putBatch(b));
      const sha = await store.putAttachment(PDF_BYTES);
      const target = path.join(dir, '..', `${path.basename(dir)}-backup`);
      await store.backup(target);
      await store.transaction(async (tx) => tx.putDevice({ ...d, status: 'listed' })); // still writable
      const copy = await factory.open(target);
      try {
        expect(await copy.getDevice(d.id)).toMatchObject({ status: 'in_stock', trailLength: 1, notes: 'after the snapshot' });
        expect((await copy.trail(d.id)).map((e) => e.seq)).toEqual([1]);
        expect(await copy.verifyTrails()).toEqual([]);
        expect(await copy.getBatch(b.id)).toEqual(b);
        expect(Buffer.from((await copy.getAttachment(sha))!).equals(Buffer.from(PDF_BYTES))).toBe(true);
      } finally {
        await copy.close();
        fs.rmSync(target, { recursive: true, force: true });
      }
    });
    // Device photos (issue 11)
    it("keeps a device's photos across a reopen and in a backup, with the images they name", async () => {
      const display = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
      const thumb = new Uint8Array([0x52, 0x49, 0x46, 0x46, 4, 5, 6]);
      const photo = { sha256: await store.putAttachment(display), thumbSha256: await store.putAttachment(thumb), width: 1600, height: 1200, addedAt: '2026-01-02T10:00:00.000Z' };
      const d = device({ photos: [photo] });
      const without = device();
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        tx.putDevice(without);
      });
      await reopen();
      expect((await store.getDevice(d.id))?.photos).toEqual([photo]);
      expect((await store.getDevice(without.id))?.photos).toBeUndefined();
      const target = path.join(dir, '..', `${path.basename(dir)}-photo-backup`);
      await store.backup(target);
      const copy = await factory.open(target);
      try {
        expect((await copy.getDevice(d.id))?.photos).toEqual([photo]);
        expect(Buffer.from((await copy.getAttachment(photo.sha256))!).equals(Buffer.from(display))).toBe(true);
        expect(Buffer.from((await copy.getAttachment(photo.thumbSha256))!).equals(Buffer.from(thumb))).toBe(true);
      } finally {
        await copy.close();
        fs.rmSync(target, { recursive: true, force: true });
      }
    });

    // ---- Wanted requests and notifications (issue 11) ----

    it('keeps wanted requests, finds the open ones by category, and sees a close inside the same transaction', async () => {
      const laptops = wantedRequest({ filter: { category: 'laptop', ramMinGb: 16 } });
      const anything = wantedRequest({ filter: {}, departmentId: 'dep-suf', createdAt: '2026-11-02T08:00:00.000Z' });
      const monitors = wantedRequest({ filter: { category: 'monitor' } });
      await store.transaction(async (tx) => {
        tx.putWantedRequest(laptops);
        tx.putWantedRequest(anything);
        tx.putWantedRequest(monitors);
        // Inside the transaction its own writes are seen.
        expect((await tx.openWantedRequests('laptop')).map((r) => r.id).sort()).toEqual([laptops.id, anything.id].sort());
      });
      await reopen();
      await reopen(); // the second open starts from a snapshot in the file store
      expect((await store.openWantedRequests('laptop')).map((r) => r.id).sort()).toEqual([laptops.id, anything.id].sort());
      expect((await store.openWantedRequests('monitor')).map((r) => r.id).sort()).toEqual([monitors.id, anything.id].sort());
      expect((await store.openWantedRequests('phone')).map((r) => r.id)).toEqual([anything.id]);
      expect(await store.getWantedRequest(laptops.id)).toEqual(laptops);
      // Newest first; laptops and monitors were made at the same instant, the later id first.
      expect((await store.listWantedRequests()).map((r) => r.id)).toEqual([anything.id, monitors.id, laptops.id]);
      expect((await store.listWantedRequests('dep-suf')).map((r) => r.id)).toEqual([anything.id]);
      await store.transaction(async (tx) => {
        tx.putWantedRequest({ ...laptops, status: 'closed', closedAt: '2026-11-03T08:00:00.000Z' });
        expect((await tx.openWantedRequests('laptop')).map((r) => r.id)).toEqual([anything.id]);
      });
      expect((await store.openWantedRequests('laptop')).map((r) => r.id)).toEqual([anything.id]);
      await reopen();
      expect((await store.openWantedRequests('laptop')).map((r) => r.id)).toEqual([anything.id]);
      expect((await store.getWantedRequest(laptops.id))?.status).toBe('closed');
    });

    it('keeps a listed device\'s "available from" and "on offer until" across reopens', async () => {
      const d = device({ status: 'listed', availableFrom: '2026-12-01', offerUntil: '2027-01-30' });
      await store.transaction(async (tx) => tx.putDevice(d));
      await reopen();
      await reopen();
      expect(await store.getDevice(d.id)).toMatchObject({ availableFrom: '2026-12-01', offerUntil: '2027-01-30' });
    });

    it("keeps each person's notifications newest first, counts the unread, and finds them by device", async () => {
      const older = notification({ userId: 'u-1', deviceId: 'd-x', createdAt: '2026-11-01T08:00:00.000Z' });
      const newer = notification({ userId: 'u-1', deviceId: 'd-y', createdAt: '2026-11-02T08:00:00.000Z' });
      const other = notification({ userId: 'u-2', deviceId: 'd-x', createdAt: '2026-11-02T09:00:00.000Z' });
      await store.transaction(async (tx) => {
        for (const n of [older, newer, other]) tx.putNotification(n);
        expect((await tx.notificationsForDevice('d-x')).map((n) => n.id).sort()).toEqual([older.id, other.id].sort());
      });
      expect((await store.listNotifications('u-1', 10)).map((n) => n.id)).toEqual([newer.id, older.id]);
      expect((await store.listNotifications('u-1', 1)).map((n) => n.id)).toEqual([newer.id]);
      expect(await store.unreadNotifications('u-1')).toBe(2);
      await store.transaction(async (tx) => tx.putNotification({ ...newer, readAt: '2026-11-03T08:00:00.000Z' }));
      await reopen();
      await reopen();
      expect(await store.unreadNotifications('u-1')).toBe(1);
      expect(await store.unreadNotifications('u-2')).toBe(1);
      expect(await store.getNotification(newer.id)).toEqual({ ...newer, readAt: '2026-11-03T08:00:00.000Z' });
      expect((await store.notificationsForDevice('d-x')).map((n) => n.id).sort()).toEqual([older.id, other.id].sort());
      expect(await store.listNotifications('u-3', 10)).toEqual([]);
    });

    // ---- Import of registers (issue 12) ----

    it('finds devices by serial ignoring case and spaces, inside a transaction too, and after a serial changes', async () => {
      const a = device({ serial: 'PF-1A2B' });
      const b = device({ serial: 'pf-1a2b ' });
      const c = device({ serial: 'OTHER-1' });
      await store.transaction(async (tx) => {
        for (const d of [a, b, c]) tx.putDevice(d);
      });
      expect((await store.devicesBySerial([' Pf-1a2b'])).map((d) => d.id).sort()).toEqual([a.id, b.id].sort());
      expect(await store.devicesBySerial(['NOPE'])).toEqual([]);
      await store.transaction(async (tx) => {
        const staged = device({ serial: 'NEW-9' });
        tx.putDevice(staged);
        tx.putDevice({ ...c, serial: 'CHANGED-2' });
        expect((await tx.devicesBySerial(['new-9', 'OTHER-1'])).map((d) => d.id)).toEqual([staged.id]);
        expect((await tx.devicesBySerial(['changed-2'])).map((d) => d.id)).toEqual([c.id]);
      });
      await reopen();
      expect(await store.devicesBySerial(['OTHER-1'])).toEqual([]);
      expect((await store.devicesBySerial(['changed-2'])).map((d) => d.id)).toEqual([c.id]);
      expect((await store.devicesBySerial(['PF-1A2B', 'new-9'])).length).toBe(3);
    });

    it('keeps the asset tag counter above an imported tag, never lowers it, and forgets a raise that rolled back', async () => {
      const first = await store.transaction((tx) => tx.allocateAssetTagNumber());
      await expect(
        store.transaction(async (tx) => {
          tx.raiseAssetTagNumber(5000);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.lastAssetTagNumber()).toBe(first);
      await store.transaction(async (tx) => {
        tx.raiseAssetTagNumber(1234);
        expect(await tx.lastAssetTagNumber()).toBe(1234);
        tx.raiseAssetTagNumber(7);
      });
      expect(await store.lastAssetTagNumber()).toBe(1234);
      await reopen();
      expect(await store.lastAssetTagNumber()).toBe(1234);
      expect(await store.transaction((tx) => tx.allocateAssetTagNumber())).toBe(1235);
    });
    // Sign-in (issue 13, wt-auth): one credential per person, replaced whole; the sign-in audit log newest first.
    it('keeps one credential per person (the newer replaces it, a rolled-back one is not kept) and the sign-in log newest first, across a reopen', async () => {
      const credential = (failedAttempts: number, lockedUntil?: string) => ({
        userId: 'user-buf-1',
        hash: `scrypt$131072$8$1$salt$hash-${failedAttempts}`,
        changedAt: '2026-11-01T08:00:00.000Z',
        failedAttempts,
        ...(lockedUntil ? { lockedUntil } : {}),
      });
      const entry = (n: number, at: string) => ({ id: `auth-${n}`, at, event: 'sign_in_failed' as const, email: `x${n}@kk.dk`, address: '10.0.0.1' });
      expect(await store.getCredential('user-buf-1')).toBeUndefined();
      await store.transaction(async (tx) => {
        tx.putCredential(credential(0));
        tx.putAuthAudit(entry(1, '2026-11-01T08:00:00.000Z'));
        tx.putAuthAudit(entry(2, '2026-11-03T08:00:00.000Z'));
      });
      await expect(
        store.transaction(async (tx) => {
          tx.putCredential(credential(10, '2026-11-01T08:15:00.000Z'));
          expect((await tx.getCredential('user-buf-1'))?.failedAttempts).toBe(10);
          tx.putAuthAudit(entry(9, '2026-11-09T08:00:00.000Z'));
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await store.getCredential('user-buf-1')).toEqual(credential(0));
      await store.transaction(async (tx) => {
        tx.putCredential(credential(10, '2026-11-01T08:15:00.000Z'));
        tx.putAuthAudit(entry(3, '2026-11-02T08:00:00.000Z'));
      });
      await reopen();
      expect(await store.getCredential('user-buf-1')).toEqual(credential(10, '2026-11-01T08:15:00.000Z'));
      expect(await store.getCredential('user-suf-1')).toBeUndefined();
      expect((await store.listAuthAudit(10)).map((e) => e.id)).toEqual(['auth-2', 'auth-3', 'auth-1']);
      expect((await store.listAuthAudit(1))).toEqual([entry(2, '2026-11-03T08:00:00.000Z')]);
    });
    // Sign-in groups (issue 13, wt-oidc): rows kept by id, listed in table order, removed, across a reopen.
    it('keeps the sign-in group table in table order, a changed row in its place, a removed one gone (a rolled-back removal kept), across a reopen', async () => {
      const row = (id: string, group: string, position: number) => ({ id, group, role: 'department_contact' as const, departmentId: 'dep-buf', position });
      expect(await store.listOidcGroups()).toEqual([]);
      await store.transaction(async (tx) => {
        tx.putOidcGroup(row('g-b', 'KK-IT-SUF', 1));
        tx.putOidcGroup(row('g-a', 'KK-IT-BUF', 0));
        tx.putOidcGroup(row('g-c', 'KK-Lager', 2));
      });
      await store.transaction(async (tx) => {
        tx.putOidcGroup({ ...row('g-b', 'KK-IT-SUF', 1), unitId: 'dep-buf-unit-1' });
        tx.removeOidcGroup('g-c');
      });
      await expect(
        store.transaction(async (tx) => {
          tx.removeOidcGroup('g-a');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      await reopen();
      expect(await store.listOidcGroups()).toEqual([row('g-a', 'KK-IT-BUF', 0), { ...row('g-b', 'KK-IT-SUF', 1), unitId: 'dep-buf-unit-1' }]);
    });
  });
}
