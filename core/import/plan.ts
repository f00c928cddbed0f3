/**
 * What an import does with each row: read the row's cells into device fields (refusing what cannot be read),
 * refuse serials and tags repeated in the file, then match against the store a batch at a time (by tag when
 * the row has one, else by serial) and say create, update, unchanged or refused, with the reasons.
 *
 * The same functions serve the dry run (outside a transaction) and the import (inside each batch's
 * transaction), so the import does what the dry run said unless the store changed in between.
 */
import { isTagOf, type TagFormat } from '../../shared/tag-format';
import { type Category, type Condition, type Department, type Device, type DeviceStatus, type Location } from '../../shared/schemas';
import {
  IMPORT_REQUIRED_FIELDS,
  IMPORT_UPDATABLE_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportRefusal,
  type ImportRowResult,
  type ImportUpdatableField,
} from '../../shared/import';
import { importDefaultState, importEntryRefusal } from '../../shared/lifecycle';
import { SpreadMap } from '../spread-index';
import { serialKey, type StoreReads } from '../store/store';
import type { ImportRow } from './read-file';
import { normalName, parseCategory, parseCondition, parseDay, parseGigabytes, parseInteger, parseScreenInch, parseStatus } from './values';

/** A row read into device fields. Fields the row leaves empty are absent. */
export interface RowDraft {
  n: number;
  assetTag?: string;
  serial?: string;
  category?: Category;
  manufacturer?: string;
  model?: string;
  year?: number;
  ramGb?: number;
  storageGb?: number;
  screenInch?: number;
  condition?: Condition;
  status?: DeviceStatus;
  location?: Location;
  departmentId?: string;
  purchaseDate?: string;
  notes?: string;
  /** Required fields the row leaves empty: a refusal only if the row creates a device. */
  missing: ImportField[];
  refusals: ImportRefusal[];
}

/** Administrations and locations by every name a register may use for them. */
export interface ImportReference {
  departments: Map<string, Department>;
  locations: Map<string, Location[]>;
  /** The tag format the settings choose: a row's tag must be one of it. */
  tagFormat: TagFormat;
}

export function importReference(departments: readonly Department[], locations: readonly Location[], tagFormat: TagFormat): ImportReference {
  const byName = new Map<string, Department>();
  for (const d of departments) for (const name of [d.id, d.code, d.name, d.nameEn]) byName.set(normalName(name), d);
  const places = new Map<string, Location[]>();
  for (const l of locations) {
    for (const name of new Set([normalName(l.id), normalName(l.name)])) places.set(name, [...(places.get(name) ?? []), l]);
  }
  return { departments: byName, locations: places, tagFormat };
}

/** The longest texts the device record takes (shared/schemas.ts Device). */
const MAX_CHARS: Partial<Record<ImportField, number>> = { serial: 100, manufacturer: 100, model: 200, notes: 2000 };

const atMost = (n: number | undefined, max: number): number | undefined => (n !== undefined && n <= max ? n : undefined);

