/**
 * The demo's history: 24 months of surplus ending now, written through the real services (report, check-in,
 * wipe, list, reserve, hand over, report again, route to e-waste, batches) on a clock that steps to each
 * step's time. Every step of every device is planned first; the plan is then run in time order across all
 * devices and batches, so every trail passes the lifecycle table and reads as the app itself would write it.
 * Steps planned after now are dropped: recent devices end reported, in stock, listed or reserved.
 *
 * The shape: more surplus in spring and after the summer holiday, fewer in July and December; about 60 % are
 * reused (70 % of hand-overs replace a new purchase), the rest go to e-waste and leave in a monthly batch that
 * is sealed, collected and certified (every fourth for certified destruction); a few certificates leave out a
 * serial, most of them covered by a later certificate. Some reused devices come back as surplus a second time.
 * The last weeks' batches (one in each state) are seedEwasteDemo's, which packs the devices left waiting here.
 */
import { copenhagenDay } from '../../shared/days';
import type { Batch, Condition, Device, EwasteReason } from '../../shared/schemas';
import { addDevice, collectBatch, createBatch, registerCertificate } from '../batches/service';
import type { ServiceContext } from '../context';
import { checkIn, handOver, publishDevice, recordSanitization, reportAgain, reportDevice, unpublishDevice } from '../devices/service';
import { routeToEwaste } from '../ewaste/service';
import { saveRecycler } from '../recyclers/service';
import { createReservation } from '../reservations/service';
import type { Store } from '../store/store';
import { args, contextOf, recyclers, sealWeighed, StepClock, wipe } from './ewaste';
import { MODELS, mulberry32 } from './generate';
import { LOCATIONS, USERS } from './reference-data';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
export const HISTORY_MONTHS = 24;
/** Relative amount of surplus reported in each calendar month, January first. */
const SEASON = [0.9, 1.0, 1.3, 1.5, 1.3, 1.0, 0.5, 1.3, 1.6, 1.2, 1.0, 0.6];
/** Devices reported in an average month. */
const PER_MONTH = 19;
/** Monthly batches stop this long before now; the devices routed since wait for seedEwasteDemo's batches. */
const LAST_BATCH_BEFORE_NOW = 80 * DAY;

interface Step {
  at: number;
  /** Tie-break: steps at the same instant run in the order they were planned. */
  order: number;
  run: () => Promise<void>;
}

export interface HistoryResult {
  devices: number;
  batches: number;
  /** Milliseconds the history took to write. */
  ms: number;
}

