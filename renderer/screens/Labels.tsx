/**
 * QR-mærkater: the warehouse reserves a batch of new asset tags (tags.allocate) and prints them as labels
 * (labels.pdf) before the devices come in. The batch is kept (also across a restart), so "print again"
 * after a paper jam fetches the same tags and never burns new numbers.
 */
import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { LabelStockFields } from '../components/LabelStockFields';
import { PrintedNote } from '../components/PrintedNote';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { parseBatch } from '../label-print';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { useContractForm } from '../use-contract-form';
import { useLabelPrint } from '../use-label-print';

/** The form's field by its path in tags.allocate's input; the stock and start belong to labels.pdf. */
export const ALLOCATE_FIELDS = {
  count: { label: 'labels.count', parse: 'integer' },
} as const satisfies FormFields<'tags.allocate'>;

export function Labels() {
  const { t, tPlural, number } = useI18n();
  const allocate = useContractForm('tags.allocate', { idPrefix: 'labels', fields: ALLOCATE_FIELDS });
  const print = useLabelPrint('labels');
  const [batch, setBatchState] = useState<string[] | undefined>(() => parseBatch(readStored('local', STORAGE_KEYS.labelBatch)));
  const busy = allocate.busy || print.form.busy;

  const setBatch = (tags: string[]) => {
    setBatchState(tags);
    writeStored('local', STORAGE_KEYS.labelBatch, JSON.stringify(tags));
  };

  async function reserveAndPrint(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    // Both parts are checked before a tag is reserved. The count comes first on the page, so it is checked
    // last: the focus goes to the first field in error.
    const printOk = print.form.checkFields();
    const countOk = allocate.checkFields();
    if (!printOk || !countOk) return;
    await allocate.submit(({ tags }) => {
      setBatch(tags);
      void print.print({ tags });
    });
  }

  // One summary for the one form the person sees.
  const summaries = [allocate.summary, print.form.summary].filter((s) => s !== undefined);
  const first = summaries[0];
  const summary = first && { message: first.message, items: summaries.flatMap((s) => s.items) };
  const firstTag = batch?.[0];
  const lastTag = batch?.[batch.length - 1];

  return (
    <div className="labels-screen">
      <h1>{t('labels.title')}</h1>
      <p className="lead">{t('labels.intro')}</p>
      <form className="form labels-form" noValidate onSubmit={(e) => void reserveAndPrint(e)} aria-labelledby="labels-form-title">
        <h2 id="labels-form-title" className="visually-hidden">
          {t('labels.reserveAndPrint')}
        </h2>
        {summary && <ErrorSummary {...summary} />}
        <Field {...allocate.field('count', t('labels.countHint'))}>
          <input {...allocate.control('count', { hint: true })} type="text" inputMode="numeric" autoComplete="off" className="input-short" />
        </Field>
        <LabelStockFields print={print} />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.working') : t('labels.reserveAndPrint')}
          </button>
        </div>
      </form>

      {batch && firstTag && lastTag && (
        <section className="card labels-batch" aria-labelledby="labels-batch-title" data-testid="labels-batch">
          <h2 id="labels-batch-title">{t('labels.batchTitle')}</h2>
          <p className="labels-range">
            <span className="mono" data-testid="labels-range">
              {firstTag === lastTag ? firstTag : `${firstTag} – ${lastTag}`}
            </span>{' '}
            <span className="muted" data-testid="labels-count">
              ({tPlural('labels.batchCount', batch.length, { count: number(batch.length) })})
            </span>
          </p>
          <p className="hint">{t('labels.reprintHint')}</p>
          <div className="button-row">
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => void print.print({ tags: batch })}>
              {print.form.busy ? t('common.working') : t('labels.reprint')}
            </button>
          </div>
          <PrintedNote printed={print.printed} />
        </section>
      )}
    </div>
  );
}
