/**
 * A recycler's certifications as repeatable rows (scheme, number, last valid day) with add and remove. The
 * rows are part of recyclers.save's input; their errors come from the same form (useContractForm's rowControl).
 */
import type { ReactNode } from 'react';
import { CERTIFICATION_SCHEMES } from '../../shared/schemas';
import { fieldA11y } from '../form-errors';
import { useT } from '../i18n';

export interface CertificationRow {
  /** Stable across removals, so React keeps each row's own controls. */
  key: number;
  scheme: string;
  number: string;
  validUntil: string;
}

export const CERTIFICATION_COLUMNS = ['scheme', 'number', 'validUntil'] as const;
export type CertificationColumn = (typeof CERTIFICATION_COLUMNS)[number];

/** The id of a row's control: "recycler-certifications-0-number", like the form's own ids. */
export const certificationControlId = (idPrefix: string, index: number, column: CertificationColumn | 'add') =>
  column === 'add' ? `${idPrefix}-certifications-add` : `${idPrefix}-certifications-${index}-${column}`;

interface Props {
  idPrefix: string;
  rows: readonly CertificationRow[];
  onChange(rows: CertificationRow[]): void;
  /** The error at an input path ("certifications.0.number", or "certifications" for the list as a whole). */
  errorAt(path: string): string | undefined;
}

export function CertificationRows({ idPrefix, rows, onChange, errorAt }: Props) {
  const t = useT();
  const listError = errorAt('certifications');
  const update = (key: number, column: CertificationColumn, value: string) =>
    onChange(rows.map((r) => (r.key === key ? { ...r, [column]: value } : r)));
  const add = () => onChange([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, scheme: '', number: '', validUntil: '' }]);

  return (
    <fieldset className={`fieldset${listError ? ' field-invalid' : ''}`} aria-describedby={`${idPrefix}-certifications-hint`}>
      <legend>{t('recyclers.certifications')}</legend>
      <p id={`${idPrefix}-certifications-hint`} className="hint">
        {t('recyclers.certificationsHint')}
      </p>
      {rows.length === 0 && <p className="muted">{t('recyclers.noCertificationRows')}</p>}
      {rows.map((row, i) => {
        const n = i + 1;
        const cell = (column: CertificationColumn, label: string, control: (a11y: ReturnType<typeof fieldA11y>) => ReactNode) => {
          const id = certificationControlId(idPrefix, i, column);
          const error = errorAt(`certifications.${i}.${column}`);
          return (
            <div className={`field${error ? ' field-invalid' : ''}`}>
              <label htmlFor={id} className="label-required">
                {label}
              </label>
              {control({ ...fieldA11y(id, { error }) })}
              {error && (
                <p id={`${id}-error`} className="field-error">
                  {error}
                </p>
              )}
            </div>
          );
        };
        return (
          <div key={row.key} className="certification-row" role="group" aria-label={t('recyclers.certificationN', { n })} data-testid="certification-row">
            {cell('scheme', t('recyclers.scheme'), (a11y) => (
              <select {...a11y} aria-required value={row.scheme} onChange={(e) => update(row.key, 'scheme', e.target.value)}>
                <option value="">{t('recyclers.chooseScheme')}</option>
                {/* why no catalogue label: the schemes are the standards' own names, the same in every language */}
                {CERTIFICATION_SCHEMES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            ))}
            {cell('number', t('recyclers.certNumber'), (a11y) => (
              <input {...a11y} aria-required type="text" autoComplete="off" value={row.number} onChange={(e) => update(row.key, 'number', e.target.value)} />
            ))}
            {cell('validUntil', t('recyclers.certValidUntil'), (a11y) => (
              <input {...a11y} aria-required type="date" value={row.validUntil} onChange={(e) => update(row.key, 'validUntil', e.target.value)} />
            ))}
            <button
              type="button"
              className="button button-secondary button-small certification-remove"
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              {t('recyclers.removeCertification', { n })}
            </button>
          </div>
        );
      })}
      <div className="button-row">
        <button type="button" id={certificationControlId(idPrefix, 0, 'add')} className="button button-secondary" onClick={add}>
          {t('recyclers.addCertification')}
        </button>
      </div>
      {listError && (
        <p id={`${idPrefix}-certifications-error`} className="field-error">
          {listError}
        </p>
      )}
    </fieldset>
  );
}
