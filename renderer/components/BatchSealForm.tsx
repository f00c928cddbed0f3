/**
 * "Plombér og vej": the seal number and one measured weight per WEEE category the batch holds. The core refuses
 * a missing weight or one for a category the batch does not hold at that weight's field ('weightsKg.2').
 */
import type { BatchDetail } from '../../shared/contract';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';

const SEAL_FIELDS = {
  sealId: { label: 'batch.sealId' },
  'weightsKg.2': { label: 'weee.2', parse: 'decimal' },
  'weightsKg.4': { label: 'weee.4', parse: 'decimal' },
  'weightsKg.5': { label: 'weee.5', parse: 'decimal' },
  'weightsKg.6': { label: 'weee.6', parse: 'decimal' },
} as const satisfies FormFields<'batches.seal'>;

type WeightField = `weightsKg.${BatchDetail['weee'][number]['category']}`;

export function BatchSealForm({ detail, onSealed }: { detail: BatchDetail; onSealed(detail: BatchDetail): void }) {
  const { t, number } = useI18n();
  const held = detail.weee.filter((r) => r.devices > 0);
  const form = useContractForm('batches.seal', {
    idPrefix: 'batch-seal',
    fields: SEAL_FIELDS,
    extra: () => ({ batchId: detail.batch.id }),
    // The schema cannot know which categories this batch holds: each of those needs its weight.
    rules: (v) => Object.fromEntries(held.filter((r) => v[`weightsKg.${r.category}`].trim() === '').map((r) => [`weightsKg.${r.category}`, t('validation.required')])),
  });
  const weightField = (name: WeightField, declaredKg: number) => (
    <Field key={name} {...form.field(name, t('batch.weightHint', { kg: number(declaredKg, 2) }))} required optional={false}>
      <input {...form.control(name, { hint: true })} aria-required type="text" inputMode="decimal" autoComplete="off" />
    </Field>
  );
  return (
    <form className="form card" noValidate aria-labelledby="batch-seal-title" onSubmit={(e) => void form.onSubmit(onSealed)(e)}>
      <h2 id="batch-seal-title">{t('batch.sealTitle')}</h2>
      <p className="hint">{t('batch.sealIntro')}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <div className="form-grid">
        <Field {...form.field('sealId')}>
          <input {...form.control('sealId')} type="text" className="mono" autoComplete="off" spellCheck={false} maxLength={60} />
        </Field>
        {held.map((r) => weightField(`weightsKg.${r.category}`, r.declaredKg))}
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.working') : t('batch.sealSubmit')}
        </button>
      </div>
    </form>
  );
}
