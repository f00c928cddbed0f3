/**
 * What the statistics screen shows, as it stands in the address (#/stats?period=month&from=…): the period as
 * days [from, to) in Danish time, the filters and the grouping. The list of devices behind a figure
 * (#/stats/devices) carries the same values plus the figure, so a link or a reload shows the same numbers.
 */
import { STAT_FIGURES, STAT_GROUPINGS, STATS_MAX_DAYS, type StatFigure } from '../../shared/contract';
import { CATEGORIES, WEEE_KEYS, type Category } from '../../shared/schemas';
import { memberOf } from '../member-of';

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type Grouping = (typeof STAT_GROUPINGS)[number];
export type WeeeKey = (typeof WEEE_KEYS)[number];

export interface StatsView {
  kind: PeriodKind;
  /** First day (YYYY-MM-DD). */
  from: string;
  /** The day after the last: the period is [from, to). */
  to: string;
  groupBy: Grouping;
  departmentId?: string | undefined;
  category?: Category | undefined;
}

/** One figure of a view: what stats.devices needs to list the events behind it. */
export interface FigureRef {
  figure: StatFigure;
  /** The grouping `group` is a key of, when a chart's rows are grouped otherwise than the view. */
  groupBy?: Grouping | undefined;
  /** A row's key (month, administration id, category); absent for the totals. */
  group?: string | undefined;
  weee?: WeeeKey | undefined;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `day` moved by `n` days (calendar arithmetic in UTC: days have no time zone). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function addMonths(day: string, n: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const k = y * 12 + (m - 1) + n;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`;
}

const MONTHS_OF: Record<Exclude<PeriodKind, 'custom'>, number> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month, quarter or year that holds `day`. */
export function periodStart(kind: Exclude<PeriodKind, 'custom'>, day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const first = kind === 'year' ? 1 : kind === 'quarter' ? m - ((m - 1) % 3) : m;
  return `${y}-${String(first).padStart(2, '0')}-01`;
}

/**
 * The period of `kind` starting at `start`, ending no later than tomorrow: a period that holds today
 * covers it "so far" (a figure cannot include days that have not happened).
 */
export function periodFrom(kind: Exclude<PeriodKind, 'custom'>, start: string, today: string): { from: string; to: string } {
  const end = addMonths(start, MONTHS_OF[kind]);
  const tomorrow = addDays(today, 1);
  return { from: start, to: end < tomorrow ? end : tomorrow };
}

/** The starts of the periods of `kind` to choose from, newest first: this one and `count − 1` before it. */
export function periodChoices(kind: Exclude<PeriodKind, 'custom'>, today: string, count: number): string[] {
  const newest = periodStart(kind, today);
  return Array.from({ length: count }, (_, i) => addMonths(newest, -i * MONTHS_OF[kind]));
}

/** The screen's first view: the current year so far, by month, unfiltered. */
export function defaultView(today: string): StatsView {
  return { kind: 'year', ...periodFrom('year', periodStart('year', today), today), groupBy: 'month' };
}

/** Whether [from, to) is a period stats.summary takes (ends after it starts, at most STATS_MAX_DAYS days). */
export function validPeriod(from: string, to: string): boolean {
  return DAY.test(from) && DAY.test(to) && from < to && Date.parse(to) - Date.parse(from) <= STATS_MAX_DAYS * 86_400_000;
}

/** The view an address describes; missing or malformed values fall back to the default view's. */
export function viewFromQuery(query: URLSearchParams, today: string): StatsView {
  const fallback = defaultView(today);
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const period = validPeriod(from, to) ? { kind: memberOf(PERIOD_KINDS, query.get('period')) ?? 'custom', from, to } : fallback;
  return {
    ...period,
    groupBy: memberOf(STAT_GROUPINGS, query.get('groupBy')) ?? fallback.groupBy,
    departmentId: query.get('departmentId') || undefined,
    category: memberOf(CATEGORIES, query.get('category')),
  };
}

/** The figure an address of the device list names, or undefined if it names none. */
export function figureFromQuery(query: URLSearchParams): FigureRef | undefined {
  const figure = memberOf(STAT_FIGURES, query.get('figure'));
  if (!figure) return undefined;
  return { figure, group: query.get('group') || undefined, weee: memberOf(WEEE_KEYS, query.get('weee')) };
}

/** The address query of a view (and of a figure of it). */
export function viewQuery(view: StatsView, figure?: FigureRef): Record<string, string | undefined> {
  return {
    period: view.kind,
    from: view.from,
    to: view.to,
    groupBy: figure?.groupBy ?? view.groupBy,
    departmentId: view.departmentId,
    category: view.category,
    ...(figure && { figure: figure.figure, group: figure.group, weee: figure.weee }),
  };
}

/** stats.summary's input for a view (grouped as asked, or by `groupBy` for a chart). */
export function summaryInput(view: StatsView, groupBy: Grouping = view.groupBy) {
  return { from: view.from, to: view.to, groupBy, departmentId: view.departmentId, category: view.category };
}
