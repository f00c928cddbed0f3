/**
 * Facet counts for the marketplace's filters: beside each filter value, how many results choosing it gives.
 * Standard facet semantics: a facet's counts apply every OTHER filter (so a value already chosen still shows
 * its alternatives). Every count is decided by `matchesMarketFilter`, the one predicate, so a count can never
 * disagree with the results the same choice shows. Runs anywhere (no Node, no DOM).
 */
import { z } from 'zod';
import { CATEGORIES, CONDITIONS, Category, Condition, Id, type Device } from './schemas';
import { matchesMarketFilter, type MarketFilter } from './market-filter';

/** "RAM at least" choices, in GB. */
export const RAM_BUCKETS = [4, 8, 16, 32] as const;
/** "Storage at least" choices, in GB. */
export const STORAGE_BUCKETS = [128, 256, 512, 1000] as const;
/** "Year at least" choices. */
export const YEAR_BUCKETS = [2016, 2018, 2020, 2022, 2024] as const;
/**
 * Screen size ranges (inches, both ends included). The upper ends stop just short of the next range's
 * start so a 14.0" screen is in one range only; sizes are given to one decimal (13.3, 15.6).
 */
export const SCREEN_RANGES = [
  { minInch: 0, maxInch: 13.99 },
  { minInch: 14, maxInch: 15.99 },
  { minInch: 16, maxInch: 21.99 },
  { minInch: 22, maxInch: 26.99 },
  { minInch: 27, maxInch: 120 },
] as const;

const Count = z.number().int().min(0);

export const MarketFacets = z.object({
  category: z.array(z.object({ value: Category, count: Count })),
  /** Only administrations with at least one device; any other counts 0. */
  departmentId: z.array(z.object({ value: Id, count: Count })),
  condition: z.array(z.object({ value: Condition, count: Count })),
  ramMinGb: z.array(z.object({ value: z.number().int(), count: Count })),
  storageMinGb: z.array(z.object({ value: z.number().int(), count: Count })),
  screen: z.array(z.object({ minInch: z.number(), maxInch: z.number(), count: Count })),
  yearMin: z.array(z.object({ value: z.number().int(), count: Count })),
  wiped: z.array(z.object({ value: z.boolean(), count: Count })),
});
export type MarketFacets = z.infer<typeof MarketFacets>;
export type FacetName = keyof MarketFacets;

/** The filter fields each facet chooses: its counts are computed without them. */
export const FACET_FIELDS: Record<FacetName, readonly (keyof MarketFilter)[]> = {
  category: ['category'],
  departmentId: ['departmentId'],
  condition: ['conditions'],
  ramMinGb: ['ramMinGb'],
  storageMinGb: ['storageMinGb'],
  screen: ['screenMinInch', 'screenMaxInch'],
  yearMin: ['yearMin'],
  wiped: ['wiped'],
};
const FACETS = Object.keys(FACET_FIELDS) as FacetName[]; // why: Object.keys loses the record's key type

/** The filter without the fields of one facet. */
export function filterWithout(f: MarketFilter, facet: FacetName): MarketFilter {
  const out: Record<string, unknown> = { ...f };
  for (const k of FACET_FIELDS[facet]) delete out[k];
  return out as MarketFilter; // why: a MarketFilter with optional fields removed is still one
}

/** The one-field filters a bucket facet's values stand for, each counted by the one predicate. */
const BUCKETS = {
  ramMinGb: RAM_BUCKETS.map((value) => ({ value, filter: { ramMinGb: value } })),
  storageMinGb: STORAGE_BUCKETS.map((value) => ({ value, filter: { storageMinGb: value } })),
  screen: SCREEN_RANGES.map((r) => ({ ...r, filter: { screenMinInch: r.minInch, screenMaxInch: r.maxInch } })),
  yearMin: YEAR_BUCKETS.map((value) => ({ value, filter: { yearMin: value } })),
  wiped: [true, false].map((value) => ({ value, filter: { wiped: value } })),
} satisfies Partial<Record<FacetName, { filter: MarketFilter }[]>>;
type BucketFacet = keyof typeof BUCKETS;
/** The one value of a device each bucket facet's filters read: devices alike in it fall in the same buckets. */
const BUCKET_VALUE: Record<BucketFacet, (d: Device) => unknown> = {
  ramMinGb: (d) => d.specs.ramGb,
  storageMinGb: (d) => d.specs.storageGb,
  screen: (d) => d.specs.screenInch,
  yearMin: (d) => d.year,
  wiped: (d) => (d.dataBearing ? (d.sanitizationId ? 'wiped' : 'unwiped') : 'none'),
};
const BUCKET_FACETS = Object.keys(BUCKETS) as BucketFacet[]; // why: Object.keys loses the record's key type
/** The bucket facets whose value is read from the device's specs alone (see BUCKET_VALUE). */
const SPECS_FACETS = ['ramMinGb', 'storageMinGb', 'screen'] as const satisfies readonly BucketFacet[];

/**
 * Counts facets over the candidates of one search (the devices that pass everything but the filter: on the
 * marketplace, listed and matching the text) in one pass: `add` each candidate; it says whether the device
 * passes the whole filter. A device failing exactly one facet's filter counts in that facet only.
 */
