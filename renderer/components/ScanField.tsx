/** The asset tag field of a scan station: autofocused, no autocorrect, Enter submits the form around it. */
import type { Ref } from 'react';
import { fieldA11y } from '../form-errors';
import { useT } from '../i18n';
import { Field } from './Field';

interface ScanFieldProps {
  id: string;
  value: string;
  onChange(value: string): void;
  inputRef: Ref<HTMLInputElement>;
  error?: string | undefined;
}

export function ScanField({ id, value, onChange, inputRef, error }: ScanFieldProps) {
  const t = useT();
  return (
    <Field id={id} label={t('scan.assetTag')} hint={t('scan.assetTagHint')} error={error} className="scan-field">
      <input
        {...fieldA11y(id, { hint: true, error })}
        ref={inputRef}
        type="text"
        className="scan-input mono"
        data-testid="scan-tag"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        autoFocus
        autoComplete="off"
        autoCorrect="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="KK-0001234"
        aria-required
      />
    </Field>
  );
}
