/** The UI message catalogues by locale. */
import type { Locale } from '../messages';
import { da, type MessageKey } from './da';
import { en } from './en';

export type { MessageKey };
export const UI_MESSAGES: Record<Locale, Record<MessageKey, string>> = { da, en };

/** Fill "{name}" parameters; an unknown parameter is left visible so a missing value is noticed. */
export function formatMessage(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}
