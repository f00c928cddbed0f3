/**
 * The batch manifest as a download, for the batch page: "Manifest (PDF)" to print and hand over with the
 * container, "Manifest (CSV)" for Excel. Shown only to the roles that may call batches.manifest.
 */
import { client } from '../api/instance';
import { base64ToBytes } from '../download';
import { useI18n } from '../i18n';
import { mayCall } from '../may-call';
import { useUser } from '../session-context';
import { useDownload, type FileToSave } from '../use-download';
import { DownloadNote } from './DownloadNote';

async function manifestFile(batchId: string, format: 'pdf' | 'csv'): Promise<FileToSave> {
  const out = await client.call('batches.manifest', { id: batchId, format });
  return out.format === 'pdf'
    ? { content: base64ToBytes(out.pdfBase64), type: 'application/pdf', fileName: out.fileName }
    : { content: out.csv, type: 'text/csv;charset=utf-8', fileName: out.fileName };
}

export function BatchDocuments({ batchId }: { batchId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const { busy, outcome, download } = useDownload();
  if (!mayCall(user.role, 'batches.manifest')) return null;
  return (
    <div className="batch-documents" data-testid="batch-documents">
      <div className="button-row" role="group" aria-label={t('manifest.actions')}>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void download(() => manifestFile(batchId, 'pdf'))}>
          {t('manifest.downloadPdf')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy} onClick={() => void download(() => manifestFile(batchId, 'csv'))}>
          {t('manifest.downloadCsv')}
        </button>
        {busy && <span className="muted">{t('common.working')}</span>}
      </div>
      <DownloadNote outcome={outcome} testId="batch-documents-note" />
    </div>
  );
}
