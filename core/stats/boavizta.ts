/**
 * How the default emission-factor table is derived from Boavizta's boavizta-data-us.csv: per subcategory, the
 * median manufacturing footprint (gwp_total × gwp_manufacturing_ratio, kg CO2e) over the rows that state both.
 * Used by the one-off script core/cli/derive-factors.ts and by the test that keeps shared/emission-factors.ts
 * equal to what the file gives.
 */
import Papa from 'papaparse';
import { BOAVIZTA_SUBCATEGORY, type EmissionFactors } from '../../shared/emission-factors';
import { CATEGORIES } from '../../shared/schemas';

export interface SubcategoryMedian {
  /** The subcategory as the file writes it, lower-cased ("thin client"). */
  subcategory: string;
  /** Rows with both a total and a manufacturing ratio. */
  n: number;
  /** kg CO2e, rounded to 0.1. */
  medianKg: number;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A figure of the file as a number; an empty cell (or text) is no figure. */
function figure(cell: string | undefined): number | undefined {
  if (cell === undefined || cell.trim() === '') return undefined;
  const n = Number(cell);
  return Number.isFinite(n) ? n : undefined;
}

/** The median manufacturing footprint of every subcategory that has at least one row with a manufacturing ratio. */
export function subcategoryMedians(csvText: string): SubcategoryMedian[] {
  const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true });
  const bySub = new Map<string, number[]>();
  for (const row of parsed.data) {
    const total = figure(row.gwp_total);
    const ratio = figure(row.gwp_manufacturing_ratio);
    const sub = row.subcategory?.trim().toLowerCase();
    if (total === undefined || ratio === undefined || !sub) continue;
    const list = bySub.get(sub) ?? [];
    list.push(total * ratio);
    bySub.set(sub, list);
  }
  return [...bySub]
    .map(([subcategory, values]) => ({
      subcategory,
      n: values.length,
      medianKg: Math.round(median(values.sort((a, b) => a - b)) * 10) / 10,
    }))
    .sort((a, b) => a.subcategory.localeCompare(b.subcategory));
}

/** Our categories' factors from the file: a mapped subcategory's median, else null ("no factor"). */
export function deriveFactors(csvText: string): EmissionFactors {
  const medians = new Map(subcategoryMedians(csvText).map((m) => [m.subcategory, m.medianKg]));
  const out: Partial<EmissionFactors> = {};
  for (const c of CATEGORIES) {
    const sub = BOAVIZTA_SUBCATEGORY[c];
    out[c] = (sub !== undefined ? medians.get(sub) : undefined) ?? null;
  }
  return out as EmissionFactors; // why: the loop above set every category
}
