/**
 * What each device category implies, one entry per category (adding a category is one entry; the type
 * refuses a category without one). dataBearing: the category normally holds data and needs a sanitization
 * record before reuse (a person may override it per device). typicalWeightKg: used when a report gives no
 * weight — median product weights from the Boavizta dataset (ODbL) where it has the category, else estimates.
 * ewasteAfterYears: a default age (our estimate of a municipal replacement cycle) after which reuse is unlikely.
 */
import type { Category } from './schemas';

export interface CategoryFacts {
  dataBearing: boolean;
  typicalWeightKg: number;
  /** Older than this (by model year) it is suggested for e-waste unless the setting ewasteMaxAgeYears says otherwise. */
  ewasteAfterYears: number;
}

export const CATEGORY_FACTS: Record<Category, CategoryFacts> = {
  laptop: { dataBearing: true, typicalWeightKg: 1.6, ewasteAfterYears: 7 },
  desktop: { dataBearing: true, typicalWeightKg: 5.3, ewasteAfterYears: 8 },
  workstation: { dataBearing: true, typicalWeightKg: 9.0, ewasteAfterYears: 8 },
  thin_client: { dataBearing: true, typicalWeightKg: 1.0, ewasteAfterYears: 10 },
  tablet: { dataBearing: true, typicalWeightKg: 0.7, ewasteAfterYears: 6 },
  phone: { dataBearing: true, typicalWeightKg: 0.2, ewasteAfterYears: 5 },
  server: { dataBearing: true, typicalWeightKg: 22.2, ewasteAfterYears: 10 },
  printer_mfp: { dataBearing: true, typicalWeightKg: 25, ewasteAfterYears: 10 },
  printer: { dataBearing: false, typicalWeightKg: 8, ewasteAfterYears: 10 },
  network: { dataBearing: true, typicalWeightKg: 0.4, ewasteAfterYears: 10 },
  monitor: { dataBearing: false, typicalWeightKg: 5.7, ewasteAfterYears: 12 },
  docking_station: { dataBearing: false, typicalWeightKg: 0.6, ewasteAfterYears: 8 },
  peripheral: { dataBearing: false, typicalWeightKg: 0.5, ewasteAfterYears: 10 },
  other: { dataBearing: false, typicalWeightKg: 1, ewasteAfterYears: 10 },
};

export const ASSET_TAG_PREFIX = 'KK-';

export function formatAssetTag(n: number): string {
  return `${ASSET_TAG_PREFIX}${String(n).padStart(7, '0')}`;
}

/** The number of a well-formed asset tag ("KK-0001234" → 1234). */
export function assetTagNumber(tag: string): number {
  return Number(tag.slice(ASSET_TAG_PREFIX.length));
}
