/** Record a NIST SP 800-88 data sanitization for one device (devices.recordSanitization). */
import { useState, type FormEvent } from 'react';
import type { MessageKey } from '../../shared/i18n';
import { MEDIA_TYPES, SANITIZATION_METHODS, VERIFICATION_METHODS, type Device } from '../../shared/schemas';
import { client, errorFields, errorText } from '../api/instance';
import { fieldA11y, focusField, type FieldErrors } from '../form-errors';
import { useT } from '../i18n';
import { mediaKey, methodKey, verificationKey } from '../labels';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { Field } from './Field';

interface Values {
  method: string;
  technique: string;
  mediaType: string;
  tool: string;
  toolVersion: string;
  verificationMethod: string;
  verified: boolean;
  verifierName: string;
  notes: string;
}
type Name = keyof Values;
const LABELS: Record<Name, MessageKey> = {
  method: 'sanitization.method',
  technique: 'sanitization.technique',
  mediaType: 'sanitization.mediaType',
  tool: 'sanitization.tool',
  toolVersion: 'sanitization.toolVersion',
  verificationMethod: 'sanitization.verificationMethod',
  verified: 'sanitization.verifiedCheckbox',
  verifierName: 'sanitization.verifierName',
  notes: 'sanitization.notes',
};
const NAMES = Object.keys(LABELS) as Name[]; // why: the keys of a Record<Name, …> literal
const REQUIRED: Name[] = ['method', 'technique', 'mediaType', 'tool', 'toolVersion', 'verificationMethod', 'verifierName'];
const id = (n: Name) => `sanitization-${n}`;

function pick<T extends string>(values: readonly T[], v: string): T | undefined {
  return values.find((x) => x === v);
}

interface Props {
  device: Device;
  onDone(): void;
  onCancel(): void;
}

export function SanitizationForm({ device, onDone, onCancel }: Props) {
  const t = useT();
  const [values, setValues] = useState<Values>({
    method: '',
    technique: '',
    // The storage type reported with the device is the likely medium.
    mediaType: pick(MEDIA_TYPES, device.specs.storageType ?? '') ?? '',
    tool: '',
    toolVersion: '',
    verificationMethod: '',
    verified: false,
    verifierName: '',
    notes: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [extra, setExtra] = useState<SummaryItem[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const setText = (n: Exclude<Name, 'verified'>) => (v: string) => setValues((old) => ({ ...old, [n]: v }));
  const a11y = (n: Name, hint = false) => fieldA11y(id(n), { hint, error: errors[n] });

  function fail(fe: FieldErrors, unplaced: SummaryItem[], msg: string) {
    setErrors(fe);
    setExtra(unplaced);
    setMessage(msg);
    const first = NAMES.find((n) => fe[n]);
    if (first) focusField(id(first));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const fe: FieldErrors = {};
    for (const n of REQUIRED) if (String(values[n]).trim() === '') fe[n] = t('validation.required');
    const method = pick(SANITIZATION_METHODS, values.method);
    const mediaType = pick(MEDIA_TYPES, values.mediaType);
    const verificationMethod = pick(VERIFICATION_METHODS, values.verificationMethod);
    if (Object.keys(fe).length > 0 || !method || !mediaType || !verificationMethod) return fail(fe, [], t('validation.clientSummary'));
    setBusy(true);
    try {
      await client.call('devices.recordSanitization', {
        deviceId: device.id,
        method,
        technique: values.technique.trim(),
        mediaType,
        tool: values.tool.trim(),
        toolVersion: values.toolVersion.trim(),
        verificationMethod,
        verified: values.verified,
        verifierName: values.verifierName.trim(),
        notes: values.notes.trim() || undefined,
      });
      onDone();
    } catch (ex) {
      const serverFields: FieldErrors = {};
      const unplaced: SummaryItem[] = [];
      for (const [path, msg] of Object.entries(errorFields(ex))) {
        const n = NAMES.find((x) => x === path);
        if (n) serverFields[n] = msg;
        else unplaced.push({ label: path, message: msg });
      }
      fail(serverFields, unplaced, errorText(ex, t('common.unexpectedError')));
      setBusy(false);
    }
  }

  const summary: SummaryItem[] = [
    ...NAMES.filter((n) => errors[n]).map((n) => ({ targetId: id(n), label: t(LABELS[n]), message: errors[n] ?? '' })),
    ...extra,
  ];
  const textField = (n: 'technique' | 'tool' | 'toolVersion' | 'verifierName', hint?: string) => (
    <Field id={id(n)} label={t(LABELS[n])} error={errors[n]} hint={hint} required>
      <input {...a11y(n, !!hint)} type="text" value={values[n]} onChange={(e) => setText(n)(e.target.value)} aria-required autoComplete="off" />
    </Field>
  );
  const select = <T extends string>(n: 'method' | 'mediaType' | 'verificationMethod', options: readonly T[], label: (v: T) => MessageKey) => (
    <Field id={id(n)} label={t(LABELS[n])} error={errors[n]} required>
      <select {...a11y(n)} value={values[n]} onChange={(e) => setText(n)(e.target.value)} aria-required>
        <option value="">{t('sanitization.choose')}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(label(o))}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <form className="form subform" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="sanitization-form-title">
      <h3 id="sanitization-form-title">{t('sanitization.formTitle')}</h3>
      {message && <ErrorSummary message={message} items={summary} />}
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
        <input
          {...a11y('verified')}
          type="checkbox"
          checked={values.verified}
          onChange={(e) => setValues((old) => ({ ...old, verified: e.target.checked }))}
        />
        <label htmlFor={id('verified')}>{t('sanitization.verifiedCheckbox')}</label>
        {errors.verified && (
          <p id={`${id('verified')}-error`} className="field-error">
            {errors.verified}
          </p>
        )}
      </div>
      <Field id={id('notes')} label={t('sanitization.notes')} error={errors.notes} optional>
        <textarea {...a11y('notes')} rows={2} value={values.notes} onChange={(e) => setText('notes')(e.target.value)} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('sanitization.submit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
