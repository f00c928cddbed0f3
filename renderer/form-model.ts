/**
 * The pure part of the one form mechanism (use-contract-form.ts). A form's fields are paths into a procedure's
 * input, and its rules come from the contract's zod input schema: what is required, and what is wrong and in
 * which words (issueFields, the catalogue the server's messages come from). Client and server therefore
 * agree, and a server error lands at the field the client would have marked. No DOM, no React.
 */
import { z } from 'zod';
import type { ProcedureInput, ProcedureName } from '../shared/contract';
import type { MessageKey } from '../shared/i18n';
import type { FieldErrors } from './form-errors';
import { issueFields, type Locale } from './messages';

/** Every path a form field may fill in an input type: "category", "specs", "specs.ramGb", … */
export type InputPath<T> = T extends readonly unknown[]
  ? never
  : T extends object
    ? {
        [K in keyof T & string]-?: K | (NonNullable<T[K]> extends readonly unknown[] ? never : NonNullable<T[K]> extends object ? `${K}.${InputPath<NonNullable<T[K]>>}` : never);
      }[keyof T & string]
    : never;

/**
 * How a control's text becomes the value the input gets. 'text' trims and leaves an empty text out;
 * 'decimal' and 'integer' also accept a Danish decimal comma ("13,3"); a function maps a choice to a value.
 */
export type Parse = 'text' | 'decimal' | 'integer' | ((raw: string) => unknown);

export interface TextFieldSpec {
  label: MessageKey;
  parse?: Parse;
  initial?: string;
  checkbox?: undefined;
}
/** A checkbox always gives a value (true or false), so it is never "required". */
export interface CheckboxFieldSpec {
  label: MessageKey;
  checkbox: true;
  initial?: boolean;
}
export type FieldSpec = TextFieldSpec | CheckboxFieldSpec;

/** A form over procedure P: its fields keyed by input path, in the order they stand on the page. */
export type FormFields<P extends ProcedureName> = { [K in InputPath<ProcedureInput<P>>]?: FieldSpec };
export type FormValues<F> = { [K in keyof F]: F[K] extends CheckboxFieldSpec ? boolean : string };

export function initialValues<F extends Record<string, FieldSpec>>(fields: F): FormValues<F> {
  const values: Record<string, string | boolean> = {};
  for (const [path, spec] of Object.entries(fields)) values[path] = spec.checkbox ? (spec.initial ?? false) : (spec.initial ?? '');
  return values as FormValues<F>; // why: built key by key from `fields`, with the value kind each spec says
}

/** "13,3" or "13.3" → 13.3; "" → undefined; anything else → NaN. */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

/** "16" → 16; "" → undefined; "16,5" or "abc" → NaN. */
export function parseInteger(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+$/.test(s)) return Number.NaN;
  return Number(s);
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: MessageKey };

function parseRaw(parse: Parse, raw: string): Parsed {
  if (typeof parse === 'function') return { ok: true, value: parse(raw) };
  if (parse === 'text') return { ok: true, value: raw.trim() || undefined };
  const n = parse === 'decimal' ? parseDecimal(raw) : parseInteger(raw);
  if (n !== undefined && Number.isNaN(n)) return { ok: false, error: parse === 'decimal' ? 'validation.number' : 'validation.integer' };
  return { ok: true, value: n };
}

/** The object schema inside optional/default/nullable wrappers, if there is one. */
function objectOf(schema: z.ZodType): z.ZodObject | undefined {
  let s: z.ZodType = schema;
  for (;;) {
    if (s instanceof z.ZodObject) return s;
    if (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodPrefault || s instanceof z.ZodNullable) s = s.unwrap() as z.ZodType; // why: unwrap() types its inner schema as the core base type
    else return undefined;
  }
}

/** The schema at a dotted path ("specs.ramGb"), or undefined when the input has no such field. */
export function schemaAt(schema: z.ZodType, path: string): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const key of path.split('.')) {
    const shape: Record<string, z.ZodType> | undefined = s ? objectOf(s)?.shape : undefined;
    s = shape && Object.prototype.hasOwnProperty.call(shape, key) ? shape[key] : undefined;
    if (!s) return undefined;
  }
  return s;
}

/**
 * The paths a person must fill: the field has no default and is not optional (it refuses `undefined`),
 * and the same holds for every object it sits in (a field inside an optional object is not required).
 */
