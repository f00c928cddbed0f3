/** Field error map and the a11y attributes and focus move that go with an error (see Field and ErrorSummary). */

export type FieldErrors = Record<string, string>;

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
