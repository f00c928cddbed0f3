/**
 * Add or edit one recycler: legal name, CVR, address, contact and the certifications. The form is
 * recyclers.save's input (useContractForm); the core's CVR check (modulus 11) answers at the CVR field.
 */
import { useState } from 'react';
import type { Recycler } from '../../shared/schemas';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { useContractForm } from '../use-contract-form';
import { CERTIFICATION_COLUMNS, CertificationRows, certificationControlId, type CertificationRow } from './CertificationRows';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';
import { memberOf } from '../member-of';

/** The form's fields, in page order, by their path in recyclers.save's input (the certifications are rows). */
export const RECYCLER_FIELDS = {
  legalName: { label: 'recyclers.legalName' },
  // People copy CVR numbers with spaces ("25 31 37 63"); the number is the digits.
  cvr: { label: 'recyclers.cvr', parse: (raw) => raw.replace(/\s/g, '') || undefined },
  address: { label: 'recyclers.address' },
  contactName: { label: 'recyclers.contactName' },
  contactEmail: { label: 'recyclers.contactEmail' },
  contactPhone: { label: 'recyclers.contactPhone' },
} as const satisfies FormFields<'recyclers.save'>;

const ID_PREFIX = 'recycler';
const COLUMN_LABEL = { scheme: 'recyclers.scheme', number: 'recyclers.certNumber', validUntil: 'recyclers.certValidUntil' } as const;

/** A row as recyclers.save takes it; an empty control is left out so the contract says "required". */
const certificationInput = (r: CertificationRow) => ({
  scheme: r.scheme || undefined,
  number: r.number.trim() || undefined,
  validUntil: r.validUntil || undefined,
});

interface Props {
  /** The recycler to edit; a new one when absent. */
  recycler?: Recycler | undefined;
  onSaved(recycler: Recycler): void;
  onCancel(): void;
}

export function RecyclerForm({ recycler, onSaved, onCancel }: Props) {
  const { t } = useI18n();
  const [rows, setRows] = useState<CertificationRow[]>(() =>
    (recycler?.certifications ?? []).map((c, i) => ({ key: i + 1, scheme: c.scheme, number: c.number, validUntil: c.validUntil })),
  );
  const form = useContractForm('recyclers.save', {
    idPrefix: ID_PREFIX,
    fields: RECYCLER_FIELDS,
    initial: recycler && {
      legalName: recycler.legalName,
      cvr: recycler.cvr,
      address: recycler.address,
      contactName: recycler.contactName ?? '',
      contactEmail: recycler.contactEmail ?? '',
      contactPhone: recycler.contactPhone ?? '',
    },
    extra: () => ({ id: recycler?.id, certifications: rows.map(certificationInput) }),
    rowControl: (path) => {
      if (path === 'certifications') return { id: certificationControlId(ID_PREFIX, 0, 'add'), label: t('recyclers.certifications') };
      const m = /^certifications\.(\d+)\.(\w+)$/.exec(path);
      const column = memberOf(CERTIFICATION_COLUMNS, m?.[2]);
      if (!m || !column) return undefined;
      const index = Number(m[1]);
      return {
        id: certificationControlId(ID_PREFIX, index, column),
        label: t('recyclers.inRow', { label: t(COLUMN_LABEL[column]), n: index + 1 }),
      };
    },
  });

  type TextName = keyof typeof RECYCLER_FIELDS;
  const text = (n: TextName, opts: { type?: 'text' | 'email' | 'tel'; hint?: string; className?: string; inputMode?: 'numeric' } = {}) => (
    <Field {...form.field(n, opts.hint)} className={opts.className}>
      <input {...form.control(n, { hint: opts.hint !== undefined })} type={opts.type ?? 'text'} inputMode={opts.inputMode} autoComplete="off" />
    </Field>
  );
  const titleId = `${ID_PREFIX}-form-title`;

  return (
    <section className="card" aria-labelledby={titleId} data-testid="recycler-form">
      <h2 id={titleId} tabIndex={-1}>
        {recycler ? t('recyclers.editTitle', { name: recycler.legalName }) : t('recyclers.addTitle')}
      </h2>
      {form.summary && <ErrorSummary {...form.summary} />}
      <form className="form" onSubmit={(e) => void form.onSubmit(onSaved)(e)} noValidate>
        <div className="form-grid">
          {text('legalName', { className: 'span-2' })}
          {text('cvr', { hint: t('recyclers.cvrHint'), inputMode: 'numeric' })}
          {text('address', { className: 'span-2' })}
          {text('contactName')}
          {text('contactEmail', { type: 'email' })}
          {text('contactPhone', { type: 'tel' })}
        </div>
        <CertificationRows idPrefix={ID_PREFIX} rows={rows} onChange={setRows} errorAt={form.rowError} />
        <SubmitCancel busy={form.busy} label={t('recyclers.save')} busyLabel={t('recyclers.saving')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
      </form>
    </section>
  );
}
