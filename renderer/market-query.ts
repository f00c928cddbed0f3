/**
 * The marketplace search as URL query values and back, so a search can be bookmarked or shared and survives
 * a reload and back/forward. Reading is forgiving: a value the filter schema refuses (an old or hand-edited
 * link) is left out, so the rest of the search still applies.
 */
import { SEARCH_SORTS } from '../shared/contract';
import { MarketFilter } from '../shared/market-filter';
import { memberOf } from './member-of';

export type MarketSort = (typeof SEARCH_SORTS)[number];
export const DEFAULT_MARKET_SORT: MarketSort = 'updated_desc';

export interface MarketSearch {
  text: string;
  filter: MarketFilter;
  sort: MarketSort;
}

/** URL key → filter field, for the fields written as one plain value. */
const PLAIN = {
  category: 'category',
  department: 'departmentId',
  ram: 'ramMinGb',
  storage: 'storageMinGb',
  year: 'yearMin',
  by: 'availableBy',
} as const satisfies Record<string, keyof MarketFilter>;
const NUMERIC = new Set<keyof MarketFilter>(['ramMinGb', 'storageMinGb', 'yearMin']);

/** One field checked alone against the filter schema: undefined when it does not pass. */
function field<K extends keyof MarketFilter>(key: K, value: unknown): MarketFilter[K] | undefined {
  const r = MarketFilter.shape[key].safeParse(value);
  return r.success ? (r.data as MarketFilter[K]) : undefined; // why: the shape's schema for K parses to K's type
}

export function readMarketSearch(query: URLSearchParams): MarketSearch {
  const filter: Record<string, unknown> = {};
  for (const [urlKey, key] of Object.entries(PLAIN)) {
    const raw = query.get(urlKey);
    if (raw === null || raw === '') continue;
    const value = field(key, NUMERIC.has(key) ? Number(raw) : raw);
    if (value !== undefined) filter[key] = value;
  }
  const grades = field('conditions', (query.get('grade') ?? '').split(',').filter(Boolean));
  if (grades?.length) filter.conditions = grades;
  const [min, max] = (query.get('screen') ?? '').split('-').map((s) => (s === '' ? undefined : Number(s)));
  const screenMin = field('screenMinInch', min);
  const screenMax = field('screenMaxInch', max);
  if (screenMin !== undefined && (screenMax === undefined || screenMin <= screenMax)) filter.screenMinInch = screenMin;
  if (screenMax !== undefined && (screenMin === undefined || screenMin <= screenMax)) filter.screenMaxInch = screenMax;
  const wiped = query.get('wiped');
  if (wiped === '1' || wiped === '0') filter.wiped = wiped === '1';
  return {
    text: query.get('q') ?? '',
    filter: filter as MarketFilter, // why: each field above passed its own schema, and the screen ends are in order
    sort: memberOf(SEARCH_SORTS, query.get('sort')) ?? DEFAULT_MARKET_SORT,
  };
}

export function marketSearchQuery(s: MarketSearch): Record<string, string | undefined> {
  const f = s.filter;
  const out: Record<string, string | undefined> = { q: s.text.trim() || undefined };
  for (const [urlKey, key] of Object.entries(PLAIN)) out[urlKey] = f[key] === undefined ? undefined : String(f[key]);
  out.grade = f.conditions?.length ? f.conditions.join(',') : undefined;
  out.screen = f.screenMinInch === undefined && f.screenMaxInch === undefined ? undefined : `${f.screenMinInch ?? ''}-${f.screenMaxInch ?? ''}`;
  out.wiped = f.wiped === undefined ? undefined : f.wiped ? '1' : '0';
  out.sort = s.sort === DEFAULT_MARKET_SORT ? undefined : s.sort;
  return out;
}

/** Whether any filter is set (the text and sort are not filters). */
export function hasFilters(f: MarketFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}
