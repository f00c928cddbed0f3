/**
 * What each device category implies, one entry per category (adding a category is one entry; the type
 * refuses a category without one). dataBearing: the category normally holds data and needs a sanitization
 * record before reuse (a person may override it per device). typicalWeightKg: used when a report gives no
 * weight — median product weights from the Boavizta dataset (ODbL) where it has the category, else estimates.
 * ewasteAfterYears: a default age (our estimate of a municipal replacement cycle) after which reuse is unlikely.
 */
import type { Category, Device, DeviceStatus } from './schemas';
import { DEFAULT_TAG_FORMAT, formatTag } from './tag-format';

export interface CategoryFacts {
  dataBearing: boolean;
  typicalWeightKg: number;
  /** Older than this (by model year) it is suggested for e-waste unless the setting ewasteMaxAgeYears says otherwise. */
  ewasteAfterYears: number;
  /** The WEEE category (2012/19/EU Annex III) its waste is declared under. */
  weee: WeeeCategory;
}

/**
 * WEEE categories of 2012/19/EU Annex III that IT equipment falls in: 2 screens, monitors and equipment with
 * screens over 100 cm² (laptops, tablets, monitors); 4 large equipment (any external dimension over 50 cm:
 * rack servers, floor-standing MFPs); 5 small equipment; 6 small IT and telecommunication equipment (no
 * external dimension over 50 cm: desktops, phones, switches, printers).
 */
export const WEEE_CATEGORIES = [2, 4, 5, 6] as const;
export type WeeeCategory = (typeof WEEE_CATEGORIES)[number];

export const CATEGORY_FACTS: Record<Category, CategoryFacts> = {
  laptop: { dataBearing: true, typicalWeightKg: 1.6, ewasteAfterYears: 7, weee: 2 },
  desktop: { dataBearing: true, typicalWeightKg: 5.3, ewasteAfterYears: 8, weee: 6 },
  workstation: { dataBearing: true, typicalWeightKg: 9.0, ewasteAfterYears: 8, weee: 6 },
  thin_client: { dataBearing: true, typicalWeightKg: 1.0, ewasteAfterYears: 10, weee: 6 },
  tablet: { dataBearing: true, typicalWeightKg: 0.7, ewasteAfterYears: 6, weee: 2 },
  phone: { dataBearing: true, typicalWeightKg: 0.2, ewasteAfterYears: 5, weee: 6 },
  server: { dataBearing: true, typicalWeightKg: 22.2, ewasteAfterYears: 10, weee: 4 },
  printer_mfp: { dataBearing: true, typicalWeightKg: 25, ewasteAfterYears: 10, weee: 4 },
  printer: { dataBearing: false, typicalWeightKg: 8, ewasteAfterYears: 10, weee: 6 },
  network: { dataBearing: true, typicalWeightKg: 0.4, ewasteAfterYears: 10, weee: 6 },
  monitor: { dataBearing: false, typicalWeightKg: 5.7, ewasteAfterYears: 12, weee: 2 },
  docking_station: { dataBearing: false, typicalWeightKg: 0.6, ewasteAfterYears: 8, weee: 6 },
  peripheral: { dataBearing: false, typicalWeightKg: 0.5, ewasteAfterYears: 10, weee: 6 },
  other: { dataBearing: false, typicalWeightKg: 1, ewasteAfterYears: 10, weee: 5 },
};

/** The WEEE category a device is declared under: a person's override, else its category's. */
export function weeeOf(device: Pick<Device, 'category' | 'weeeOverride'>): WeeeCategory {
  return device.weeeOverride ?? CATEGORY_FACTS[device.category].weee;
}

/** Device states in which the WEEE category is settled: gone to the recycler (devices.setWeeeCategory refuses). */
export const WEEE_SETTLED_STATUSES: readonly DeviceStatus[] = ['collected', 'certified', 'recycled', 'destroyed'];

export const BATCH_NUMBER_PREFIX = 'AP-';

/** The n-th batch's number ("AP-000012"): written on the container and the manifest. */
export function formatBatchNumber(n: number): string {
  return `${BATCH_NUMBER_PREFIX}${String(n).padStart(6, '0')}`;
}

/** The n-th tag in the default format (demo data, benchmarks and tests; a store's own format: shared/tag-format.ts). */
export function formatAssetTag(n: number): string {
  return formatTag(DEFAULT_TAG_FORMAT, n);
}

/**
 * Whether an 8-digit Danish CVR number passes the modulus-11 check (weights 2 7 6 5 4 3 2 1; the weighted
 * digit sum is divisible by 11; the first digit is not 0). Letters, spaces or another length fail.
 */
export function isValidCvr(text: string): boolean {
  if (!/^[1-9]\d{7}$/.test(text)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...text].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return sum % 11 === 0;
}
