import { describe, expect, it } from 'vitest';
import { weeeOf } from '../../shared/categories';
import { BUF_CONTACT, BUF_SITE, SHELF, SUF_CONTACT, WAREHOUSE, callAs, listedLaptop, refusal, run, siteOf, useHarness, type Harness } from '../testing/harness';

const DAY = 24 * 3600_000;

describe('routing to e-waste', () => {
  const h = useHarness();

  it('routes a device by scanned tag with its reason and note, one trail event, through the lifecycle table', async () => {
    const d = await listedLaptop(h);
    const wh = await h.as(WAREHOUSE);
    const routed = await run(wh, 'devices.routeToEwaste', { assetTag: d.assetTag, reason: 'obsolete', note: ' Skærmen flimrer ' });
    expect(routed.status).toBe('ewaste_queued');
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'routed_to_ewaste', reason: 'obsolete', note: 'Skærmen flimrer', actor: { id: WAREHOUSE } });
    expect(await h.store.verifyTrails()).toEqual([]);
  });

  it('refuses a reserved device, a contact, and a call naming neither or both of id and tag, writing nothing', async () => {
    const d = await listedLaptop(h);
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    const before = await h.store.trail(d.id);
    const wh = await h.as(WAREHOUSE);
    expect(await refusal(run(wh, 'devices.routeToEwaste', { deviceId: d.id, reason: 'decision' }))).toBe('TRANSITION_NOT_ALLOWED');
    const other = await listedLaptop(h, 'PF-2');
    expect(await refusal(run(await h.as(BUF_CONTACT), 'devices.routeToEwaste', { deviceId: other.id, reason: 'decision' }))).toBe(
      'ROLE_NOT_ALLOWED',
    );
    expect((await h.store.getDevice(other.id))?.status).toBe('listed');
    await expect(run(wh, 'devices.routeToEwaste', { reason: 'decision' })).rejects.toThrow(/exactly one of deviceId and assetTag/);
    await expect(run(wh, 'devices.routeToEwaste', { deviceId: d.id, assetTag: d.assetTag, reason: 'decision' })).rejects.toThrow();
    expect(await h.store.trail(d.id)).toEqual(before);
  });
});

describe('e-waste suggestions', () => {
  const h = useHarness();

  it('proposes a defective device in stock, one unclaimed on the marketplace past the setting, and one too old, each once', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const report = (serial: string, extra: { year?: number } = {}) =>
      run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P1', serial, locationId: BUF_SITE, ...extra });
    const broken = await report('DEF');
    await run(wh, 'devices.checkIn', { assetTag: broken.assetTag, condition: 'defective', locationId: SHELF });
    const idle = await listedLaptop(h, 'IDLE');
    const fresh = await report('NEW', { year: 2025 });
    // Monitors are suggested after 12 years by default; the clock is in 2026.
    const old = await report('OLD', { year: 2010 });

    h.clock.advance(30 * DAY);
    let s = await run(wh, 'ewaste.suggestions', {});
    expect(s.items.map((i) => [i.device.id, i.reason])).toEqual([
      [broken.id, 'defective'],
      [old.id, 'obsolete'],
    ]);

    h.clock.advance(31 * DAY);
    s = await run(wh, 'ewaste.suggestions', {});
    expect(s.unclaimedDays).toBe(60);
    expect(s.items.map((i) => [i.device.id, i.reason])).toEqual([
      [broken.id, 'defective'],
      [idle.id, 'unclaimed'],
      [old.id, 'obsolete'],
    ]);
    expect(s.items[1]?.days).toBe(61);
    expect(s.items.some((i) => i.device.id === fresh.id)).toBe(false);

    // A routed device is no longer suggested.
    await run(wh, 'devices.routeToEwaste', { deviceId: broken.id, reason: 'defective' });
    expect((await run(wh, 'ewaste.suggestions', { limit: 1 })).total).toBe(2);
  });
});

