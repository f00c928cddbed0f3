/** Small helpers for forms: number parsing that accepts a Danish decimal comma, and field a11y attributes. */

export type FieldErrors = Record<string, string>;

/** "13,3" or "13.3" → 13.3; "" → undefined; anything else → NaN (the caller shows a field error). */
export function parseDecimal(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return Number.NaN;
  return Number(s.replace(',', '.'));
}

export function parseInteger(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  if (s === '') return undefined;
  if (!/^-?\d+$/.test(s)) return Number.NaN;
  return Number(s);
}

/** aria-invalid and aria-describedby for an input with optional hint and error paragraphs (see Field). */
export function fieldA11y(id: string, opts: { hint?: boolean; error?: string | undefined }) {
  const describedBy = [opts.hint ? `${id}-hint` : undefined, opts.error ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    id,
    'aria-invalid': opts.error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/** Move focus to a field named in an error summary. */
export function focusField(id: string): void {
  const el = document.getElementById(id);
  if (el) {
    el.focus();
    el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}