/** Writes the history into a store holding the reference data (seedReferenceData) and nothing else. */
export async function seedHistory(store: Store, now: Date, seed = 2026): Promise<HistoryResult> {
  const started = performance.now();
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const end = now.getTime();
  const start = end - HISTORY_MONTHS * 30.44 * DAY;
  const clock = new StepClock(start);
  const contexts = new Map<string, ServiceContext>();
  const as = async (userId: string) => {
    let ctx = contexts.get(userId);
    if (!ctx) contexts.set(userId, (ctx = await contextOf(store, clock, userId)));
    return ctx;
  };
  const contacts = USERS.filter((u) => u.role === 'department_contact');
  const warehouseStaff = USERS.filter((u) => u.role === 'warehouse').map((u) => u.id);
  const shelves = LOCATIONS.filter((l) => l.kind === 'shelf');
  const siteOf = (departmentId: string) => pick(LOCATIONS.filter((l) => l.kind === 'site' && l.departmentId === departmentId));
  const contactOf = (departmentId: string) => pick(contacts.filter((c) => c.departmentId === departmentId));

  const steps: Step[] = [];
  const plan = (at: number, run: () => Promise<void>) => {
    if (at <= end) steps.push({ at, order: steps.length, run });
  };

  const admin = await as('user-admin-1');
  for (const r of recyclers(copenhagenDay(now))) await saveRecycler(admin, args('recyclers.save', r));
  const recycler = (await store.listRecyclers()).find((r) => r.cvr === '25313763');
  if (!recycler) throw new Error('demo recycler missing');

  /** One device's lifecycle from `t`: reuse or e-waste, and for some reused ones a second cycle later. */
  const planCycle = (device: { current?: Device }, t: number, owner: string, cycle: number) => {
    const staff = pick(warehouseStaff);
    const reuse = rnd() < (cycle === 1 ? 0.62 : 0.5);
    const condition: Condition = reuse ? pick(['A', 'B', 'B', 'C'] as const) : pick(['C', 'D', 'defective'] as const);
    t += between(2, 12) * DAY;
    plan(t, async () => {
      const d = device.current!;
      device.current = await checkIn(await as(staff), args('devices.checkIn', { assetTag: d.assetTag, condition, locationId: pick(shelves).id }));
    });
    if (!reuse) {
      const reason: EwasteReason = condition === 'defective' ? 'defective' : pick(['obsolete', 'obsolete', 'decision'] as const);
      plan(t + between(1, 20) * DAY, async () => {
        device.current = await routeToEwaste(await as(staff), args('devices.routeToEwaste', { deviceId: device.current!.id, reason }));
      });
      return;
    }
    plan((t += between(0.2, 4) * DAY), async () => {
      const d = device.current!;
      if (d.dataBearing) device.current = (await recordSanitization(await as(staff), args('devices.recordSanitization', wipe(d)))).device;
    });
    plan((t += between(0.1, 2) * DAY), async () => {
      device.current = await publishDevice(await as(staff), args('devices.publish', { deviceId: device.current!.id }));
    });
    // One in ten finds no taker: taken off the marketplace after months and routed to e-waste as unclaimed.
    if (rnd() < 0.1) {
      plan((t += between(60, 120) * DAY), async () => {
        device.current = await unpublishDevice(await as(staff), args('devices.unpublish', { deviceId: device.current!.id, reason: 'Ingen efterspørgsel' }));
      });
      plan(t + between(0.5, 3) * DAY, async () => {
        device.current = await routeToEwaste(await as(staff), args('devices.routeToEwaste', { deviceId: device.current!.id, reason: 'unclaimed' }));
      });
      return;
    }
    const taker = pick(contacts.filter((c) => c.departmentId !== owner));
    plan((t += between(2, 75) * DAY), async () => {
      await createReservation(await as(taker.id), args('reservations.create', { deviceId: device.current!.id, locationId: siteOf(taker.departmentId).id }));
    });
    const replacesNewPurchase = rnd() < 0.7;
    plan((t += between(0.5, 6) * DAY), async () => {
      device.current = await handOver(
        await as(staff),
        args('devices.handOver', {
          assetTag: device.current!.assetTag,
          replacesNewPurchase,
          // The contact who reserved collects it for their own unit and signs the printed receipt.
          pickedUpBy: taker.name,
          unitId: taker.unitId ?? `${taker.departmentId}-unit-1`, // every demo contact has a unit; the first is the fallback
          acceptance: { kind: 'paper' },
        }),
      );
    });
    // Some come back as surplus a year or so later and start a second cycle on the same trail.
    if (cycle === 1 && rnd() < 0.18) {
      const back = contactOf(taker.departmentId);
      plan((t += between(200, 420) * DAY), async () => {
        device.current = await reportAgain(await as(back.id), args('devices.reportAgain', { deviceId: device.current!.id, locationId: siteOf(taker.departmentId).id }));
      });
      planCycle(device, t, taker.departmentId, 2);
    }
  };

  let devices = 0;
  for (let month = 0; month < HISTORY_MONTHS; month++) {
    const monthStart = start + month * 30.44 * DAY;
    const count = Math.round(PER_MONTH * SEASON[new Date(monthStart).getUTCMonth()]! * between(0.85, 1.15));
    for (let i = 0; i < count; i++) {
      const t = monthStart + rnd() * 30.44 * DAY;
      const model = pick(MODELS);
      const contact = pick(contacts);
      const year = model.years[0] + Math.floor(rnd() * (model.years[1] - model.years[0] + 1));
      const serial = `${model.manufacturer.slice(0, 2).toUpperCase()}${Math.floor(rnd() * 1e9).toString(36).toUpperCase().padStart(7, '0')}`;
      const device: { current?: Device } = {};
      devices++;
      plan(t, async () => {
        device.current = await reportDevice(
          await as(contact.id),
          args('devices.report', { category: model.category, manufacturer: model.manufacturer, model: model.model, serial, specs: model.specs, year, locationId: siteOf(contact.departmentId).id }),
        );
      });
      planCycle(device, t, contact.departmentId, 1);
    }
  }

  // A batch on the 20th or so of each month with what waits for it; sealed, collected and certified in the weeks after.
  let batches = 0;
  for (let month = 1; month < HISTORY_MONTHS; month++) {
    const packAt = start + (month + 0.6) * 30.44 * DAY;
    if (packAt > end - LAST_BATCH_BEFORE_NOW) break;
    const n = ++batches;
    const destruction = n % 4 === 0;
    const leavesOut = n % 7 === 3; // a few certificates leave out a serial
    const coveredLater = n % 21 !== 3; // most of those are covered by a later certificate
    const staff = pick(warehouseStaff);
    const made: { batch?: Batch; devices: Device[] } = { devices: [] };
    plan(packAt, async () => {
      const ctx = await as(staff);
      const { items } = await store.searchDevices({ status: 'ewaste_queued', sort: 'updated_desc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
      if (items.length === 0) return;
      made.batch = await createBatch(ctx, args('batches.create', { containerType: destruction ? 'cage' : 'pallet', certifiedDestruction: destruction }));
      for (const d of items.reverse()) {
        clock.advance(3 * 60_000);
        await addDevice(ctx, args('batches.addDevice', { batchId: made.batch.id, tag: d.assetTag }));
        if (d.dataBearing && !destruction && !d.sanitizationId) {
          clock.advance(30 * 60_000);
          await recordSanitization(ctx, args('devices.recordSanitization', wipe(d)));
        }
      }
      made.devices = items;
    });
    const year = new Date(packAt).getUTCFullYear();
    const no = String(100 + n).padStart(4, '0');
    let t = packAt + between(1, 3) * DAY;
    plan(t, async () => {
      if (made.batch) await sealWeighed(await as(staff), made.batch, `PL-${203000 + n * 17}`);
    });
    plan((t += between(2, 7) * DAY), async () => {
      if (made.batch) {
        await collectBatch(await as(staff), args('batches.collect', { batchId: made.batch.id, recyclerId: recycler.id, waybill: `FB-77${20000 + n * 31}`, date: copenhagenDay(clock.now()) }));
      }
    });
    const kind = destruction ? 'destruction' : 'recycling';
    const prefix = destruction ? 'DB' : 'GB';
    plan((t += between(14, 35) * DAY), async () => {
      if (!made.batch) return;
      const serials = made.devices.map((d) => d.serial);
      const first = leavesOut && serials.length > 1 ? serials.slice(1) : serials;
      await registerCertificate(await as(staff), args('batches.registerCertificate', { batchId: made.batch.id, number: `${prefix}-${year}-${no}`, issueDate: copenhagenDay(clock.now()), kind, serials: first }));
    });
    if (leavesOut && coveredLater) {
      plan(t + between(20, 50) * DAY, async () => {
        const missing = made.devices[0];
        if (!made.batch || !missing || made.devices.length < 2) return;
        await registerCertificate(await as(staff), args('batches.registerCertificate', { batchId: made.batch.id, number: `${prefix}-${year}-${no}-B`, issueDate: copenhagenDay(clock.now()), kind, serials: [missing.serial] }));
      });
    }
  }

  steps.sort((a, b) => a.at - b.at || a.order - b.order);
  for (const step of steps) {
    clock.set(step.at);
    await step.run();
  }
  return { devices, batches, ms: Math.round(performance.now() - started) };
}
