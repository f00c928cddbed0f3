/**
 * What a marketplace search and a wanted request ("efterlysning") ask of a device: one schema and one pure
 * predicate, so a saved request matches exactly the devices the same filters would show in the marketplace.
 * Runs anywhere (no Node, no DOM). Stores that search in SQL must give the same answer as `matchesMarketFilter`.
 */
import { z } from 'zod';
import { Category, Condition, Id, IsoDay, type Device } from './schemas';

export const MarketFilter = z
  .object({
    category: Category.optional(),
    /** The owning administration ("forvaltning"). */
    departmentId: Id.optional(),
    /** Any of these condition grades; absent or empty: any grade. */
    conditions: z.array(Condition).max(5).optional(),
    ramMinGb: z.number().int().min(0).max(4096).optional(),
    storageMinGb: z.number().int().min(0).max(1_000_000).optional(),
    screenMinInch: z.number().min(0).max(120).optional(),
    screenMaxInch: z.number().min(0).max(120).optional(),
    yearMin: z.number().int().min(1990).max(2100).optional(),
    /** Only data-bearing devices with a wipe on record (true), or only devices that carry no data (false). */
    wiped: z.boolean().optional(),
    /** Only devices that can be reserved on or before this day (their "available from" is not later). */
    availableBy: IsoDay.optional(),
  })
  .strict()
  .refine((f) => f.screenMinInch === undefined || f.screenMaxInch === undefined || f.screenMinInch <= f.screenMaxInch, {
    message: 'screen_range',
    path: ['screenMaxInch'],
  });
export type MarketFilter = z.infer<typeof MarketFilter>;

/**
 * Whether a device passes every filter that is set. A device without the spec a filter asks about (no RAM
 * recorded, no year) does not pass it: a contact asking for 16 GB must not be sent a device of unknown RAM.
 */
export function matchesMarketFilter(d: Device, f: MarketFilter): boolean {
  if (f.category !== undefined && d.category !== f.category) return false;
  if (f.departmentId !== undefined && d.departmentId !== f.departmentId) return false;
  if (f.conditions?.length && (d.condition === undefined || !f.conditions.includes(d.condition))) return false;
  if (f.ramMinGb !== undefined && !((d.specs.ramGb ?? -1) >= f.ramMinGb)) return false;
  if (f.storageMinGb !== undefined && !((d.specs.storageGb ?? -1) >= f.storageMinGb)) return false;
  const screen = d.specs.screenInch;
  if (f.screenMinInch !== undefined && !(screen !== undefined && screen >= f.screenMinInch)) return false;
  if (f.screenMaxInch !== undefined && !(screen !== undefined && screen <= f.screenMaxInch)) return false;
  if (f.yearMin !== undefined && !((d.year ?? 0) >= f.yearMin)) return false;
  if (f.wiped !== undefined && (f.wiped ? !(d.dataBearing && d.sanitizationId) : d.dataBearing)) return false;
  if (f.availableBy !== undefined && d.availableFrom !== undefined && d.availableFrom > f.availableBy) return false;
  return true;
}

/**
 * Every field of a device that `matchesMarketFilter` and the facet counts (market-facets.ts) read, as one string:
 * devices with the same key pass the same filters and fall in the same facet values, so a store may decide a
 * filter and count facets once per key instead of once per device. A field the predicate starts to read must be
 * added here (market-facets.test.ts checks the two agree).
 */
export function marketProfileKey(d: Device): string {
  const s = d.specs;
  const wiped = d.dataBearing ? (d.sanitizationId ? 'w' : 'u') : 'n';
  return `${d.category}\u0001${d.departmentId}\u0001${d.condition ?? ''}\u0001${s.ramGb ?? ''}\u0001${s.storageGb ?? ''}\u0001${s.screenInch ?? ''}\u0001${d.year ?? ''}\u0001${wiped}\u0001${d.availableFrom ?? ''}`;
}
