/**
 * An administrator's edit of the emission-factor table: one kg CO2e field per category (empty: no factor) and the
 * source text. The form is stats.factors.save's input (useContractForm); saving makes the next version.
 */
import type { Category, FactorVersion } from '../../shared/schemas';
import { CATEGORIES } from '../../shared/schemas';
import type { FormFields, TextFieldSpec } from '../form-model';
import { useI18n } from '../i18n';
import { categoryKey } from '../labels';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';

type FactorFieldName = `factors.${Category}`;
type FactorFields = Record<FactorFieldName, TextFieldSpec> & { source: TextFieldSpec };

const factorField = (c: Category): FactorFieldName => `factors.${c}`;

/** The fields in page order: the categories as the table lists them, then the source text. */
const FACTOR_FIELDS = {
  ...(Object.fromEntries(CATEGORIES.map((c) => [factorField(c), { label: categoryKey(c), parse: 'decimal' }])) as Record<FactorFieldName, TextFieldSpec>), // why: one entry per category, built from CATEGORIES
  source: { label: 'factors.source' },
} satisfies FactorFields & FormFields<'stats.factors.save'>;

interface Props {
  /** The version the edit starts from (the current one). */
  from: FactorVersion;
  /** The number the saved version will get. */
  next: number;
  onSaved(version: FactorVersion): void;
  onCancel(): void;
}

export function FactorForm({ from, next, onSaved, onCancel }: Props) {
  const { t, locale } = useI18n();
  // As a person would type it: a decimal comma in Danish, no thousands separator.
  const typed = (kg: number | null) => (kg === null ? '' : locale === 'da' ? String(kg).replace('.', ',') : String(kg));
  const form = useContractForm('stats.factors.save', {
    idPrefix: 'factors',
    fields: FACTOR_FIELDS,
    initial: {
      ...(Object.fromEntries(CATEGORIES.map((c) => [factorField(c), typed(from.factors[c])])) as Record<FactorFieldName, string>), // why: one value per category, as above
      source: from.source,
    },
  });
  const titleId = 'factor-form-title';
  return (
    <section className="card" aria-labelledby={titleId} data-testid="factor-form">
      <h2 id={titleId} tabIndex={-1}>
        {t('factors.formTitle')}
      </h2>
      <p className="hint">{t('factors.formIntro', { n: next })}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" onSubmit={(e) => void form.onSubmit(onSaved)(e)} noValidate>
        <div className="form-grid">
          {/* Not marked "(valgfri)": an empty field means "no factor", as the intro says, not "left out". */}
          {CATEGORIES.map((c) => (
            <Field key={c} {...form.field(factorField(c))} optional={false}>
              <input {...form.control(factorField(c))} type="text" inputMode="decimal" autoComplete="off" />
            </Field>
          ))}
        </div>
        <Field {...form.field('source', t('factors.sourceHint'))}>
          <textarea {...form.control('source', { hint: true })} rows={8} />
        </Field>
        <SubmitCancel busy={form.busy} label={t('factors.save')} busyLabel={t('factors.saving')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
      </form>
    </section>
  );
}