export function requiredPaths(schema: z.ZodType, prefix = ''): Set<string> {
  const out = new Set<string>();
  const shape: Record<string, z.ZodType> = objectOf(schema)?.shape ?? {};
  for (const [key, child] of Object.entries(shape)) {
    if (child.safeParse(undefined).success) continue;
    const path = prefix + key;
    out.add(path);
    for (const inner of requiredPaths(child, `${path}.`)) out.add(inner);
  }
  return out;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>; // why: only this function builds the nested objects
    else node = node[key] = {};
  }
  node[keys[keys.length - 1] ?? ''] = value;
}

export interface CheckOptions {
  locale: Locale;
  t(key: MessageKey): string;
  /** Input values that do not come from a field (a device id, an administration derived from a location). */
  extra?: Record<string, unknown>;
  /** Messages by field from rules the schema cannot state (they depend on reference data); they win over the schema's. */
  ruled?: Readonly<Record<string, string | undefined>>;
}

/**
 * The input the values make, checked with the contract's schema: `input` when it passes, else the errors by
 * path. A required field left empty says "required"; a number field that holds no number says so; every
 * other error is the schema's, in the server's words.
 */
export function checkForm<F extends Record<string, FieldSpec>>(
  schema: z.ZodType,
  fields: F,
  values: FormValues<F>,
  opts: CheckOptions,
): { input?: Record<string, unknown>; errors: FieldErrors } {
  const required = requiredPaths(schema);
  const input: Record<string, unknown> = {};
  const errors: FieldErrors = {};
  for (const [path, spec] of Object.entries(fields)) {
    const raw = values[path];
    if (spec.checkbox) {
      setPath(input, path, raw === true);
      continue;
    }
    const parsed = parseRaw(spec.parse ?? 'text', String(raw));
    if (!parsed.ok) errors[path] = opts.t(parsed.error);
    else if (parsed.value !== undefined) setPath(input, path, parsed.value);
    else if (required.has(path)) errors[path] = opts.t('validation.required');
  }
  for (const [path, value] of Object.entries(opts.extra ?? {})) if (value !== undefined) setPath(input, path, value);
  const result = schema.safeParse(input);
  if (!result.success) for (const [path, message] of Object.entries(issueFields(result.error.issues, input, opts.locale))) errors[path] ??= message;
  for (const [path, message] of Object.entries(opts.ruled ?? {})) if (message !== undefined) errors[path] = message;
  return Object.keys(errors).length === 0 ? { input, errors } : { errors };
}

export interface Unplaced {
  path: string;
  message: string;
}

/**
 * Errors by input path → errors by form field. A path that is not a field goes to its alias, else to the
 * nearest field above it, else to the first field below it ("specs" → "specs.cpu"); what has no field, or
 * meets a field that already has an error, is left for the summary.
 */
export function placeErrors(
  errors: FieldErrors,
  fieldPaths: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): { placed: FieldErrors; unplaced: Unplaced[] } {
  const placed: FieldErrors = {};
  const unplaced: Unplaced[] = [];
  const fieldFor = (path: string): string | undefined => {
    if (fieldPaths.includes(path)) return path;
    if (aliases[path]) return aliases[path];
    const parts = path.split('.');
    for (let n = parts.length - 1; n > 0; n--) {
      const above = parts.slice(0, n).join('.');
      if (fieldPaths.includes(above)) return above;
    }
    return fieldPaths.find((f) => f.startsWith(`${path}.`));
  };
  for (const [path, message] of Object.entries(errors)) {
    const field = fieldFor(path);
    if (field !== undefined && placed[field] === undefined) placed[field] = message;
    else unplaced.push({ path, message });
  }
  return { placed, unplaced };
}

/** The server's errors that still apply: those at fields whose value is what the server saw. */
export function stillCurrent<V extends Record<string, unknown>>(server: FieldErrors, seen: V, now: V): FieldErrors {
  return Object.fromEntries(Object.entries(server).filter(([field]) => seen[field] === now[field]));
}

/** One error per field: the client's (just checked) before the server's (from the last answer). */
export function mergeErrors(client: FieldErrors, server: FieldErrors): FieldErrors {
  return { ...server, ...client };
}

/** The first field, in page order, that has an error: the one to focus. */
export function firstInOrder(order: readonly string[], errors: FieldErrors): string | undefined {
  return order.find((path) => errors[path] !== undefined);
}
