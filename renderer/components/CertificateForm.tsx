/**
 * The recycler's certificate for a collected batch: number, issue date, kind, the serial numbers it covers
 * (pasted, or read from the recycler's CSV/XLSX by SerialFileInput) and its PDF if there is
 * one. The core reconciles the serials with the batch; the page shows the result.
 */
import { useState, type ChangeEvent } from 'react';
import { CERTIFICATE_KINDS } from '../../shared/schemas';
import { copenhagenDay } from '../../shared/days';
import type { ProcedureOutput } from '../../shared/contract';
import type { FormFields } from '../form-model';
import { useI18n } from '../i18n';
import { certificateKindKey } from '../labels';
import { bytesToBase64, splitSerials } from '../pasted-serials';
import { useContractForm } from '../use-contract-form';
import { EnumOptions } from './EnumOptions';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SerialFileInput } from './SerialFileInput';

const CERTIFICATE_FIELDS = {
  number: { label: 'batch.certificateNumber' },
  issueDate: { label: 'batch.issueDate' },
  kind: { label: 'batch.certificateKind' },
  // An empty paste is "required", not "too few": the person has not given the serials yet.
  serials: { label: 'batch.serials', parse: (raw) => (splitSerials(raw).length > 0 ? splitSerials(raw) : undefined) },
} as const satisfies FormFields<'batches.registerCertificate'>;

type Attachment = { fileName: string; pdfBase64: string };
export type Registered = ProcedureOutput<'batches.registerCertificate'>;
/** What a control that reads serials from a file hands over. */
type OnSerials = (serials: string[], fileName: string) => void;

interface Props {
  batchId: string;
  /** A destruction batch's certificate is usually one of destruction: that kind is chosen first. */
  certifiedDestruction: boolean;
  /** Take the focus on arrival: the batch was just collected on this page, and the certificate comes next. */
  focus: boolean;
  onRegistered(result: Registered): void;
}

export function CertificateForm({ batchId, certifiedDestruction, focus, onRegistered }: Props) {
  const { t, tPlural } = useI18n();
  const [attachment, setAttachment] = useState<Attachment | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  // why: a file input cannot be emptied through its value; a new key gives a fresh one after registering
  const [fileInput, setFileInput] = useState(0);
  const initial = { issueDate: copenhagenDay(new Date()), kind: certifiedDestruction ? 'destruction' : 'recycling' };
  const form = useContractForm('batches.registerCertificate', {
    idPrefix: 'certificate',
    fields: CERTIFICATE_FIELDS,
    initial,
    extra: () => ({ batchId, attachment }),
  });
  const serialCount = splitSerials(form.values.serials).length;

  // Serials read from the recycler's file replace what the field held: the file is the certificate's list.
  const takeSerials: OnSerials = (serials) => form.set('serials', serials.join('\n'));

  async function choosePdf(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(undefined);
    setAttachment(undefined);
    if (!file) return;
    try {
      setAttachment({ fileName: file.name, pdfBase64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
    } catch {
      setFileError(t('batch.pdfUnreadable', { file: file.name }));
    }
  }

  const done = (result: Registered) => {
    form.reset(initial);
    setAttachment(undefined);
    setFileInput((n) => n + 1);
    onRegistered(result);
  };

  return (
    <form className="form card" noValidate aria-labelledby="certificate-title" data-testid="certificate-form" onSubmit={(e) => void form.onSubmit(done)(e)}>
      <h2 id="certificate-title">{t('batch.certificateTitle')}</h2>
      <p className="hint">{t('batch.certificateIntro')}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <div className="form-grid">
        <Field {...form.field('number')}>
          <input {...form.control('number')} type="text" className="mono" autoComplete="off" spellCheck={false} maxLength={100} autoFocus={focus} />
        </Field>
        <Field {...form.field('issueDate')}>
          <input {...form.control('issueDate')} type="date" />
        </Field>
        <Field {...form.field('kind')}>
          <select {...form.control('kind')}>
            <EnumOptions values={CERTIFICATE_KINDS} label={certificateKindKey} />
          </select>
        </Field>
      </div>
      <Field {...form.field('serials', t('batch.serialsHint'))}>
        <textarea {...form.control('serials', { hint: true })} rows={8} className="mono" spellCheck={false} />
      </Field>
      <p className="muted" data-testid="certificate-serial-count">
        {tPlural('batch.serialsCount', serialCount)}
      </p>
      <SerialFileInput onSerials={takeSerials} />
      <Field id="certificate-pdf" label={t('batch.pdf')} hint={t('batch.pdfHint')} error={fileError} optional>
        <input key={fileInput} id="certificate-pdf" type="file" accept="application/pdf,.pdf" aria-describedby="certificate-pdf-hint" onChange={(e) => void choosePdf(e)} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? t('common.working') : t('batch.certificateSubmit')}
        </button>
      </div>
    </form>
  );
}
