import { describe, expect, it } from 'vitest';
import { CATEGORIES, CONDITIONS, type Device } from './schemas';
import { marketProfileKey, matchesMarketFilter, type MarketFilter } from './market-filter';
import { FacetCounter, filterWithout, RAM_BUCKETS, SCREEN_RANGES, STORAGE_BUCKETS, YEAR_BUCKETS, type MarketFacets } from './market-facets';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

function devices(count: number, seed: number): Device[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const maybe = <T,>(v: T) => (r() < 0.15 ? undefined : v);
  return Array.from({ length: count }, (_, i) => {
    const dataBearing = r() < 0.8;
    return {
      id: `d${i}`,
      assetTag: `KK-${String(i).padStart(7, '0')}`,
      category: pick(CATEGORIES),
      manufacturer: 'Dell',
      model: 'X',
      serial: `S${i}`,
      specs: { ramGb: maybe(pick([2, 4, 8, 12, 16, 32, 64])), storageGb: maybe(pick([64, 128, 256, 512, 1000, 2000])), screenInch: maybe(pick([11.6, 13.3, 14, 15.6, 17.3, 24, 27, 32])) },
      dataBearing,
      sanitizationId: dataBearing && r() < 0.6 ? `s${i}` : undefined,
      condition: maybe(pick(CONDITIONS)),
      year: maybe(2012 + Math.floor(r() * 14)),
      departmentId: pick(['dep-buf', 'dep-suf', 'dep-okf']),
      locationId: 'loc',
      status: 'listed',
      weightKg: 1,
      reportedAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      trailLength: 0,
      // Not drawn from the generator, so the other fields stay as they were before availability existed.
      availableFrom: i % 5 === 0 ? `2026-12-${String(1 + (i % 28)).padStart(2, '0')}` : undefined,
    } satisfies Device;
  });
}

function count(ds: readonly Device[], f: MarketFilter): number {
  return ds.filter((d) => matchesMarketFilter(d, f)).length;
}

function facetsOf(ds: readonly Device[], f: MarketFilter): { facets: MarketFacets; total: number } {
  const c = new FacetCounter(f);
  let total = 0;
  for (const d of ds) if (c.add(d)) total++;
  return { facets: c.result(), total };
}

const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);

const FILTERS: MarketFilter[] = [
  {},
  { category: 'laptop' },
  { ramMinGb: 8, screenMinInch: 14, screenMaxInch: 15.99 },
  { category: 'laptop', departmentId: 'dep-suf', conditions: ['A', 'B'], ramMinGb: 16, storageMinGb: 256, yearMin: 2018, wiped: true },
  { wiped: false, yearMin: 2020, conditions: ['C'] },
  { availableBy: '2026-12-10', category: 'laptop' },
];

describe('facet counts', () => {
  const ds = devices(3000, 7);

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('add up for %s', (_, f) => {
    const { facets, total } = facetsOf(ds, f);
    expect(total).toBe(count(ds, f));
    // A single-choice facet's values sum to the total without that facet (every device has one value).
    expect(sum(facets.category)).toBe(count(ds, filterWithout(f, 'category')));
    expect(sum(facets.departmentId)).toBe(count(ds, filterWithout(f, 'departmentId')));
    // A grade is optional: the grades plus the ungraded make the total without the grade choice.
    const ungraded = ds.filter((d) => d.condition === undefined && matchesMarketFilter(d, filterWithout(f, 'condition'))).length;
    expect(sum(facets.condition) + ungraded).toBe(count(ds, filterWithout(f, 'condition')));
    // Choosing a value gives as many results as its count said.
    for (const c of facets.category) expect(c.count).toBe(count(ds, { ...filterWithout(f, 'category'), category: c.value }));
    for (const c of facets.condition) expect(c.count).toBe(count(ds, { ...filterWithout(f, 'condition'), conditions: [c.value] }));
    RAM_BUCKETS.forEach((gb, i) => expect(facets.ramMinGb[i]).toEqual({ value: gb, count: count(ds, { ...f, ramMinGb: gb }) }));
    STORAGE_BUCKETS.forEach((gb, i) => expect(facets.storageMinGb[i]!.count).toBe(count(ds, { ...f, storageMinGb: gb })));
    YEAR_BUCKETS.forEach((y, i) => expect(facets.yearMin[i]!.count).toBe(count(ds, { ...f, yearMin: y })));
    SCREEN_RANGES.forEach((s, i) =>
      expect(facets.screen[i]!.count).toBe(count(ds, { ...f, screenMinInch: s.minInch, screenMaxInch: s.maxInch })),
    );
    expect(facets.wiped.map((w) => w.count)).toEqual([count(ds, { ...f, wiped: true }), count(ds, { ...f, wiped: false })]);
  });

  it('puts a screen size in exactly one range, so the ranges sum to the devices with a known screen', () => {
    const f: MarketFilter = { category: 'laptop' };
    const { facets } = facetsOf(ds, f);
    expect(sum(facets.screen)).toBe(ds.filter((d) => d.specs.screenInch !== undefined && matchesMarketFilter(d, f)).length);
  });

  it('keeps the alternatives of a chosen value: choosing 32 GB still counts 8 GB', () => {
    const { facets, total } = facetsOf(ds, { ramMinGb: 32 });
    expect(facets.ramMinGb.find((b) => b.value === 32)!.count).toBe(total);
    expect(facets.ramMinGb.find((b) => b.value === 8)!.count).toBeGreaterThan(total);
  });
});

