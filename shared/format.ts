/**
 * Locale-aware formatting with Intl: Danish conventions by default (da-DK), British English otherwise.
 * Runs anywhere: the UI formats in the computer's own time zone, the core's documents (PDF manifests,
 * disposal certificates) in Copenhagen's, whatever time zone the server runs in.
 */
import type { Locale } from './i18n/locale';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

/** The Intl locale a catalogue locale formats numbers and dates with. */
export const intlLocale = (locale: Locale): string => INTL_LOCALE[locale];

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone ?? ''}`;
  let f = dateTimeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, f);
  }
  return f;
}

const daySeparator = (locale: Locale) => (locale === 'da' ? '.' : '/');

/**
 * "28.11.2026 14:05" (da) or "28/11/2026 14:05" (en). Built from Intl's parts because da-DK's own pattern
 * writes the time as "14.05", and the municipality's documents use a colon. `timeZone` defaults to the
 * computer's own.
 */
export function formatDateTime(iso: string | undefined, locale: Locale, timeZone?: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat(locale, timeZone).formatToParts(d)) parts[p.type] = p.value;
  const sep = daySeparator(locale);
  return `${parts.day}${sep}${parts.month}${sep}${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A calendar day "2026-11-02" as "02.11.2026" (da) or "02/11/2026" (en); anything else as written. */
export function formatDay(day: string | undefined, locale: Locale): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const sep = daySeparator(locale);
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}

// Made once per locale and precision: building an Intl.NumberFormat costs far more than formatting with one
// (the marketplace's facet counts made a few hundred per keystroke, ~9 ms a keystroke in bench:ui's profile).
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(n: number | undefined, locale: Locale, maximumFractionDigits = 1): string {
  if (n === undefined) return '';
  const key = `${locale}|${maximumFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits })));
  return f.format(n);
}
