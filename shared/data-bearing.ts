/** Pure rule: whether a device carries data — its category's default (shared/categories.ts), unless a person overrode it. */
import { CATEGORY_FACTS } from './categories';
import type { Category, Role } from './schemas';

export function isDataBearingCategory(category: Category): boolean {
  return CATEGORY_FACTS[category].dataBearing;
}

export function effectiveDataBearing(category: Category, override: boolean | undefined): boolean {
  return override ?? isDataBearingCategory(category);
}

/**
 * Whether this role may say a device of this category carries no data. Only the warehouse (and admins) may
 * lower the flag for a data-bearing category; otherwise a laptop could reach the marketplace without a wipe.
 */
export function mayDeclareNoData(role: Role | 'system', category: Category): boolean {
  return role !== 'department_contact' || !isDataBearingCategory(category);
}
