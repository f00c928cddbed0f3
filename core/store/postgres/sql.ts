/**
 * The SQL side of the PostgreSQL store that does not need a connection: how a device becomes a row, and the
 * device search (filters, sort) as SQL with numbered parameters.
 */
import type { Device } from '../../../shared/schemas';
import type { MarketFilter } from '../../../shared/market-filter';
import { deviceHaystack, searchTokens } from '../query';
import { serialKey, type DeviceQuery } from '../store';

/** The columns of a device row besides its id and trail length, in the order DEVICE_COLUMNS names them. */
export const DEVICE_COLUMNS = [
  'asset_tag',
  'category',
  'status',
  'department_id',
  'location_id',
  'batch_id',
  'serial_key',
  'updated_at',
  'reported_at',
  'manufacturer',
  'model',
  'year',
  'ram_gb',
  'storage_gb',
  'screen_inch',
  'condition',
  'data_bearing',
  'wiped',
  'available_from',
  'haystack',
  'data',
] as const;

/** The row values of a device (without trailLength: the store owns it, as the number of the device's events). */
export function deviceRow(d: Device): unknown[] {
  const { trailLength: _ignored, ...data } = d;
  return [
    d.assetTag,
    d.category,
    d.status,
    d.departmentId,
    d.locationId ?? null,
    d.batchId ?? null,
    serialKey(d.serial),
    d.updatedAt,
    d.reportedAt,
    d.manufacturer,
    d.model,
    d.year ?? null,
    d.specs.ramGb ?? null,
    d.specs.storageGb ?? null,
    d.specs.screenInch ?? null,
    d.condition ?? null,
    d.dataBearing,
    Boolean(d.dataBearing && d.sanitizationId),
    d.availableFrom ?? null,
    deviceHaystack(d),
    data,
  ];
}

/** A device as read back: its stored fields with the trail length the store keeps. */
export const deviceOf = (row: { data: Device; trail_length: number }): Device => ({ ...row.data, trailLength: row.trail_length });

export const SORT_SQL: Record<DeviceQuery['sort'], string> = {
  updated_desc: 'updated_at DESC, id',
  reported_desc: 'reported_at DESC, id',
  model_asc: 'manufacturer, model, id',
  year_desc: 'COALESCE(year, 0) DESC, id',
  ram_desc: 'COALESCE(ram_gb, -1) DESC, id',
};

/** SQL conditions with their values; `ph(value)` adds a value and returns its placeholder ($1, $2, …). */
export class Conditions {
  readonly where: string[] = [];
  constructor(readonly args: unknown[] = []) {}
  ph(value: unknown): string {
    this.args.push(value);
    return `$${this.args.length}`;
  }
  add(clause: string): void {
    this.where.push(clause);
  }
  sql(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : '';
  }
}

/** The query's own fields (not the marketplace filter). */
export function queryConditions(qy: DeviceQuery, c: Conditions): void {
  if (qy.status) c.add(`status = ${c.ph(qy.status)}`);
  if (qy.category) c.add(`category = ${c.ph(qy.category)}`);
  if (qy.departmentId) c.add(`department_id = ${c.ph(qy.departmentId)}`);
  if (qy.batchId) c.add(`batch_id = ${c.ph(qy.batchId)}`);
  if (qy.locationId) c.add(`location_id = ${c.ph(qy.locationId)}`);
  if (qy.serial !== undefined) c.add(`serial_key = ${c.ph(serialKey(qy.serial))}`);
  for (const like of textConditions(qy.text, c)) c.add(like);
}

