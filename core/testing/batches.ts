/** Test data for e-waste batches: a certified recycler, devices routed to e-waste, and a batch collected by the recycler. */
import { BUF_CONTACT, BUF_SITE, SHELF, WAREHOUSE, WIPE, run, type Harness } from './harness';

export const ADMIN = 'user-admin-1';

/** A recycler under the joint agreement, certified until mid-2027 (the test clock is in November 2026). */
export const TEST_RECYCLER = {
  legalName: 'Elektronik Genanvendelse A/S',
  cvr: '64942212',
  address: 'Industrivej 1, 2600 Glostrup',
  certifications: [{ scheme: 'WEEELABEX' as const, number: 'WL-123', validUntil: '2027-06-30' }],
};

/** Five devices routed to e-waste: four wiped laptops (SN-1 … SN-4, 2 kg) and one unwiped desktop (SN-5, data-bearing). */
export async function routedFive(h: Harness) {
  const buf = await h.as(BUF_CONTACT);
  const wh = await h.as(WAREHOUSE);
  const devices = [];
  for (let i = 1; i <= 5; i++) {
    const category = i === 5 ? ('desktop' as const) : ('laptop' as const);
    const d = await run(buf, 'devices.report', { category, manufacturer: 'HP', model: 'EliteBook', serial: `SN-${i}`, locationId: BUF_SITE, weightKg: 2 });
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'defective', locationId: SHELF });
    if (i !== 5) await run(wh, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    devices.push(await run(wh, 'devices.routeToEwaste', { deviceId: d.id, reason: 'defective' }));
  }
  return devices;
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
