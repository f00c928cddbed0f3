/**
 * Demo e-waste: two recyclers under the joint agreement and four disposal batches, one in each state (open,
 * sealed, collected with one device still missing from the certificate, closed). Unlike the rest of the demo,
 * which writes records directly, this goes through the real services (recyclers, sanitization, batches), so
 * every batch record, reconciliation and trail event is exactly what the app itself would write and every
 * step passes the lifecycle table. It packs the longest-waiting devices generateDevices left routed to e-waste.
 */
import { addDays } from '../../shared/certifications';
import { contract, type ProcedureArgs, type ProcedureInput, type ProcedureName } from '../../shared/contract';
import { copenhagenDay } from '../../shared/days';
import type { Batch, Device, Recycler } from '../../shared/schemas';
import { addDevice, batchDetail, collectBatch, createBatch, registerCertificate, sealBatch } from '../batches/service';
import type { Clock, ServiceContext } from '../context';
import { recordSanitization } from '../devices/service';
import { saveRecycler } from '../recyclers/service';
import type { Store } from '../store/store';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** The batches' story takes this long; it ends this long before `now` at the latest. */
const STORY_DAYS = 21;
/** Devices packed per batch, in the order the batches are made: closed, collected, sealed, open. */
const BATCH_SIZES = [5, 6, 5, 4] as const;

/** A clock the demo moves forward between steps, so the trail reads as days of work. */
export class StepClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  /** Moves to an instant (the history's scheduler runs its steps in time order, so this only goes forward). */
  set(t: number): void {
    this.t = Math.max(this.t, t);
  }
}

/** The input as the transport would hand it to the service: parsed by the procedure's own schema. */
export function args<P extends ProcedureName>(procedure: P, input: ProcedureInput<P>): ProcedureArgs<P> {
  return contract[procedure].input.parse(input) as ProcedureArgs<P>; // why: parsed by P's own schema
}

export async function contextOf(store: Store, clock: Clock, userId: string): Promise<ServiceContext> {
  const user = await store.getUser(userId);
  if (!user) throw new Error(`demo user ${userId} missing`);
  return { store, clock, actor: { kind: 'user', user, department: await store.getDepartment(user.departmentId) } };
}

/** The two recyclers: one certified now (one certificate expiring soon, one expired), one whose certifications all expired. */
export function recyclers(today: string): ProcedureInput<'recyclers.save'>[] {
  return [
    {
      legalName: 'Dansk Elektronik Genanvendelse A/S',
      cvr: '25313763',
      address: 'Industrivej 14, 2600 Glostrup',
      contactName: 'Henrik Sørensen',
      contactEmail: 'kundeservice@deg-genanvendelse.dk',
      contactPhone: '+45 43 96 12 00',
      certifications: [
        { scheme: 'WEEELABEX', number: 'WLX-DK-0412', validUntil: addDays(today, 400) },
        { scheme: 'EN 50625', number: 'EN50625-1187', validUntil: addDays(today, 45) },
        { scheme: 'ISO 14001', number: 'DK-ISO-14001-2231', validUntil: addDays(today, -30) },
      ],
    },
    {
      legalName: 'Øresund Metal & IT-genvinding ApS',
      cvr: '25313798',
      address: 'Prøvestensbroen 3, 2300 København S',
      contactName: 'Camilla Juhl',
      contactEmail: 'camilla.juhl@oresund-genvinding.dk',
      certifications: [
        { scheme: 'R2v3', number: 'R2-0098812', validUntil: addDays(today, -12) },
        { scheme: 'e-Stewards', number: 'ES-5521', validUntil: addDays(today, -90) },
      ],
    },
  ];
}

/** A verified wipe as the warehouse records it for the device's medium. */
export function wipe(device: Device): ProcedureInput<'devices.recordSanitization'> {
  const hdd = device.specs.storageType === 'hdd';
  return {
    deviceId: device.id,
    method: 'purge',
    technique: hdd ? 'ATA Secure Erase' : 'Kryptografisk sletning',
    mediaType: hdd ? 'hdd' : device.specs.storageType === 'emmc' ? 'emmc' : 'ssd',
    tool: 'Blancco Drive Eraser',
    toolVersion: '7.9.1',
    verificationMethod: 'full',
    verified: true,
    verifierName: 'Lars Nielsen',
  };
}

/** Seals a batch with the scale's reading per WEEE category: a little over the declared weights (packing). */
export async function sealWeighed(warehouse: ServiceContext, batch: Batch, sealId: string): Promise<void> {
  const detail = await batchDetail(warehouse, batch.id);
  const weightsKg = Object.fromEntries(detail.weee.map((w) => [w.category, Math.round((w.declaredKg * 1.06 + 0.5) * 10) / 10]));
  await sealBatch(warehouse, args('batches.seal', { batchId: batch.id, sealId, weightsKg }));
}

