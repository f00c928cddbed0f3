/** The first-start demo as the sustainability team sees it: a real year of figures, every trail intact. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrailEvent } from '../../shared/schemas';
import { factorVersionAt } from '../stats/factors';
import { statsSummary } from '../stats/summary';
import { harness, type Harness } from '../testing/harness';
import { seedDemo } from './generate';

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('the first-start demo’s 24 months of history', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await harness();
    await seedDemo(h.store, NOW);
  });
  afterAll(async () => h.close());

  it('gives the last 12 months reuse, recycling and CO2e avoided in most months, and a reuse rate between 0 and 1', async () => {
    const s = await statsSummary(h.store, factorVersionAt, { from: '2025-12-01', to: '2026-12-01', groupBy: 'month' });
    expect(s.rows.map((r) => r.key)).toHaveLength(12);
    const months = (test: (r: (typeof s.rows)[number]) => boolean) => s.rows.filter(test).length;
    expect(months((r) => r.amounts.reused.count > 0)).toBeGreaterThanOrEqual(10);
    expect(months((r) => r.amounts.recycled.count + r.amounts.destroyed.count > 0)).toBeGreaterThanOrEqual(9);
    expect(months((r) => r.co2e.avoidedKg > 0)).toBeGreaterThanOrEqual(10);
    for (const r of s.rows) {
      if (r.reuseRate.byCount === null) continue;
      expect(r.reuseRate.byCount, r.key).toBeGreaterThanOrEqual(0);
      expect(r.reuseRate.byCount, r.key).toBeLessThanOrEqual(1);
    }
    expect(s.totals.reuseRate.byCount).toBeGreaterThan(0.4);
    expect(s.totals.reuseRate.byCount).toBeLessThan(0.8);
    // About 70 % of hand-overs replace a new purchase; the rest are counted, not credited.
    const marked = s.totals.co2e.credited + s.totals.co2e.noFactor;
    const share = marked / (marked + s.totals.co2e.notReplacing);
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.85);
    // Spring and after the summer holiday bring more surplus than July and December.
    const reported = (month: string) => s.rows.find((r) => r.key === month)?.amounts.reported.count ?? 0;
    expect(reported('2026-04') + reported('2026-09')).toBeGreaterThan(reported('2026-07') + reported('2025-12'));
  });

  it('spreads the figures over the administrations and categories, and some e-waste still misses a certificate', async () => {
    const year = { from: '2024-12-01', to: '2026-12-01' } as const;
    const byDept = await statsSummary(h.store, factorVersionAt, { ...year, groupBy: 'department' });
    expect(byDept.rows.filter((r) => r.amounts.reused.count > 0).length).toBe(7);
    const byCategory = await statsSummary(h.store, factorVersionAt, { ...year, groupBy: 'category' });
    expect(byCategory.rows.filter((r) => r.amounts.reported.count > 0).length).toBeGreaterThanOrEqual(10);
    const missing = byDept.ewaste.reduce((n, w) => n + w.missingCertificate.count, 0);
    expect(missing).toBeGreaterThan(0);
    expect(missing).toBeLessThan(5);
  });

  it('has devices reused in a second cycle, and every trail verifies and parses', async () => {
    expect(await h.store.verifyTrails()).toEqual([]);
    const { items } = await h.store.searchDevices({ sort: 'updated_desc', limit: 10_000, offset: 0 });
    expect(items.length).toBeGreaterThan(300);
    let twice = 0;
    for (const d of items) {
      const trail = await h.store.trail(d.id);
      for (const e of trail) {
        const parsed = TrailEvent.safeParse(e);
        expect(parsed.success, `${d.assetTag} #${e.seq} ${e.type}: ${parsed.error?.message ?? ''}`).toBe(true);
      }
      if (trail.filter((e) => e.type === 'handed_over').length === 2) twice++;
      expect(trail.at(-1)!.at <= NOW.toISOString(), d.assetTag).toBe(true);
    }
    expect(twice).toBeGreaterThan(0);
    const states = new Set(items.map((d) => d.status));
    for (const s of ['reported', 'in_stock', 'listed', 'reserved', 'reused', 'ewaste_queued', 'in_batch', 'collected', 'recycled', 'destroyed'] as const) {
      expect(states.has(s), s).toBe(true);
    }
  });
});
