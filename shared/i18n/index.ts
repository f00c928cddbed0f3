/**
 * The one message catalogue: every text a person sees, Danish (da.ts, the default) and English (en.ts),
 * under typed keys. Error codes, states, actions and trail events each have a key per value; the type
 * `Covered` below makes a missing one a compile error (see coverage.test-d.ts).
 */
import type { ErrorCode } from '../errors';
import type { Action, ActorRole } from '../lifecycle';
import type { DeviceStatus, TrailEventType } from '../schemas';
import { da, type MessageKey } from './da';
import { en } from './en';
import type { Locale } from './locale';

export type { MessageKey };
export { LOCALES, toLocale, type Locale } from './locale';
export const UI_MESSAGES: Record<Locale, Record<MessageKey, string>> = { da, en };

/** Keys the catalogue must hold: one per error code, state, lifecycle action, trail event type and role. */
export type RequiredKey =
  | `error.${ErrorCode}`
  | `status.${DeviceStatus}`
  | `action.${Action}`
  | `event.${TrailEventType}`
  | `role.${ActorRole}`;

/** `true` when every key in K has a text; otherwise a type naming the missing keys (not assignable from true). */
export type Covered<K extends string> = [Exclude<K, MessageKey>] extends [never] ? true : { missing: Exclude<K, MessageKey> };

// A status, action, trail event type, role or error code without a Danish text fails to compile here;
// English cannot lack a key Danish has (en.ts is typed Record<MessageKey, string>).
export const CATALOGUE_COVERS_DOMAIN: Covered<RequiredKey> = true;

export type Params = Record<string, string | number | undefined>;

/** Fill "{name}" parameters; an unknown parameter is left visible so a missing value is noticed. */
export function formatMessage(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** The text of `key` in `locale`, with parameters filled in. */
export function translate(locale: Locale, key: MessageKey, params?: Params): string {
  return formatMessage(UI_MESSAGES[locale][key], params);
}

/** Keys that come as a pair `<base>.one` / `<base>.other`. */
type PluralBaseOf<K> = K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
export type PluralBase = PluralBaseOf<MessageKey>;

const pluralRules: Partial<Record<Locale, Intl.PluralRules>> = {};

/**
 * The form of `<base>.one|other` that fits `count` by the language's plural rules (Intl.PluralRules: in
 * Danish 1 and 1,5 are "one"), with `{count}` filled from params or the number itself.
 */
export function translatePlural(locale: Locale, base: PluralBase, count: number, params?: Params): string {
  const rules = (pluralRules[locale] ??= new Intl.PluralRules(locale));
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return translate(locale, `${base}.${form}`, { count, ...params });
}

/** True when `key` names a text in the catalogue (for keys built at run time, e.g. 'param.<name>'). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(da, key);
}