/** The search text's words as conditions on the haystack, their values added to `c` (not the clauses). */
function textConditions(text: string | undefined, c: Conditions): string[] {
  return searchTokens(text).map((t) => `haystack LIKE ${c.ph(`%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`);
}

/**
 * `matchesMarketFilter` (shared/market-filter.ts) in SQL: the store contract suite holds the two to the same
 * answers. A NULL spec fails a comparison, as an unknown spec fails the predicate.
 */
export function marketFilterConditions(f: MarketFilter, c: Conditions): void {
  if (f.category !== undefined) c.add(`category = ${c.ph(f.category)}`);
  if (f.departmentId !== undefined) c.add(`department_id = ${c.ph(f.departmentId)}`);
  if (f.conditions?.length) c.add(`condition = ANY(${c.ph(f.conditions)}::text[])`);
  if (f.ramMinGb !== undefined) c.add(`ram_gb >= ${c.ph(f.ramMinGb)}`);
  if (f.storageMinGb !== undefined) c.add(`storage_gb >= ${c.ph(f.storageMinGb)}`);
  if (f.screenMinInch !== undefined) c.add(`screen_inch >= ${c.ph(f.screenMinInch)}`);
  if (f.screenMaxInch !== undefined) c.add(`screen_inch <= ${c.ph(f.screenMaxInch)}`);
  if (f.yearMin !== undefined) c.add(`year >= ${c.ph(f.yearMin)}`);
  if (f.wiped === true) c.add('wiped');
  if (f.wiped === false) c.add('NOT data_bearing');
  if (f.availableBy !== undefined) c.add(`(available_from IS NULL OR available_from <= ${c.ph(f.availableBy)})`);
}

/**
 * How a search's page is found. `walk`: the sort's index walked in order until the page is full (migration 0004
 * puts every column a search filters on in each, so the rows it passes over are never read from the table).
 * `matches`: every row matching the words found through their trigram index (0001's devices_haystack), then
 * sorted; for words so rare that a walk would pass thousands of rows for each match (searchPageWay).
 */
export type PageWay = 'walk' | 'matches';

/**
 * Rows a page's walk may pass (about 1,700 a millisecond, bench:server's data set) before another way is cheaper:
 * finding the matches of its words through their trigram index (4-8 ms for a word among 100,000 devices), or
 * picking the page from the kept matches in the server (search-counts.ts).
 */
export const WALK_ROWS_MAX = 8000;

/**
 * About how many rows a walk passes to fill `qy`'s page, from its `total` matches and the `walked` rows the sort's
 * index holds for its state (all devices without one): walked / total for each match it finds.
 */
export const walkRows = (qy: Pick<DeviceQuery, 'offset' | 'limit'>, total: number, walked: number): number =>
  total === 0 ? walked : Math.min(walked, ((qy.offset + qy.limit) * walked) / total);

/** The columns the sorts (SORT_SQL) order by, which a `matches` page keeps of each match to sort them. */
const SORT_COLUMNS = 'id, updated_at, reported_at, manufacturer, model, year, ram_gb';

/**
 * A search's page: its ids first (by `way`), then only those rows, so the rows a walk passes over for a word or
 * a filter are never read from the table (a word among the listed devices by model read 29,622 table pages for a
 * page of 50 before, 897 after).
 */
export function searchPageSql(qy: DeviceQuery, way: PageWay = 'walk'): { text: string; args: unknown[] } {
  const c = new Conditions();
  queryConditions({ ...qy, text: undefined }, c);
  marketFilterConditions(qy.filter ?? {}, c);
  const likes = textConditions(qy.text, c);
  const order = SORT_SQL[qy.sort];
  if (way === 'matches' && likes.length > 0) {
    // MATERIALIZED: planned without the page's LIMIT, so PostgreSQL finds the matches by their index, not by a walk.
    const text = `WITH hits AS MATERIALIZED (SELECT ${SORT_COLUMNS} FROM devices WHERE ${[...c.where, ...likes].join(' AND ')})
    SELECT data, trail_length FROM (SELECT id FROM hits ORDER BY ${order} LIMIT ${c.ph(qy.limit)} OFFSET ${c.ph(qy.offset)}) page
    JOIN devices USING (id) ORDER BY ${order}`;
    return { text, args: c.args };
  }
  // PostgreSQL tests a row's words before its category (it prices LIKE below a text comparison), so a word
  // with a category tested every listed device's text; CASE makes the words wait for the other conditions.
  if (likes.length > 0) c.add(c.where.length > 0 ? `CASE WHEN ${c.where.join(' AND ')} THEN ${likes.join(' AND ')} ELSE false END` : likes.join(' AND '));
  const text = `SELECT data, trail_length FROM (SELECT id FROM devices ${c.sql()} ORDER BY ${order} LIMIT ${c.ph(qy.limit)} OFFSET ${c.ph(qy.offset)}) page
    JOIN devices USING (id) ORDER BY ${order}`;
  return { text, args: c.args };
}
