/** The statistics procedures over devices that went through the real services (the clock is the harness's, 2 Nov 2026). */
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { SUF_CONTACT, SUSTAINABILITY, WAREHOUSE, listedLaptop, onPaper, run, siteOf, useHarness } from '../testing/harness';

describe('stats procedures', () => {
  const h = useHarness();

  it('count a hand-over made through the services and credit it with the laptop factor, naming the version', async () => {
    const d = await listedLaptop(h);
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
    await run(await h.as(WAREHOUSE), 'devices.handOver', { assetTag: d.assetTag, replacesNewPurchase: true, ...onPaper('dep-suf') });
    const sust = await h.as(SUSTAINABILITY);
    const s = await run(sust, 'stats.summary', { from: '2026-11-01', to: '2026-12-01', groupBy: 'department' });
    expect(s.totals.amounts.reused).toEqual({ count: 1, kg: 1.6 });
    expect(s.totals.amounts.reported).toEqual({ count: 1, kg: 1.6 });
    expect(s.totals.reuseRate).toEqual({ byCount: 1, byKg: 1 });
    // The default table's laptop: Boavizta's median manufacturing footprint, 235.9 kg CO2e.
    expect(s.totals.co2e).toEqual({ avoidedKg: 235.9, credited: 1, noFactor: 0, notReplacing: 0 });
    expect(s.factorVersions.map((v) => [v.number, v.credited])).toEqual([[1, 1]]);
    expect(s.rows.map((r) => r.key)).toEqual(['dep-buf']);
    const behind = await run(sust, 'stats.devices', { from: '2026-11-01', to: '2026-12-01', groupBy: 'department', group: 'dep-buf', figure: 'co2e_credited' });
    expect(behind.total).toBe(1);
    expect(behind.items.map((x) => [x.device.assetTag, x.co2eKg])).toEqual([[d.assetTag, 235.9]]);
    // October has none of it.
    const before = await run(sust, 'stats.summary', { from: '2026-10-01', to: '2026-11-01', groupBy: 'month' });
    expect(before.totals.amounts.reused.count).toBe(0);
    expect(before.totals.reuseRate).toEqual({ byCount: null, byKg: null });
  });

  it('refuses a period that ends before it starts, naming the end', () => {
    const parsed = contract['stats.summary'].input.safeParse({ from: '2026-02-01', to: '2026-01-01', groupBy: 'month' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['to']);
    expect(contract['stats.summary'].input.safeParse({ from: '2026-02-30', to: '2026-03-01', groupBy: 'month' }).success).toBe(false);
  });

  it('is for the sustainability team and admins', () => {
    expect(contract['stats.summary'].roles).toEqual(['sustainability', 'admin']);
    expect(contract['stats.devices'].roles).toEqual(['sustainability', 'admin']);
  });
});
