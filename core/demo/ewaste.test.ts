import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BatchDetail, DeviceDetail } from '../../shared/contract';
import { isValidCvr } from '../../shared/categories';
import { copenhagenDay } from '../../shared/days';
import { batchDetail } from '../batches/service';
import { getDeviceDetail } from '../devices/service';
import { callAs, harness, type Harness } from '../testing/harness';
import { seedDemo } from './generate';

const NOW = new Date('2026-11-29T12:00:00.000Z');
const WAREHOUSE = 'user-warehouse-1';

describe('the first-start demo’s e-waste', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await harness();
    await seedDemo(h.store, NOW);
    h.clock.advance(NOW.getTime() - h.clock.now().getTime());
  });
  afterAll(async () => h.close());

  it('has a batch in each state, the collected one with one device its certificate left out', async () => {
    // The last weeks' four batches, after the history's monthly ones (history.ts).
    const batches = (await h.store.listBatches()).sort((a, b) => a.number.localeCompare(b.number)).slice(-4);
    expect(batches.map((b) => b.status)).toEqual(['closed', 'collected', 'sealed', 'open']);
    for (const b of batches) expect(b.deviceCount).toBeGreaterThan(0);
    const reads = { store: h.store, clock: h.clock, actor: { kind: 'system' as const } };
    const details = await Promise.all(batches.map((b) => batchDetail(reads, b.id)));
    for (const d of details) expect(BatchDetail.safeParse(d).success).toBe(true);
    const [closed, collected, sealed] = details;
    expect(closed?.batch.certifiedDestruction).toBe(true);
    expect(collected?.missing).toHaveLength(1);
    expect(collected?.batch.certificates[0]?.unexpected).toHaveLength(1);
    // The sealed batch shows the collection gate: one data-bearing device still without its wipe.
    expect(sealed?.unwiped).toHaveLength(1);
    const refused = await callAs(h, WAREHOUSE, 'batches.collect', {
      batchId: sealed?.batch.id ?? '',
      recyclerId: collected?.batch.collection?.recyclerId ?? '',
      waybill: 'FB-1',
      date: copenhagenDay(NOW),
    });
    expect(refused.ok ? '' : refused.error.message).toContain(sealed?.unwiped[0]?.assetTag);
  });

  it('has two recyclers with valid CVRs; the one whose certifications all expired is refused a collection, naming them', async () => {
    const recyclers = await h.store.listRecyclers();
    expect(recyclers).toHaveLength(2);
    for (const r of recyclers) expect(isValidCvr(r.cvr)).toBe(true);
    const lapsed = recyclers.find((r) => r.certifications.every((c) => c.validUntil < copenhagenDay(NOW)));
    if (!lapsed) throw new Error('the demo has a recycler whose certifications all expired');
    const sealed = (await h.store.listBatches()).find((b) => b.status === 'sealed');
    const refused = await callAs(h, WAREHOUSE, 'batches.collect', { batchId: sealed?.id ?? '', recyclerId: lapsed.id, waybill: 'FB-2', date: copenhagenDay(NOW) });
    expect(refused.ok ? undefined : refused.error.code).toBe('RECYCLER_CERTIFICATION_EXPIRED');
    expect(refused.ok ? '' : refused.error.message).toContain(lapsed.certifications[0]?.number);
  });

  it('keeps every trail intact and every device page within the contract, the batch events in time order', async () => {
    expect(await h.store.verifyTrails()).toEqual([]);
    const { items } = await h.store.searchDevices({ sort: 'updated_desc', limit: 1000, offset: 0 });
    const reads = { store: h.store, clock: h.clock, actor: { kind: 'system' as const } };
    for (const device of items) {
      const detail = await getDeviceDetail(reads, { id: device.id });
      expect(DeviceDetail.safeParse(detail).success, device.assetTag).toBe(true);
      const times = detail.trail.map((e) => e.at);
      expect(times, device.assetTag).toEqual([...times].sort());
      expect(times.at(-1)! <= NOW.toISOString(), device.assetTag).toBe(true);
    }
    expect(items.filter((d) => d.batchId).length).toBe((await h.store.listBatches()).reduce((n, b) => n + b.deviceCount, 0));
  });
});
