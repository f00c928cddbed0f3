/** The languages of the app, and the one place a caller's language hint becomes a Locale. */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * "en", "en-GB", "en_US.UTF-8", "en-GB,en;q=0.9" → 'en'; anything else (or nothing) → 'da', the default.
 * Every transport parses the caller's hint once with this and passes a Locale on.
 */
export function toLocale(value: unknown): Locale {
  return typeof value === 'string' && value.trim().toLowerCase().startsWith('en') ? 'en' : 'da';
}
