/**
 * The device's disposal certificate as a PDF download: "Bortskaffelsesbevis" once it is recycled or destroyed,
 * a trail report before that (the core titles the document the same way). For the roles that may call
 * devices.disposalCertificate.
 */
import type { Device } from '../../shared/schemas';
import { client } from '../api/instance';
import { base64ToBytes } from '../download';
import { useI18n } from '../i18n';
import { mayCall } from '../may-call';
import { useUser } from '../session-context';
import { useDownload } from '../use-download';
import { DownloadNote } from './DownloadNote';

export function DisposalDocument({ device }: { device: Device }) {
  const { t } = useI18n();
  const user = useUser();
  const { busy, outcome, download } = useDownload();
  if (!mayCall(user.role, 'devices.disposalCertificate')) return null;
  const disposed = device.status === 'recycled' || device.status === 'destroyed';
  const title = t(disposed ? 'disposal.titleDisposal' : 'disposal.titleTrail');
  return (
    <section className="card" aria-labelledby="disposal-document-title" data-testid="disposal-document">
      <h2 id="disposal-document-title">{title}</h2>
      <p className="hint">{t('disposal.downloadHint')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() =>
            void download(async () => {
              const out = await client.call('devices.disposalCertificate', { deviceId: device.id });
              return { content: base64ToBytes(out.pdfBase64), type: 'application/pdf', fileName: out.fileName };
            })
          }
        >
          {busy ? t('common.working') : t(disposed ? 'disposal.download' : 'disposal.downloadTrail')}
        </button>
      </div>
      <DownloadNote outcome={outcome} testId="disposal-document-note" />
    </section>
  );
}
