/** Locale-aware formatting with Intl: Danish conventions by default (da-DK), British English otherwise. */
import type { Locale } from './messages';

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

const dateTimeFormats = new Map<Locale, Intl.DateTimeFormat>();
function dateTimeFormat(locale: Locale): Intl.DateTimeFormat {
  let f = dateTimeFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(locale, f);
  }
  return f;
}

/**
 * "28.11.2026 14:05" (da) or "28/11/2026 14:05" (en). Built from Intl's parts because da-DK's own pattern
 * writes the time as "14.05", and the municipality's documents use a colon.
 */
export function formatDateTime(iso: string | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts: Record<string, string> = {};
  for (const p of dateTimeFormat(locale).formatToParts(d)) parts[p.type] = p.value;
  const sep = locale === 'da' ? '.' : '/';
  return `${parts.day}${sep}${parts.month}${sep}${parts.year} ${parts.hour}:${parts.minute}`;
}

export function formatNumber(n: number | undefined, locale: Locale, maximumFractionDigits = 1): string {
  if (n === undefined) return '';
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits }).format(n);
}

/** A calendar day (YYYY-MM-DD, as the core keeps it) as people write it: "02.11.2026" (da) or "02/11/2026" (en). */
export function formatDay(day: string | undefined, locale: Locale): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  if (!m) return day ?? '';
  const sep = locale === 'da' ? '.' : '/';
  return `${m[3]}${sep}${m[2]}${sep}${m[1]}`;
}
