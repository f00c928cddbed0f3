/**
 * One registered certificate and what its serials reconciled to: matched (in the batch and on the certificate),
 * missing (in the batch, not on it), unexpected (on it, not in the batch), and when there are any, serials it
 * lists twice and devices an earlier certificate already covered. Its PDF can be downloaded.
 */
import { useId, useState, type ReactNode } from 'react';
import type { Certificate } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { base64ToBytes, saveFile } from '../download';
import { useI18n } from '../i18n';
import { certificateKindKey } from '../labels';
import { devicePath, href } from '../router';
import { Banner } from './Banner';

type Part = 'matched' | 'missing' | 'unexpected' | 'duplicates' | 'alreadyCovered';
const TITLE = {
  matched: 'recon.matched',
  missing: 'recon.missing',
  unexpected: 'recon.unexpected',
  duplicates: 'recon.duplicates',
  alreadyCovered: 'recon.alreadyCovered',
} as const;

export function Reconciliation({ batchId, certificate: c }: { batchId: string; certificate: Certificate }) {
  const { t, day, dateTime } = useI18n();
  const [downloadError, setDownloadError] = useState<string | undefined>();
  const titleId = useId();

  async function download() {
    setDownloadError(undefined);
    try {
      const { fileName, pdfBase64 } = await client.call('batches.attachment', { batchId, certificateNo: c.number });
      saveFile(base64ToBytes(pdfBase64), 'application/pdf', fileName);
    } catch (e) {
      setDownloadError(errorText(e, t('common.unexpectedError')));
    }
  }

  const devices = (list: Certificate['matched']) =>
    list.map((d) => (
      <li key={d.deviceId} data-tag={d.assetTag}>
        <a href={href(devicePath(d.deviceId))}>{t('recon.device', { tag: d.assetTag, serial: d.serial })}</a>
      </li>
    ));
  const serials = (list: string[]) => list.map((s, i) => <li key={`${i}-${s}`}>{s}</li>);
  const part = (name: Part, count: number, items: ReactNode) => (
    <div className={`recon-${name}`} data-testid={`reconciliation-${name}`} data-count={count}>
      <h4>
        <span className="count" data-testid={`reconciliation-${name}-count`}>
          {count}
        </span>
        {t(TITLE[name])}
      </h4>
      <ul>{items}</ul>
    </div>
  );

  return (
    <section className="certificate" data-testid="certificate" data-number={c.number} aria-labelledby={titleId}>
      <h3 id={titleId}>{t('batch.certificateHeading', { kind: t(certificateKindKey(c.kind)), number: c.number })}</h3>
      <p className="muted">{t('batch.certificateMeta', { date: day(c.issueDate), by: c.registeredBy.name, at: dateTime(c.registeredAt) })}</p>
      {c.attachment && (
        <button type="button" className="link-button" data-testid="certificate-pdf" onClick={() => void download()}>
          {t('batch.downloadPdf', { file: c.attachment.fileName })}
        </button>
      )}
      {downloadError && <Banner kind="error">{downloadError}</Banner>}
      <div className="reconciliation">
        {part('matched', c.matched.length, devices(c.matched))}
        {part('missing', c.missing.length, devices(c.missing))}
        {part('unexpected', c.unexpected.length, serials(c.unexpected))}
        {c.duplicates.length > 0 && part('duplicates', c.duplicates.length, serials(c.duplicates))}
        {c.alreadyCovered.length > 0 && part('alreadyCovered', c.alreadyCovered.length, serials(c.alreadyCovered))}
      </div>
    </section>
  );
}