/** Reads one row's cells into a draft. Pure: no store. */
export function draftRow(row: ImportRow, mapping: ImportMapping, ref: ImportReference): RowDraft {
  const draft: RowDraft = { n: row.n, missing: [], refusals: [] };
  const cell = (field: ImportField): string => {
    const col = mapping[field];
    return col === undefined ? '' : (row.cells[col] ?? '').trim();
  };
  const refuse = (code: ImportRefusal['code'], field: ImportField, value: string, params?: ImportRefusal['params']) =>
    draft.refusals.push({ code, field, value, ...(params ? { params } : {}) });
  const text = (field: 'serial' | 'manufacturer' | 'model' | 'notes'): void => {
    const v = cell(field);
    if (v === '') return;
    const max = MAX_CHARS[field] ?? Infinity;
    if (v.length > max) refuse('too_long', field, v.slice(0, 40), { max });
    else draft[field] = v;
  };
  const parsed = <T,>(field: ImportField, parse: (s: string) => T | undefined, code: ImportRefusal['code'], set: (v: T) => void): void => {
    const v = cell(field);
    if (v === '') return;
    const value = parse(v);
    if (value === undefined) refuse(code, field, v);
    else set(value);
  };

  const tag = cell('assetTag').toUpperCase();
  if (tag !== '') {
    if (isTagOf(ref.tagFormat, tag)) draft.assetTag = tag;
    else refuse('tag_malformed', 'assetTag', cell('assetTag'));
  }
  text('serial');
  text('manufacturer');
  text('model');
  text('notes');
  parsed('category', parseCategory, 'unknown_category', (v) => (draft.category = v));
  parsed('year', (s) => parseInteger(s, 1990, 2100), 'bad_number', (v) => (draft.year = v));
  parsed('ramGb', (s) => atMost(parseGigabytes(s), 4096), 'bad_number', (v) => (draft.ramGb = v));
  parsed('storageGb', parseGigabytes, 'bad_number', (v) => (draft.storageGb = v));
  parsed('screenInch', parseScreenInch, 'bad_number', (v) => (draft.screenInch = v));
  parsed('condition', parseCondition, 'unknown_condition', (v) => (draft.condition = v));
  parsed('purchaseDate', parseDay, 'bad_date', (v) => (draft.purchaseDate = v));
  if (draft.year === undefined && draft.purchaseDate !== undefined) {
    const year = Number(draft.purchaseDate.slice(0, 4));
    if (year >= 1990) draft.year = year;
  }

  parsed('department', (s) => ref.departments.get(normalName(s)), 'unknown_department', (d) => (draft.departmentId = d.id));
  const place = cell('location');
  if (place !== '') {
    const candidates = ref.locations.get(normalName(place)) ?? [];
    // Two places of the same name: the one of the row's administration.
    const location = candidates.find((l) => draft.departmentId === undefined || l.departmentId === undefined || l.departmentId === draft.departmentId) ?? candidates[0];
    if (!location) refuse('unknown_location', 'location', place);
    else {
      draft.location = location;
      if (location.kind === 'site' && location.departmentId) {
        if (draft.departmentId !== undefined && draft.departmentId !== location.departmentId) refuse('location_not_of_department', 'location', place);
        draft.departmentId ??= location.departmentId;
      }
    }
  }

  const statusCell = cell('status');
  if (statusCell !== '') {
    const status = parseStatus(statusCell);
    if (status === undefined) refuse('unknown_status', 'status', statusCell);
    else draft.status = status;
  }
  if (draft.location) {
    draft.status ??= importDefaultState(draft.location.kind);
    const refusal = importEntryRefusal(draft.status, draft.location.kind);
    if (refusal) refuse(refusal, 'status', statusCell || draft.status);
  }
  for (const field of IMPORT_REQUIRED_FIELDS) if (draft[field] === undefined && !draft.refusals.some((r) => r.field === field)) draft.missing.push(field);
  // A warehouse shelf belongs to no administration: the row must say whose device it is.
  if (draft.departmentId === undefined && !draft.refusals.some((r) => r.field === 'department')) draft.missing.push('department');
  return draft;
}

/**
 * The first row of the file with each serial and each tag (compared as the store compares). A repeat is a row
 * after that first: refused, naming the first. The import notes every row once and then drafts a batch at a
 * time (drafts of 100,000 rows would stay in memory all through it), asking here which rows repeat.
 */
export class FileRepeats {
  // why: 100,000 rows' serials in one Map held the loop 20-30 ms each time it doubled (spread-index.ts)
  private readonly serials = new SpreadMap<number>();
  private readonly tags = new SpreadMap<number>();

  /** Notes the draft's serial and tag, in file order. */
  note(d: RowDraft): void {
    if (d.serial !== undefined && !this.serials.has(serialKey(d.serial))) this.serials.set(serialKey(d.serial), d.n);
    if (d.assetTag !== undefined && !this.tags.has(d.assetTag)) this.tags.set(d.assetTag, d.n);
  }

  /** Refuses the draft if an earlier row of the file has its serial or tag (every row noted first). */
  refuse(d: RowDraft): void {
    const serialFirst = d.serial === undefined ? undefined : this.serials.get(serialKey(d.serial));
    if (serialFirst !== undefined && serialFirst !== d.n) {
      d.refusals.push({ code: 'duplicate_serial_in_file', field: 'serial', value: d.serial!, params: { otherRow: serialFirst } });
    }
    const tagFirst = d.assetTag === undefined ? undefined : this.tags.get(d.assetTag);
    if (tagFirst !== undefined && tagFirst !== d.n) {
      d.refusals.push({ code: 'duplicate_tag_in_file', field: 'assetTag', value: d.assetTag!, params: { otherRow: tagFirst } });
    }
  }
}

