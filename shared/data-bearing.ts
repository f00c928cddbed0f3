/** Pure rule: whether a device carries data — its category's default (shared/categories.ts), unless a person overrode it. */
import { CATEGORY_FACTS } from './categories';
import type { Category } from './schemas';

export function isDataBearingCategory(category: Category): boolean {
  return CATEGORY_FACTS[category].dataBearing;
}

export function effectiveDataBearing(category: Category, override: boolean | undefined): boolean {
  return override ?? isDataBearingCategory(category);
}
