/** E-waste test data: a recycler under the agreement, devices routed to e-waste, batches in each state. */
import type { Batch, Category, Device } from '../../shared/schemas';
import { BUF_CONTACT, BUF_SITE, SHELF, WAREHOUSE, WIPE, run, type Harness } from './harness';

export const ADMIN = 'user-admin-1';

/** A recycler under the joint agreement, certified until mid-2027 (the test clock is in November 2026). */
export const TEST_RECYCLER = {
  legalName: 'Elektronik Genanvendelse A/S',
  cvr: '64942212',
  address: 'Industrivej 1, 2600 Glostrup',
  certifications: [{ scheme: 'WEEELABEX' as const, number: 'WL-123', validUntil: '2027-06-30' }],
};

/** The harness clock's day (TestClock starts on 2026-11-02). */
export const TODAY = '2026-11-02';

export interface RoutedSpec {
  serial: string;
  category?: Category;
  /** Leave a data-bearing device without a sanitization record. */
  unwiped?: boolean;
}

/** Devices reported by BUF, checked in as defective, wiped unless told (verified Purge) and routed to e-waste. */
export async function routed(h: Harness, specs: readonly RoutedSpec[]): Promise<Device[]> {
  const buf = await h.as(BUF_CONTACT);
  const wh = await h.as(WAREHOUSE);
  const out: Device[] = [];
  for (const s of specs) {
    const d = await run(buf, 'devices.report', { category: s.category ?? 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: s.serial, locationId: BUF_SITE, weightKg: 2 });
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'defective', locationId: SHELF });
    if (!s.unwiped) await run(wh, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    out.push(await run(wh, 'devices.routeToEwaste', { deviceId: d.id, reason: 'defective' }));
  }
  return out;
}

/** The measured weights for sealing: every WEEE category the batch holds, at its declared kg. */
export async function measuredWeights(h: Harness, batchId: string): Promise<Partial<Record<'2' | '4' | '5' | '6', number>>> {
  const detail = await run(await h.as(WAREHOUSE), 'batches.get', { id: batchId });
  return Object.fromEntries(detail.weee.map((w) => [w.category, w.declaredKg]));
}

export interface BatchSetup {
  batch: Batch;
  devices: Device[];
  recyclerId: string;
}

/**
 * A batch with the given devices packed, and a recycler saved, in the state asked for (`open`,
 * `sealed`, `collected`). Collection is for `TODAY` with waybill FB-1.
 */
export async function batchIn(
  h: Harness,
  state: 'open' | 'sealed' | 'collected',
  specs: readonly RoutedSpec[] = [{ serial: 'SN-1' }, { serial: 'SN-2' }],
  options: { certifiedDestruction?: boolean } = {},
): Promise<BatchSetup> {
  const wh = await h.as(WAREHOUSE);
  const recycler = await run(await h.as(ADMIN), 'recyclers.save', TEST_RECYCLER);
  const devices = await routed(h, specs);
  let batch = await run(wh, 'batches.create', { containerType: 'pallet', certifiedDestruction: options.certifiedDestruction ?? false });
  for (const d of devices) await run(wh, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
  if (state !== 'open') batch = (await run(wh, 'batches.seal', { batchId: batch.id, sealId: 'PL-1', weightsKg: await measuredWeights(h, batch.id) })).batch;
  if (state === 'collected') batch = (await run(wh, 'batches.collect', { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-1', date: TODAY })).batch;
  const current = await Promise.all(devices.map(async (d) => (await h.store.getDevice(d.id))!));
  return { batch, devices: current, recyclerId: recycler.id };
}

/** Five devices routed to e-waste: four wiped laptops (SN-1 … SN-4, 2 kg) and one unwiped desktop (SN-5, data-bearing). */
export function routedFive(h: Harness): Promise<Device[]> {
  return routed(h, [1, 2, 3, 4, 5].map((i) => (i === 5 ? { serial: 'SN-5', category: 'desktop' as const, unwiped: true } : { serial: `SN-${i}` })));
}

/**
 * The five devices packed in a pallet (AP-000001), sealed as PL-778 with 8.4 kg of WEEE 2 and 2.2 kg of WEEE 6,
 * the desktop wiped, and collected by TEST_RECYCLER on waybill FB-1001 on 2026-11-02.
 */
export async function collectedBatch(h: Harness) {
  const wh = await h.as(WAREHOUSE);
  const recycler = await run(await h.as(ADMIN), 'recyclers.save', TEST_RECYCLER);
  const devices = await routedFive(h);
  const batch = await run(wh, 'batches.create', { containerType: 'pallet' });
  for (const d of devices) await run(wh, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
  await run(wh, 'batches.seal', { batchId: batch.id, sealId: 'PL-778', weightsKg: { '2': 8.4, '6': 2.2 } });
  await run(wh, 'devices.recordSanitization', { deviceId: devices[4]!.id, ...WIPE });
  await run(wh, 'batches.collect', { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-1001', date: '2026-11-02' });
  return { batch, devices, recycler };
}
