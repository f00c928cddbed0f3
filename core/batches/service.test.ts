import { describe, expect, it } from 'vitest';
import { ADMIN, routedFive, TEST_RECYCLER } from '../testing/batches';
import { WAREHOUSE, WIPE, callAs, refusal, run, useHarness } from '../testing/harness';

describe('an e-waste batch from packing to certificate', () => {
  const h = useHarness();

  it('packs, seals, refuses collection naming the unwiped tag, collects after the wipe, and reconciles two certificates', async () => {
    const wh = await h.as(WAREHOUSE);
    const recycler = await run(await h.as(ADMIN), 'recyclers.save', TEST_RECYCLER);
    const devices = await routedFive(h);
    const batch = await run(wh, 'batches.create', { containerType: 'pallet' });
    expect(batch).toMatchObject({ number: 'AP-000001', status: 'open', deviceCount: 0 });
    for (const d of devices) await run(wh, 'batches.addDevice', { batchId: batch.id, tag: `kredslob://device/${d.assetTag}` });
    let detail = await run(wh, 'batches.get', { id: batch.id });
    expect(detail.batch).toMatchObject({ deviceCount: 5, declaredKg: 10 });
    expect(detail.weee).toEqual([
      { category: '2', devices: 4, declaredKg: 8 },
      { category: '6', devices: 1, declaredKg: 2 },
    ]);
    expect(detail.unwiped.map((u) => u.assetTag)).toEqual([devices[4]!.assetTag]);

    detail = await run(wh, 'batches.seal', { batchId: batch.id, sealId: 'PL-778', weightsKg: { '2': 8.4, '6': 2.2 } });
    expect(detail.batch.status).toBe('sealed');
    expect(await refusal(run(wh, 'batches.addDevice', { batchId: batch.id, tag: devices[0]!.assetTag }))).toBe('BATCH_LOCKED');

    const collect = { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-1001', date: '2026-11-02' };
    const refused = await callAs(h, WAREHOUSE, 'batches.collect', collect);
    expect(refused.ok ? undefined : refused.error).toMatchObject({ code: 'UNWIPED_IN_BATCH' });
    expect(refused.ok ? '' : refused.error.message).toContain(devices[4]!.assetTag);
    expect((await h.store.getDevice(devices[0]!.id))?.status).toBe('in_batch');

    await run(wh, 'devices.recordSanitization', { deviceId: devices[4]!.id, ...WIPE });
    detail = await run(wh, 'batches.collect', collect);
    expect(detail.batch.status).toBe('collected');
    expect(detail.missing).toHaveLength(5);

    const first = await run(wh, 'batches.registerCertificate', {
      batchId: batch.id,
      number: 'GB-1',
      issueDate: '2026-11-02',
      kind: 'recycling',
      serials: [' sn-1', 'SN-2 ', 'Sn-3', 'SN-4', 'SN-4', 'X-99', ''],
    });
    expect(first.certificate.matched.map((m) => m.serial)).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4']);
    expect(first.certificate.missing.map((m) => m.serial)).toEqual(['SN-5']);
    expect(first.certificate.unexpected).toEqual(['X-99']);
    expect(first.certificate.duplicates).toEqual(['SN-4']);
    expect(first.detail.batch.status).toBe('collected');
    expect(first.detail.missingCount).toBe(1);
    expect((await h.store.getDevice(devices[0]!.id))?.status).toBe('recycled');
    expect((await h.store.getDevice(devices[4]!.id))?.status).toBe('collected');
    const trail = await h.store.trail(devices[0]!.id);
    expect(trail.slice(-2)).toMatchObject([
      { type: 'certified', certificateNo: 'GB-1', recyclerName: TEST_RECYCLER.legalName, recyclerCvr: TEST_RECYCLER.cvr },
      { type: 'recycled', certificateNo: 'GB-1' },
    ]);

    const again = await run(wh, 'batches.registerCertificate', {
      batchId: batch.id, number: 'GB-1', issueDate: '2026-11-02', kind: 'recycling', serials: ['SN-1', 'sn-2', 'SN-3', 'SN-4', 'sn-4', 'X-99'],
    });
    expect(again.alreadyRegistered).toBe(true);
    expect((await h.store.trail(devices[0]!.id)).length).toBe(trail.length);

    const second = await run(wh, 'batches.registerCertificate', { batchId: batch.id, number: 'GB-2', issueDate: '2026-11-02', kind: 'destruction', serials: ['SN-5', 'SN-1'] });
    expect(second.certificate.alreadyCovered).toEqual(['SN-1']);
    expect(second.detail.batch.status).toBe('closed');
    expect((await h.store.getDevice(devices[4]!.id))?.status).toBe('destroyed');
    expect(await h.store.verifyTrails()).toEqual([]);

    // The list of batches carries counts, not the certificates' serial lists (thousands per batch over a year).
    const listed = await run(wh, 'batches.search', { limit: 10 });
    expect(listed.total).toBe(1);
    expect(listed.items[0]).toMatchObject({ certificateCount: 2, missingCount: 0, batch: { number: 'AP-000001', status: 'closed' } });
    expect(listed.items[0]!.batch).not.toHaveProperty('certificates');
    expect(JSON.stringify(listed)).not.toContain('SN-1');
  });
});
