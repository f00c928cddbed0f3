/**
 * Turning codes into sentences: an error code with its parameters, a zod issue, or a field key named by a
 * service becomes text in the caller's language. The texts themselves live in the one catalogue
 * (shared/i18n); this module holds no words of its own.
 */
import type { ApiErrorBody, ErrorCode } from './errors';
import { isMessageKey, translate, type Locale, type MessageKey, type Params } from './i18n';
import { formatDay } from './format';

export { LOCALES, toLocale, type Locale } from './i18n';

/** Parameters that carry a code and are shown by their label: action, status and entity names. */
const LABELLED_PARAMS = ['action', 'status', 'entity', 'batchStatus'] as const;

/**
 * The text of `key` with its parameters: a code-valued parameter (action, status, entity) is shown by its
 * label, and a parameter the caller left out reads as its 'param.<name>' default.
 */
function withParams(locale: Locale, key: MessageKey, params: Params): string {
  const filled: Params = { ...params };
  for (const name of LABELLED_PARAMS) {
    const label = `${name}.${String(params[name])}`;
    if (params[name] !== undefined && isMessageKey(label)) filled[name] = translate(locale, label);
  }
  // A calendar day travels as YYYY-MM-DD and is written as the reader writes dates (1.12.2026 / 01/12/2026).
  if (typeof params.day === 'string') filled.day = formatDay(params.day, locale);
  for (const [, name = ''] of translate(locale, key).matchAll(/\{(\w+)\}/g)) {
    const fallback = `param.${name}`;
    if (filled[name] === undefined && isMessageKey(fallback)) filled[name] = translate(locale, fallback);
  }
  return translate(locale, key, filled);
}

/** The message for an error code, as a sentence (first letter capitalised). */
export function errorMessage(code: ErrorCode, params: Params, locale: Locale): string {
  const text = withParams(locale, `error.${code}`, params);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The zod issue details a field message uses. */
export interface IssueLike {
  code: string;
  message?: string | undefined;
  minimum?: number | bigint | undefined;
  maximum?: number | bigint | undefined;
  expected?: string | undefined;
  input?: unknown;
}

const ISSUE_KEYS: Record<string, MessageKey> = {
  invalid_type: 'issue.invalid_type',
  too_small: 'issue.too_small',
  too_big: 'issue.too_big',
  invalid_value: 'issue.invalid_value',
  invalid_enum_value: 'issue.invalid_value',
  invalid_format: 'issue.invalid_format',
  invalid_string: 'issue.invalid_format',
  unrecognized_keys: 'issue.unrecognized_keys',
};

/**
 * A short field message from a zod issue, in the caller's language (the same words client and server).
 * `missing`: the input had no value at the issue's path (zod does not report the input by default).
 */
export function fieldMessage(issue: IssueLike, locale: Locale, missing = false): string {
  // Schemas name a specific message by an 'issue.*' key (e.g. the asset tag format).
  const named = `issue.${issue.message ?? ''}`;
  if (isMessageKey(named)) return translate(locale, named);
  if (missing && issue.code !== 'unrecognized_keys') return translate(locale, 'issue.required');
  return withParams(locale, ISSUE_KEYS[issue.code] ?? 'issue.custom', {
    expected: issue.expected,
    minimum: issue.minimum === undefined ? undefined : String(issue.minimum),
    maximum: issue.maximum === undefined ? undefined : String(issue.maximum),
  });
}

/** The value at a path of an input ("specs.ramGb"), or undefined when any step is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key]; // why: walking plain parsed JSON by the issue's own path
  }
  return v;
}

/**
 * Zod issues as field messages keyed by path ("specs.ramGb"; "_" for the whole input), the first issue per
 * path; a path where the input has no value says "required". The server and the forms both use this.
 */
export function issueFields(
  issues: readonly (IssueLike & { path: readonly PropertyKey[] })[],
  input: unknown,
  locale: Locale,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= fieldMessage(issue, locale, issue.path.length > 0 && valueAt(input, issue.path) === undefined);
  }
  return fields;
}

/** A field key a service names (AppError.fields values are 'field.*' keys without the prefix). */
type FieldKeyOf<K> = K extends `field.${infer F}` ? F : never;
export type FieldKey = FieldKeyOf<MessageKey>;

export function fieldText(key: FieldKey, locale: Locale): string {
  return translate(locale, `field.${key}`);
}

/** The error shape every transport sends: the code, its message and any field messages in the caller's language. */
export function errorBody(code: ErrorCode, locale: Locale, params: Params = {}, fields?: Record<string, FieldKey>): ApiErrorBody {
  const body: ApiErrorBody = { code, message: errorMessage(code, params, locale) };
  const given = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined);
  if (given.length > 0) body.params = Object.fromEntries(given);
  if (fields) body.fields = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldText(v, locale)]));
  return body;
}
