/** Pure rule: which categories carry data by default (the product's rule, README "Device lifecycle": laptop, desktop, thin client, tablet,
 * phone, server, printer/MFP with disk, network gear). A person may override it per device. */
import type { Category } from './schemas';

const DATA_BEARING: ReadonlySet<Category> = new Set<Category>([
  'laptop',
  'desktop',
  'workstation',
  'thin_client',
  'tablet',
  'phone',
  'server',
  'printer_mfp',
  'network',
]);

export function isDataBearingCategory(category: Category): boolean {
  return DATA_BEARING.has(category);
}

export function effectiveDataBearing(category: Category, override: boolean | undefined): boolean {
  return override ?? isDataBearingCategory(category);
}
