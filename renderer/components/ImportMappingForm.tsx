/**
 * The import's mapping step: a select per field with the guess preselected (or a saved mapping picked by
 * name), saving the mapping for the next file, and the dry run button. Fields a new device needs are marked.
 */
import { useState } from 'react';
import type { ProcedureOutput } from '../../shared/contract';
import { IMPORT_FIELDS, IMPORT_REQUIRED_FIELDS, mappingFromHeaders, type ImportField, type ImportMapping } from '../../shared/import';
import { client } from '../api/instance';
import { ApiError } from '../api/client';
import { useT } from '../i18n';
import { Banner } from './Banner';

type Analysis = ProcedureOutput<'import.analyze'>;

interface Props {
  analysis: Analysis;
  mapping: ImportMapping;
  onChange(mapping: ImportMapping): void;
  onDryRun(): void;
  busy: boolean;
}

/** Spreadsheet column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const isRequired = (field: ImportField) => (IMPORT_REQUIRED_FIELDS as readonly ImportField[]).includes(field);

export function ImportMappingForm({ analysis, mapping, onChange, onDryRun, busy }: Props) {
  const t = useT();
  const [saved, setSaved] = useState(analysis.saved);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ kind: 'success' | 'error'; text: string } | undefined>();
  const missing = IMPORT_REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);

  function pickSaved(value: string) {
    setChosen(value);
    const s = saved.find((m) => m.name === value);
    onChange(s ? mappingFromHeaders(s.columns, analysis.headers) : analysis.guess);
  }

  async function save() {
    const columns: Partial<Record<ImportField, string>> = {};
    for (const field of IMPORT_FIELDS) {
      const col = mapping[field];
      if (col !== undefined) columns[field] = analysis.headers[col] ?? '';
    }
    try {
      const out = await client.call('import.saveMapping', { name, columns });
      setSaved(out.saved);
      setChosen(name.trim());
      setNote({ kind: 'success', text: t('import.mapping.savedDone', { name: name.trim() }) });
    } catch (e) {
      setNote({ kind: 'error', text: e instanceof ApiError ? e.message : t('common.unexpectedError') });
    }
  }

  return (
    <section className="card" aria-labelledby="import-mapping-title" data-testid="import-mapping">
      <h2 id="import-mapping-title" tabIndex={-1}>
        {t('import.mapping.title')}
      </h2>
      <p className="muted">{t('import.mapping.hint')}</p>
      {saved.length > 0 && (
        <div className="field">
          <label htmlFor="import-saved">{t('import.mapping.saved')}</label>
          <select id="import-saved" value={chosen} onChange={(e) => pickSaved(e.target.value)}>
            <option value="">{t('import.mapping.savedNone')}</option>
            {saved.map((m) => (
              <option key={m.name} value={m.name}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="form-grid">
        {IMPORT_FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`import-field-${field}`}>
              {isRequired(field) ? t('import.mapping.required', { field: t(`import.field.${field}`) }) : t(`import.field.${field}`)}
            </label>
            <select
              id={`import-field-${field}`}
              value={mapping[field] === undefined ? '' : String(mapping[field])}
              onChange={(e) => {
                const next: ImportMapping = { ...mapping };
                if (e.target.value === '') delete next[field];
                else next[field] = Number(e.target.value);
                onChange(next);
              }}
            >
              <option value="">{t('import.mapping.none')}</option>
              {analysis.headers.map((header, i) => (
                <option key={i} value={String(i)}>
                  {`${columnLetter(i)}: ${header}`}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      {missing.length > 0 && (
        <p className="field-error" data-testid="import-mapping-missing">
          {t('import.mapping.missing', { fields: missing.map((f) => t(`import.field.${f}`)).join(', ') })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="button button-primary" aria-disabled={busy || missing.length > 0} onClick={() => !busy && missing.length === 0 && onDryRun()}>
          {t('import.dryRun')}
        </button>
      </div>
      <div className="field">
        <label htmlFor="import-save-name">{t('import.mapping.saveName')}</label>
        <input id="import-save-name" type="text" autoComplete="off" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="button" className="button button-secondary" aria-disabled={name.trim() === ''} onClick={() => name.trim() !== '' && void save()}>
          {t('import.mapping.save')}
        </button>
      </div>
      {note && <Banner kind={note.kind}>{note.text}</Banner>}
    </section>
  );
}