describe("a device's WEEE category", () => {
  const h = useHarness();
  const ADMIN = 'user-admin-1';

  /** A wiped laptop (WEEE 2 by its category) routed to e-waste and packed in an open batch. */
  async function laptopInBatch(harness: Harness) {
    const d = await listedLaptop(harness);
    const wh = await harness.as(WAREHOUSE);
    await run(wh, 'devices.routeToEwaste', { deviceId: d.id, reason: 'obsolete' });
    const batch = await run(wh, 'batches.create', { containerType: 'cage' });
    await run(wh, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
    return { device: d, batch };
  }

  /** The device and its trail: what a refused or idle call must leave as it was. */
  const stateOf = async (id: string) => JSON.stringify({ device: await h.store.getDevice(id), trail: await h.store.trail(id) });

  it('is set by the warehouse with a trail event, and cleared back to the category default with another', async () => {
    const d = await listedLaptop(h);
    const wh = await h.as(WAREHOUSE);
    const set = await run(wh, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: 6 });
    expect(set.weeeOverride).toBe(6);
    expect(weeeOf(set)).toBe(6);
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'weee_category_set', from: 2, to: 6, actor: { id: WAREHOUSE } });

    const cleared = await run(await h.as(ADMIN), 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: null });
    expect(cleared.weeeOverride).toBeUndefined();
    expect(weeeOf(cleared)).toBe(2);
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'weee_category_set', from: 6, to: null, actor: { id: ADMIN } });
    expect((await h.store.getDevice(d.id))?.trailLength).toBe(cleared.trailLength);
    expect(await h.store.verifyTrails()).toEqual([]);
  });

  it("keeps no override when set to the category's own number, and writes nothing when nothing changes", async () => {
    const d = await listedLaptop(h);
    const wh = await h.as(WAREHOUSE);
    const before = await stateOf(d.id);
    // The laptop's category already declares it under 2: the same as no override.
    expect((await run(wh, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: 2 })).weeeOverride).toBeUndefined();
    await run(wh, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: null });
    expect(await stateOf(d.id)).toBe(before);

    await run(wh, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: 5 });
    const overridden = await stateOf(d.id);
    await run(wh, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: 5 });
    expect(await stateOf(d.id)).toBe(overridden);
  });

  it("moves the device's declared kg to the new category while its batch is open, and is refused once the batch is sealed", async () => {
    const { device, batch } = await laptopInBatch(h);
    const wh = await h.as(WAREHOUSE);
    await run(wh, 'devices.setWeeeCategory', { deviceId: device.id, weeeCategory: 6 });
    const detail = await run(wh, 'batches.get', { id: batch.id });
    expect(detail.weee.map((w) => [w.category, w.devices])).toEqual([['6', 1]]);

    await run(wh, 'batches.seal', { batchId: batch.id, sealId: 'PL-1', weightsKg: { '6': 1.7 } });
    const before = await stateOf(device.id);
    expect(await refusal(run(wh, 'devices.setWeeeCategory', { deviceId: device.id, weeeCategory: null }))).toBe('BATCH_LOCKED');
    expect(await stateOf(device.id)).toBe(before);
  });

  it('is refused once the recycler has collected the device', async () => {
    const { device, batch } = await laptopInBatch(h);
    const wh = await h.as(WAREHOUSE);
    const recycler = await run(await h.as(ADMIN), 'recyclers.save', {
      legalName: 'Elektronik Genanvendelse A/S',
      cvr: '64942212',
      address: 'Industrivej 1, 2600 Glostrup',
      certifications: [{ scheme: 'WEEELABEX', number: 'WL-123', validUntil: '2027-06-30' }],
    });
    await run(wh, 'batches.seal', { batchId: batch.id, sealId: 'PL-2', weightsKg: { '2': 1.7 } });
    await run(wh, 'batches.collect', { batchId: batch.id, recyclerId: recycler.id, waybill: 'FB-1', date: '2026-11-02' });
    const before = await stateOf(device.id);
    expect(await refusal(run(wh, 'devices.setWeeeCategory', { deviceId: device.id, weeeCategory: 6 }))).toBe('TRANSITION_NOT_ALLOWED');
    expect(await stateOf(device.id)).toBe(before);
  });

  it('is refused for a department IT contact, with nothing written', async () => {
    const d = await listedLaptop(h);
    const before = await stateOf(d.id);
    const refused = await callAs(h, BUF_CONTACT, 'devices.setWeeeCategory', { deviceId: d.id, weeeCategory: 6 });
    expect(refused.ok ? undefined : refused.error.code).toBe('FORBIDDEN');
    expect(await stateOf(d.id)).toBe(before);
  });
});
