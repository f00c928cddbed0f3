/** A labelled form field: label, optional hint, the control, and its error right below it. */
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Adds "(valgfri)" to the label; required fields carry no mark (most fields are required). */
  optional?: boolean;
  /** Documents intent only; the control itself carries aria-required. */
  required?: boolean;
  className?: string;
  children: ReactNode;
}

export function Field({ id, label, error, hint, optional, className, children }: FieldProps) {
  const t = useT();
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="optional"> {t('common.optional')}</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
