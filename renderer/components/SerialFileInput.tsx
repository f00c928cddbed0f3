/**
 * Loads the serial numbers of a recycler's certificate from the CSV or XLSX file the recycler sent, and says
 * how many it found and in which column, or what is wrong with the file. The serials go to the form, where
 * the person sees them before registering the certificate.
 */
import { useId, useState, type ChangeEvent } from 'react';
import { useI18n } from '../i18n';
import { serialsFromFile, type SerialImportProblem } from '../serial-import';
import { Field } from './Field';

type Read =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'read'; fileName: string; count: number; column: string | null }
  | { kind: 'problem'; fileName: string; problem: SerialImportProblem };

const PROBLEM_KEYS = {
  empty: 'serialFile.problem.empty',
  no_serial_column: 'serialFile.problem.no_serial_column',
  unreadable: 'serialFile.problem.unreadable',
} as const satisfies Record<SerialImportProblem, string>;

export function SerialFileInput({ onSerials }: { onSerials(serials: string[], fileName: string): void }) {
  const { t, tPlural } = useI18n();
  const id = useId();
  const [read, setRead] = useState<Read>({ kind: 'idle' });

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file) return;
    setRead({ kind: 'reading', fileName: file.name });
    const result = await serialsFromFile(file);
    if (!result.ok) {
      setRead({ kind: 'problem', fileName: file.name, problem: result.problem });
      return;
    }
    setRead({ kind: 'read', fileName: file.name, count: result.serials.length, column: result.column });
    onSerials(result.serials, file.name);
  }

  const error = read.kind === 'problem' ? t(PROBLEM_KEYS[read.problem], { fileName: read.fileName }) : undefined;
  return (
    <Field id={id} label={t('serialFile.label')} hint={t('serialFile.hint')} error={error} optional>
      <input
        id={id}
        type="file"
        data-testid="serial-file"
        accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void choose(e)}
      />
      <p role="status" className="hint" data-testid="serial-file-status">
        {read.kind === 'reading' && t('serialFile.reading', { fileName: read.fileName })}
        {read.kind === 'read' &&
          (read.column
            ? tPlural('serialFile.readColumn', read.count, { fileName: read.fileName, column: read.column })
            : tPlural('serialFile.read', read.count, { fileName: read.fileName }))}
      </p>
    </Field>
  );
}
