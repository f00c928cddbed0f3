import { describe, expect, it } from 'vitest';
import { BUF_CONTACT, BUF_SITE, SHELF, SUF_CONTACT, WAREHOUSE, listedLaptop, refusal, run, siteOf, useHarness } from '../testing/harness';

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
