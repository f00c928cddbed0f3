/**
 * The SQL side of the PostgreSQL store that does not need a connection: how a device becomes a row, and the
 * device search (filters, sort, facets) as SQL with numbered parameters.
 */
import type { Device } from '../../../shared/schemas';
import type { MarketFilter } from '../../../shared/market-filter';
import { bucketFilters, buildFacets, filterWithout, type FacetName, type MarketFacets } from '../../../shared/market-facets';
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
  for (const t of searchTokens(qy.text)) c.add(`haystack LIKE ${c.ph(`%${t.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`);
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
 * One query that counts every facet, each with the query's fields and every other filter applied, and the
 * search's total (every filter applied).
 */
export function facetsQuery(qy: DeviceQuery): { sql: string; args: unknown[]; read(row: Record<string, unknown>): MarketFacets; total(row: Record<string, unknown>): number } {
  const f = qy.filter ?? {};
  const c = new Conditions();
  queryConditions(qy, c);
  const base = c.sql();
  const scope = (facet: FacetName) => {
    const other = new Conditions(c.args);
    marketFilterConditions(filterWithout(f, facet), other);
    return other.where.length ? other.where.join(' AND ') : 'TRUE';
  };
  const all = new Conditions(c.args);
  marketFilterConditions(f, all);
  const selects: string[] = [`(SELECT COUNT(*) FROM scoped${all.where.length ? ` WHERE ${all.where.join(' AND ')}` : ''}) AS total`];
  const groupCount = (facet: FacetName, column: string, alias: string) => {
    selects.push(`(SELECT COALESCE(jsonb_object_agg(v, n), '{}') FROM (SELECT ${column} AS v, COUNT(*) AS n FROM scoped WHERE ${scope(facet)} AND ${column} IS NOT NULL GROUP BY ${column}) g) AS ${alias}`);
  };
  groupCount('category', 'category', 'f_category');
  groupCount('condition', 'condition', 'f_condition');
  groupCount('departmentId', 'department_id', 'f_department');
  const buckets = bucketFilters();
  buckets.forEach(({ name, filters }, bi) => {
    const sums = filters.map((bf, i) => {
      const one = new Conditions(c.args);
      marketFilterConditions(bf, one);
      return `COUNT(*) FILTER (WHERE ${one.where.join(' AND ')}) AS b${i}`;
    });
    selects.push(`(SELECT to_jsonb(x) FROM (SELECT ${sums.join(', ')} FROM scoped WHERE ${scope(name)}) x) AS f_bucket${bi}`);
  });
  const sql = `WITH scoped AS MATERIALIZED (SELECT category, condition, department_id, ram_gb, storage_gb, screen_inch, year, data_bearing, wiped, available_from FROM devices ${base}) SELECT ${selects.join(', ')}`;
  return {
    sql,
    args: c.args,
    total: (row) => Number(row.total),
    read(row) {
      const obj = (k: string) => row[k] as Record<string, string | number>; // why: jsonb objects built by the query above
      const num = (v: string | number | undefined) => Number(v ?? 0);
      const departments = Object.entries(obj('f_department')).map(([k, v]): [string, number] => [k, num(v)]);
      return buildFacets({
        category: (cat) => num(obj('f_category')[cat]),
        departments,
        condition: (cond) => num(obj('f_condition')[cond]),
        bucket: (name, i) => num(obj(`f_bucket${buckets.findIndex((b) => b.name === name)}`)[`b${i}`]),
      });
    },
  };
}
