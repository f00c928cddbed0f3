/** The card every admin form stands in: its title, the error summary, the fields (the first focused when it opens) and save/cancel. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { ErrorSummary, type SummaryItem } from '../ErrorSummary';
import { SubmitCancel } from '../SubmitCancel';

interface Props {
  idPrefix: string;
  title: string;
  saveLabel: string;
  busy: boolean;
  summary: { message: string; items: SummaryItem[] } | undefined;
  onSubmit(e: React.FormEvent): void;
  onCancel(): void;
  children: ReactNode;
}

export function AdminFormCard({ idPrefix, title, saveLabel, busy, summary, onSubmit, onCancel, children }: Props) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  // Opening a form takes the person to its first field, to type at once; the field's label and the card's title
  // (the section is labelled by it) are read out.
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  const titleId = `${idPrefix}-form-title`;
  return (
    <section className="card" aria-labelledby={titleId} data-testid={`${idPrefix}-form`}>
      <h3 id={titleId}>{title}</h3>
      {summary && <ErrorSummary {...summary} />}
      <form ref={form} className="form" onSubmit={onSubmit} noValidate>
        <div className="form-grid">{children}</div>
        <SubmitCancel busy={busy} label={saveLabel} busyLabel={t('org.saving')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
      </form>
    </section>
  );
}