// A store may decide the filter and count facets once per profile, weighting one device by how many share its key.
describe('profiles (marketProfileKey) and weighted counts', () => {
  // Copies differing only in what no filter reads (id, tag, serial, notes, dates), so profiles hold several devices.
  const ds = devices(800, 11).flatMap((d, i) => [
    d,
    ...Array.from({ length: i % 3 }, (_, c) => ({ ...d, id: `${d.id}-${c}`, assetTag: `${d.assetTag}${c}`, serial: `T${i}-${c}`, notes: 'x', updatedAt: '2026-02-01T00:00:00.000Z' })),
  ]);
  const groups = new Map<string, Device[]>();
  for (const d of ds) groups.set(marketProfileKey(d), [...(groups.get(marketProfileKey(d)) ?? []), d]);

  it.each(FILTERS.map((f) => [JSON.stringify(f), f] as const))('count as device by device for %s', (_, f) => {
    expect(groups.size).toBeLessThan(ds.length * 0.6);
    for (const g of groups.values()) expect(g.map((d) => matchesMarketFilter(d, f))).toEqual(g.map(() => matchesMarketFilter(g[0]!, f)));
    const weighted = new FacetCounter(f);
    let total = 0;
    for (const g of groups.values()) if (weighted.add(g[0]!, g.length)) total += g.length;
    expect({ facets: weighted.result(), total }).toEqual(facetsOf(ds, f));
  });

  it('differ for devices that differ in any field a filter reads', () => {
    const d = ds.find((x) => x.dataBearing && x.sanitizationId && x.condition && x.year && x.specs.ramGb && x.specs.storageGb && x.specs.screenInch)!;
    const variants: Device[] = [
      { ...d, category: d.category === 'laptop' ? 'desktop' : 'laptop' },
      { ...d, departmentId: `${d.departmentId}x` },
      { ...d, condition: d.condition === 'A' ? 'B' : 'A' },
      { ...d, condition: undefined },
      { ...d, specs: { ...d.specs, ramGb: d.specs.ramGb! + 1 } },
      { ...d, specs: { ...d.specs, storageGb: d.specs.storageGb! + 1 } },
      { ...d, specs: { ...d.specs, screenInch: d.specs.screenInch! + 0.1 } },
      { ...d, year: d.year! + 1 },
      { ...d, sanitizationId: undefined },
      { ...d, dataBearing: false, sanitizationId: undefined },
      { ...d, availableFrom: '2027-01-01' },
    ];
    const keys = new Set([d, ...variants].map(marketProfileKey));
    expect(keys.size).toBe(variants.length + 1);
    expect(marketProfileKey({ ...d, id: 'other', serial: 'other', notes: 'other', updatedAt: '2030-01-01T00:00:00.000Z' })).toBe(marketProfileKey(d));
  });
});