export class FacetCounter {
  private readonly relaxed: [FacetName, MarketFilter][];
  private readonly category = new Map<string, { count: number }>();
  private readonly department = new Map<string, { count: number }>();
  private readonly condition = new Map<string, { count: number }>();
  /**
   * A bucket facet's devices by the one value its buckets look at (RAM, storage, screen, year, wiped state): the
   * count and one device with that value. The buckets are decided once per distinct value in result(), by the
   * same predicate, instead of once per device and bucket (which cost ~4 µs a device at 30,000 candidates).
   */
  private readonly byValue: Record<BucketFacet, Map<unknown, { count: number; device: Device }>>;
  /**
   * No filter field is set, so every device passes (matchesMarketFilter checks only fields that are set): the
   * unfiltered marketplace and a text-only search, ~30,000 candidates on a word's first key, skip the predicate.
   */
  private readonly passesAll: boolean;
  /**
   * Devices that pass, by their specs object: RAM, storage and screen are all read from it, and devices of one
   * model share it once loaded, so one count per device stands for three. Folded into byValue by result().
   */
  private readonly bySpecs = new Map<object, { count: number; device: Device }>();

  constructor(private readonly filter: MarketFilter) {
    // A facet whose fields are not set relaxes nothing: a device failing the filter fails it without them too.
    this.relaxed = FACETS.filter((name) => FACET_FIELDS[name].some((k) => filter[k] !== undefined)).map((name) => [name, filterWithout(filter, name)]);
    this.byValue = Object.fromEntries(BUCKET_FACETS.map((name) => [name, new Map()])) as Record<BucketFacet, Map<unknown, { count: number; device: Device }>>; // why: filled for every bucket facet just above
    this.passesAll = Object.values(filter).every((v) => v === undefined);
  }

  /** `n`: how many devices `d` stands for, all alike to the filter and the facets (facetProfileKey). */
  add(d: Device, n = 1): boolean {
    if (this.passesAll || matchesMarketFilter(d, this.filter)) {
      this.countAll(d, n);
      return true;
    }
    for (const [name, without] of this.relaxed) {
      if (matchesMarketFilter(d, without)) {
        this.count(name, d, n);
        break;
      }
    }
    return false;
  }

  /** count() for every facet, written out: it runs for each device that passes (a loop over the names cost ~2x). */
  private countAll(d: Device, n: number): void {
    bump(this.category, d.category, n);
    bump(this.department, d.departmentId, n);
    if (d.condition !== undefined) bump(this.condition, d.condition, n);
    tally(this.bySpecs, d.specs, d, n);
    tally(this.byValue.yearMin, BUCKET_VALUE.yearMin(d), d, n);
    tally(this.byValue.wiped, BUCKET_VALUE.wiped(d), d, n);
  }

  private count(name: FacetName, d: Device, n: number): void {
    switch (name) {
      case 'category':
        return bump(this.category, d.category, n);
      case 'departmentId':
        return bump(this.department, d.departmentId, n);
      case 'condition':
        return d.condition === undefined ? undefined : bump(this.condition, d.condition, n);
      default:
        return tally(this.byValue[name], BUCKET_VALUE[name](d), d, n);
    }
  }

  private bucketCount(name: BucketFacet, index: number): number {
    const { filter } = BUCKETS[name][index]!;
    let n = 0;
    for (const { count, device } of this.byValue[name].values()) if (matchesMarketFilter(device, filter)) n += count;
    return n;
  }

  result(): MarketFacets {
    for (const { count, device } of this.bySpecs.values()) {
      for (const name of SPECS_FACETS) tally(this.byValue[name], BUCKET_VALUE[name](device), device, count);
    }
    this.bySpecs.clear();
    return buildFacets({
      category: (v) => this.category.get(v)?.count ?? 0,
      departments: [...this.department].map(([value, { count }]) => [value, count]),
      condition: (v) => this.condition.get(v)?.count ?? 0,
      bucket: (name, i) => this.bucketCount(name, i),
    });
  }
}

function bump(m: Map<string, { count: number }>, key: string, n: number): void {
  const seen = m.get(key);
  if (seen) seen.count += n;
  else m.set(key, { count: n });
}

/** Counts `d` under its bucket value, keeping the first device seen with that value to decide its buckets by. */
function tally(m: Map<unknown, { count: number; device: Device }>, value: unknown, d: Device, n: number): void {
  const seen = m.get(value);
  if (seen) seen.count += n;
  else m.set(value, { count: n, device: d });
}

/**
 * Facets in their fixed shape and order from counts however a store found them (the SQLite store counts in
 * SQL), so every store answers alike. Administrations: most devices first, then by id.
 */
export function buildFacets(counts: {
  category: (c: Category) => number;
  departments: Iterable<[string, number]>;
  condition: (c: Condition) => number;
  bucket: (name: BucketFacet, index: number) => number;
}): MarketFacets {
  return {
    category: CATEGORIES.map((value) => ({ value, count: counts.category(value) })),
    departmentId: [...counts.departments]
      .filter(([, count]) => count > 0)
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    condition: CONDITIONS.map((value) => ({ value, count: counts.condition(value) })),
    ramMinGb: BUCKETS.ramMinGb.map((b, i) => ({ value: b.value, count: counts.bucket('ramMinGb', i) })),
    storageMinGb: BUCKETS.storageMinGb.map((b, i) => ({ value: b.value, count: counts.bucket('storageMinGb', i) })),
    screen: BUCKETS.screen.map((b, i) => ({ minInch: b.minInch, maxInch: b.maxInch, count: counts.bucket('screen', i) })),
    yearMin: BUCKETS.yearMin.map((b, i) => ({ value: b.value, count: counts.bucket('yearMin', i) })),
    wiped: BUCKETS.wiped.map((b, i) => ({ value: b.value, count: counts.bucket('wiped', i) })),
  };
}

/** The bucket facets' one-field filters, for a store that counts them in its own query language. */
export function bucketFilters(): { name: BucketFacet; filters: MarketFilter[] }[] {
  return BUCKET_FACETS.map((name) => ({ name, filters: BUCKETS[name].map((b) => b.filter) }));
}
