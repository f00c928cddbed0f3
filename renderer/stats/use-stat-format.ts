/** How the statistics write their values: Danish or English numbers, "–" for a figure that has none. */
import type { Grouping } from './stats-view';
import { intlLocale } from '../../shared/format';
import type { Category } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { useReference } from '../reference-context';

export interface StatFormat {
  count(n: number): string;
  kg(n: number): string;
  /** A share 0 … 1 as "42,5 %"; null (no outcomes) as "–", never 0 % or NaN. */
  percent(share: number | null): string;
  days(n: number | null): string;
  /** A row's key as a person reads it: "nov. 2026", "BUF", "Bærbar computer". */
  groupLabel(groupBy: Grouping, key: string): string;
  /** The long form of a row's key (an administration's full name), for a tooltip or a screen reader. */
  groupTitle(groupBy: Grouping, key: string): string;
}

export function useStatFormat(): StatFormat {
  const { t, number, locale } = useI18n();
  const ref = useReference();
  const monthFormat = new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const none = t('stats.none');
  const groupLabel = (groupBy: Grouping, key: string) =>
    groupBy === 'month'
      ? monthFormat.format(new Date(`${key}-01T00:00:00Z`))
      : groupBy === 'department'
        ? ref.departmentCode(key)
        : t(categoryKey(key as Category)); // why: a category row's key is a Category (core/stats/summary.ts groupKeys)
  return {
    count: (n) => number(n, 0),
    kg: (n) => number(n, 1),
    percent: (share) => (share === null ? none : t('stats.percent', { n: number(share * 100, 1) })),
    days: (n) => (n === null ? none : number(n, 1)),
    groupLabel,
    groupTitle: (groupBy, key) => (groupBy === 'department' ? ref.departmentName(key) : groupLabel(groupBy, key)),
  };
}