/** A row's decision: the result the dry run shows, and what the import writes. */
export type RowDecision =
  | { result: ImportRowResult; kind: 'create'; draft: RowDraft }
  | { result: ImportRowResult; kind: 'update'; draft: RowDraft; device: Device; changes: ImportUpdatableField[] }
  | { result: ImportRowResult; kind: 'unchanged' | 'refused' };

const SPEC_FIELDS = ['ramGb', 'storageGb', 'screenInch'] as const;

/** The updatable fields the row gives and the device has otherwise. */
function changedFields(draft: RowDraft, device: Device): ImportUpdatableField[] {
  return IMPORT_UPDATABLE_FIELDS.filter((field) => {
    const value = draft[field];
    if (value === undefined) return false;
    const current = (SPEC_FIELDS as readonly string[]).includes(field) ? device.specs[field as (typeof SPEC_FIELDS)[number]] : device[field as 'manufacturer' | 'model' | 'year' | 'notes']; // why: the field list splits into specs and top-level fields
    return current !== value;
  });
}

/** The device fields an update writes. */
export function updatedDevice(device: Device, draft: RowDraft, changes: readonly ImportUpdatableField[]): Device {
  const next: Device = { ...device, specs: { ...device.specs } };
  for (const field of changes) {
    if (field === 'ramGb' || field === 'storageGb' || field === 'screenInch') next.specs[field] = draft[field];
    else if (field === 'year') next.year = draft.year;
    else next[field] = draft[field]!;
  }
  return next;
}

/**
 * Matches a batch of drafts against the store (`reads`: the store, or a transaction) and decides each row.
 * One devicesBySerial call per batch; a tag lookup per row that has a tag.
 */
export async function decideRows(reads: StoreReads, drafts: readonly RowDraft[]): Promise<RowDecision[]> {
  const serials = drafts.filter((d) => d.serial !== undefined && d.refusals.length === 0).map((d) => d.serial!);
  const bySerial = new Map<string, Device[]>();
  for (const device of serials.length ? await reads.devicesBySerial(serials) : []) {
    const key = serialKey(device.serial);
    bySerial.set(key, [...(bySerial.get(key) ?? []), device]);
  }
  const out: RowDecision[] = [];
  for (const draft of drafts) out.push(await decideRow(reads, draft, bySerial));
  return out;
}

async function decideRow(reads: StoreReads, draft: RowDraft, bySerial: ReadonlyMap<string, Device[]>): Promise<RowDecision> {
  const base = { row: draft.n, ...(draft.assetTag ? { assetTag: draft.assetTag } : {}), ...(draft.serial ? { serial: draft.serial } : {}) };
  const refused = (refusals: ImportRefusal[]): RowDecision => ({ kind: 'refused', result: { ...base, action: 'refused', refusals } });
  if (draft.refusals.length) return refused(draft.refusals);
  const sameSerial = draft.serial === undefined ? [] : (bySerial.get(serialKey(draft.serial)) ?? []);
  let device: Device | undefined;
  if (draft.assetTag !== undefined) {
    device = await reads.getDeviceByTag(draft.assetTag);
    if (device && draft.serial !== undefined && serialKey(device.serial) !== serialKey(draft.serial)) {
      return refused([{ code: 'tag_on_other_serial', field: 'assetTag', value: draft.assetTag, params: { serial: device.serial } }]);
    }
    const other = sameSerial.find((d) => d.id !== device?.id);
    if (!device && other) return refused([{ code: 'serial_on_other_device', field: 'serial', value: draft.serial!, params: { assetTag: other.assetTag } }]);
  } else if (sameSerial.length > 1) {
    return refused([{ code: 'serial_ambiguous', field: 'serial', value: draft.serial!, params: { count: sameSerial.length } }]);
  } else {
    device = sameSerial[0];
  }
  if (!device) {
    const missing = draft.missing.map((field): ImportRefusal => ({ code: 'required', field }));
    if (missing.length) return refused(missing);
    return { kind: 'create', draft, result: { ...base, action: 'create' } };
  }
  const changes = changedFields(draft, device);
  const matched = { ...base, assetTag: device.assetTag, serial: device.serial };
  if (changes.length === 0) return { kind: 'unchanged', result: { ...matched, action: 'unchanged' } };
  return { kind: 'update', draft, device, changes, result: { ...matched, action: 'update', changes } };
}
