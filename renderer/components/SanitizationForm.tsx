/** Record a NIST SP 800-88 data sanitization for one device (devices.recordSanitization). */
import type { MessageKey } from '../../shared/i18n';
import { MEDIA_TYPES, SANITIZATION_METHODS, VERIFICATION_METHODS, type Device } from '../../shared/schemas';
import type { FormFields } from '../form-model';
import { useT } from '../i18n';
import { mediaKey, methodKey, verificationKey } from '../labels';
import { memberOf } from '../member-of';
import { useUser } from '../session-context';
import { useContractForm } from '../use-contract-form';
import { EnumOptions } from './EnumOptions';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';

/** The form's fields, in page order, by their path in devices.recordSanitization's input (deviceId comes from the page). */
export const SANITIZATION_FIELDS = {
  method: { label: 'sanitization.method' },
  technique: { label: 'sanitization.technique' },
  mediaType: { label: 'sanitization.mediaType' },
  tool: { label: 'sanitization.tool' },
  toolVersion: { label: 'sanitization.toolVersion' },
  verificationMethod: { label: 'sanitization.verificationMethod' },
  verifierName: { label: 'sanitization.verifierName' },
  verified: { label: 'sanitization.verifiedCheckbox', checkbox: true },
  notes: { label: 'sanitization.notes' },
} as const satisfies FormFields<'devices.recordSanitization'>;

interface Props {
  device: Device;
  onDone(): void;
  onCancel(): void;
}

export function SanitizationForm({ device, onDone, onCancel }: Props) {
  const t = useT();
  const user = useUser();
  const form = useContractForm('devices.recordSanitization', {
    idPrefix: 'sanitization',
    fields: SANITIZATION_FIELDS,
    // The storage type reported with the device is the likely medium; the person recording the wipe is usually the one
    // who verified it (editable when someone else did).
    initial: { mediaType: memberOf(MEDIA_TYPES, device.specs.storageType) ?? '', verifierName: user.name },
    extra: () => ({ deviceId: device.id }),
  });

  const textField = (n: 'technique' | 'tool' | 'toolVersion' | 'verifierName', hint?: string) => (
    <Field {...form.field(n, hint)}>
      <input {...form.control(n, { hint: hint !== undefined })} type="text" autoComplete="off" />
    </Field>
  );
  const select = <T extends string>(n: 'method' | 'mediaType' | 'verificationMethod', options: readonly T[], label: (v: T) => MessageKey) => (
    <Field {...form.field(n)}>
      <select {...form.control(n)}>
        <EnumOptions values={options} label={label} empty={t('sanitization.choose')} />
      </select>
    </Field>
  );
  const verifiedError = form.errors.verified;

  return (
    <form className="form subform" onSubmit={(e) => void form.onSubmit(onDone)(e)} noValidate aria-labelledby="sanitization-form-title">
      <h3 id="sanitization-form-title">{t('sanitization.formTitle')}</h3>
      {form.summary && <ErrorSummary {...form.summary} />}
      <div className="form-grid">
        {select('method', SANITIZATION_METHODS, methodKey)}
        {textField('technique', t('sanitization.techniqueHint'))}
        {select('mediaType', MEDIA_TYPES, mediaKey)}
        {textField('tool')}
        {textField('toolVersion')}
        {select('verificationMethod', VERIFICATION_METHODS, verificationKey)}
        {textField('verifierName')}
      </div>
      <div className="checkbox-field">
        <input {...form.checkbox('verified')} />
        <label htmlFor={form.id('verified')}>{t('sanitization.verifiedCheckbox')}</label>
        {verifiedError && (
          <p id={`${form.id('verified')}-error`} className="field-error">
            {verifiedError}
          </p>
        )}
      </div>
      <Field {...form.field('notes')}>
        <textarea {...form.control('notes')} rows={2} />
      </Field>
      <SubmitCancel busy={form.busy} label={t('sanitization.submit')} busyLabel={t('common.working')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
    </form>
  );
}