/**
 * Adds the recyclers and the four batches. The devices are those routed to e-waste whose trails ended before
 * the batches' story begins, longest-waiting first; with fewer, the later batches get fewer (none when none).
 */
export async function seedEwasteDemo(store: Store, now: Date): Promise<{ recyclers: Recycler[]; batches: Batch[] }> {
  const start = now.getTime() - STORY_DAYS * DAY;
  const { items } = await store.searchDevices({ status: 'ewaste_queued', sort: 'updated_desc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  const waiting = items.filter((d) => Date.parse(d.updatedAt) < start).reverse();
  const clock = new StepClock(start);
  const admin = await contextOf(store, clock, 'user-admin-1');
  const warehouse = await contextOf(store, clock, 'user-warehouse-1');
  const step = (hours = 1) => clock.advance(hours * HOUR);

  // The history (history.ts) saves the recyclers when it starts; a demo without history saves them here.
  const saved: Recycler[] = await store.listRecyclers();
  if (saved.length === 0) for (const r of recyclers(copenhagenDay(now))) saved.push(await saveRecycler(admin, args('recyclers.save', r)));
  const certified = saved.find((r) => r.cvr === '25313763');
  if (!certified) throw new Error('demo recycler missing');

  const batches: Batch[] = [];
  let next = 0;
  /** A batch with the next `size` waiting devices scanned in; data-bearing ones wiped unless `unwiped` says so. */
  const pack = async (size: number, container: 'pallet' | 'cage' | 'box', opts: { destruction?: boolean; unwiped?: number } = {}) => {
    const batch = await createBatch(warehouse, args('batches.create', { containerType: container, certifiedDestruction: opts.destruction ?? false }));
    const devices = waiting.slice(next, next + size);
    next += devices.length;
    let leftUnwiped = opts.unwiped ?? 0;
    for (const d of devices) {
      step(0.05);
      await addDevice(warehouse, args('batches.addDevice', { batchId: batch.id, tag: d.assetTag }));
      if (!d.dataBearing || opts.destruction) continue;
      if (leftUnwiped > 0) {
        leftUnwiped--;
        continue;
      }
      step(0.5);
      await recordSanitization(warehouse, args('devices.recordSanitization', wipe(d)));
    }
    return { batch, devices };
  };
  /** Sealed with the scale's reading per WEEE category: a little over the declared weights (packing). */
  const seal = async (batch: Batch, sealId: string) => {
    step(20);
    await sealWeighed(warehouse, batch, sealId);
  };
  const collect = async (batch: Batch, waybill: string) => {
    step(24);
    await collectBatch(warehouse, args('batches.collect', { batchId: batch.id, recyclerId: certified.id, waybill, date: copenhagenDay(clock.now()) }));
  };
  const certificate = async (batch: Batch, number: string, kind: 'recycling' | 'destruction', serials: string[]) => {
    step(6 * 24);
    await registerCertificate(warehouse, args('batches.registerCertificate', { batchId: batch.id, number, issueDate: copenhagenDay(clock.now()), kind, serials }));
  };

  // Closed: collected for certified destruction, every serial on the destruction certificate.
  const closed = await pack(BATCH_SIZES[0], 'cage', { destruction: true });
  if (closed.devices.length > 0) {
    await seal(closed.batch, 'PL-204311');
    await collect(closed.batch, 'FB-7731002');
    await certificate(closed.batch, 'DB-2026-0187', 'destruction', closed.devices.map((d) => d.serial));
  }
  batches.push(closed.batch);

  // Collected: the recycler's certificate left out one device and listed a serial that was not shipped.
  step(24);
  const collected = await pack(BATCH_SIZES[1], 'pallet');
  if (collected.devices.length > 1) {
    await seal(collected.batch, 'PL-204388');
    await collect(collected.batch, 'FB-7731045');
    await certificate(collected.batch, 'GB-2026-0311', 'recycling', [...collected.devices.slice(1).map((d) => d.serial), 'HP5CG1234XYZ']);
  }
  batches.push(collected.batch);

  // Sealed: one data-bearing device still lacks its wipe, so collection is refused until it is recorded.
  step(24);
  const sealed = await pack(BATCH_SIZES[2], 'pallet', { unwiped: 1 });
  if (sealed.devices.length > 0) await seal(sealed.batch, 'PL-204402');
  batches.push(sealed.batch);

  // Open: still being packed.
  step(24);
  batches.push((await pack(BATCH_SIZES[3], 'box')).batch);

  return { recyclers: saved, batches: await Promise.all(batches.map(async (b) => (await batchDetail(warehouse, b.id)).batch)) };
}

