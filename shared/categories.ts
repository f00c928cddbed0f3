/** Per-category defaults. Weights: medians from Boavizta (see assets/ and ../shared/data README); others estimated. */
import type { Category } from './schemas';

export const TYPICAL_WEIGHT_KG: Record<Category, number> = {
  laptop: 1.6,
  desktop: 5.3,
  workstation: 9.0,
  thin_client: 1.0,
  tablet: 0.7,
  phone: 0.2,
  server: 22.2,
  printer_mfp: 25,
  printer: 8,
  network: 0.4,
  monitor: 5.7,
  docking_station: 0.6,
  peripheral: 0.5,
  other: 1,
};

export const ASSET_TAG_PREFIX = 'KK-';

export function formatAssetTag(n: number): string {
  return `${ASSET_TAG_PREFIX}${String(n).padStart(7, '0')}`;
}
