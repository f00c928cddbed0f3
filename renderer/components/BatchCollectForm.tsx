/**
 * "Afhentning": the recycler, the waybill and the day it was collected (today in Danish time unless changed).
 * A refusal (a data-bearing device without a wipe, a recycler whose certifications have expired) is shown as
 * the core says it; the batch stays as it was.
 */
import { copenhagenDay } from '../../shared/days';
import type { BatchDetail } from '../../shared/contract';
import { client } from '../api/instance';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { useAsync } from '../use-async';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { LoadError } from './LoadError';

const COLLECT_FIELDS = {
  recyclerId: { label: 'batch.recyclerField' },
  waybill: { label: 'batch.waybillField' },
  date: { label: 'batch.collectDate' },
} as const satisfies FormFields<'batches.collect'>;

interface Props {
  batchId: string;
  /** Take the focus on arrival: the batch was just sealed on this page, and collection is what comes next. */
  focus: boolean;
  onCollected(detail: BatchDetail): void;
}

export function BatchCollectForm({ batchId, focus, onCollected }: Props) {
  const { t } = useI18n();
  const recyclers = useAsync(() => client.call('recyclers.list', {}), []);
  const form = useContractForm('batches.collect', {
    idPrefix: 'batch-collect',
    fields: COLLECT_FIELDS,
    initial: { date: copenhagenDay(new Date()) },
    extra: () => ({ batchId }),
  });
  const items = recyclers.data?.items ?? [];
  return (
    <form className="form card" noValidate aria-labelledby="batch-collect-title" data-testid="batch-collect" onSubmit={(e) => void form.onSubmit(onCollected)(e)}>
      <h2 id="batch-collect-title">{t('batch.collectTitle')}</h2>
      <p className="hint">{t('batch.collectIntro')}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      {recyclers.error !== undefined && <LoadError error={recyclers.error} onRetry={recyclers.reload} />}
      <div className="form-grid">
        <Field {...form.field('recyclerId', recyclers.data && items.length === 0 ? t('batch.noRecyclers') : undefined)}>
          <select {...form.control('recyclerId', { hint: recyclers.data !== undefined && items.length === 0 })} autoFocus={focus}>
            <option value="">{t('batch.chooseRecycler')}</option>
            {items.map((r) => (
              <option key={r.id} value={r.id}>
                {t('batch.recyclerValue', { name: r.legalName, cvr: r.cvr })}
              </option>
            ))}
          </select>
        </Field>
        <Field {...form.field('waybill')}>
          <input {...form.control('waybill')} type="text" className="mono" autoComplete="off" spellCheck={false} maxLength={100} />
        </Field>
        <Field {...form.field('date')}>
          <input {...form.control('date')} type="date" />
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.working') : t('batch.collectSubmit')}
        </button>
      </div>
    </form>
  );
}
