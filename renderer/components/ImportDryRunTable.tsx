/**
 * The dry run: the counts at the top, then a page of rows (row number, what would happen, the device, the
 * reasons named), filterable to the refused rows.
 */
import type { ProcedureOutput } from '../../shared/contract';
import type { ImportRefusal, ImportRowResult } from '../../shared/import';
import { IMPORT_ACTIONS } from '../../shared/import';
import { useI18n, type TFunction } from '../i18n';

type DryRun = ProcedureOutput<'import.dryRun'>;

interface Props {
  result: DryRun;
  offset: number;
  limit: number;
  onlyRefused: boolean;
  onPage(offset: number): void;
  onOnlyRefused(only: boolean): void;
}

/** A refusal in words: "ukendt kategori "Brødrister"". */
export function refusalText(t: TFunction, r: ImportRefusal): string {
  return t(`import.reason.${r.code}`, { ...(r.params ?? {}), value: r.value ?? '', field: r.field ? t(`import.field.${r.field}`) : '' });
}

function details(t: TFunction, row: ImportRowResult): string {
  if (row.refusals?.length) return row.refusals.map((r) => refusalText(t, r)).join('; ');
  if (row.changes?.length) return t('import.changes', { fields: row.changes.map((f) => t(`import.field.${f}`)).join(', ') });
  return '';
}

export function ImportDryRunTable({ result, offset, limit, onlyRefused, onPage, onOnlyRefused }: Props) {
  const { t, number } = useI18n();
  const to = Math.min(offset + limit, result.total);
  // "1–50 af 2.940": the numbers in the locale's form, as the counts are.
  const pageLabel = t('import.page', { from: number(offset + 1), to: number(to), total: number(result.total) });
  return (
    <>
      <dl className="import-counts" data-testid="import-counts">
        {IMPORT_ACTIONS.map((action) => (
          <div key={action} data-testid={`import-count-${action}`}>
            <dt>{t(`import.count.${action}`)}</dt>
            <dd>{number(result.counts[action])}</dd>
          </div>
        ))}
      </dl>
      <div className="field">
        <label>
          <input type="checkbox" checked={onlyRefused} onChange={(e) => onOnlyRefused(e.target.checked)} data-testid="import-only-refused" /> {t('import.onlyRefused')}
        </label>
      </div>
      {result.items.length === 0 ? (
        <p className="muted">{t('import.noRows')}</p>
      ) : (
        <table className="data-table" data-testid="import-rows">
          <thead>
            <tr>
              <th scope="col">{t('import.col.row')}</th>
              <th scope="col">{t('import.col.action')}</th>
              <th scope="col">{t('import.col.device')}</th>
              <th scope="col">{t('import.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((row) => (
              <tr key={row.row} data-action={row.action}>
                <td>{row.row}</td>
                <td>{t(`import.action.${row.action}`)}</td>
                <td>{[row.assetTag ?? (row.action === 'create' ? t('import.newTag') : ''), row.serial].filter(Boolean).join(' · ')}</td>
                <td>{details(t, row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.total > limit && (
        <div className="button-row" role="group" aria-label={pageLabel}>
          <button type="button" className="button button-secondary" aria-disabled={offset === 0} onClick={() => offset > 0 && onPage(Math.max(0, offset - limit))}>
            {t('import.prevPage')}
          </button>
          <span className="muted">{pageLabel}</span>
          <button type="button" className="button button-secondary" aria-disabled={to >= result.total} onClick={() => to < result.total && onPage(offset + limit)}>
            {t('import.nextPage')}
          </button>
        </div>
      )}
    </>
  );
}
