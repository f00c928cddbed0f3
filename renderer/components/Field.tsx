/** A labelled form field: label, optional hint, the control, and its error right below it. */
import type { ReactNode } from 'react';
import { useT } from '../i18n';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Adds "(valgfri)" to the label. */
  optional?: boolean;
  /**
   * Marks the label with an asterisk. It is drawn by CSS with empty alternative text, so the field's name stays
   * its label; screen readers hear "required" from the control's aria-required, which the control carries
   * itself (use-contract-form sets both from the contract's schema).
   */
  required?: boolean;
  className?: string;
  children: ReactNode;
}

export function Field({ id, label, error, hint, optional, required, className, children }: FieldProps) {
  const t = useT();
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={required ? 'label-required' : undefined}>
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
