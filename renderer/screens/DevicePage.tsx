/**
 * One device: facts, sanitization record, reservation, its disposal batch and certificate, its QR label, its
 * disposal certificate (or trail report) as a PDF, the actions this person may start, and the trail.
 */
import { client } from '../api/instance';
import { DeviceActions } from '../components/DeviceActions';
import { DeviceBatch } from '../components/DeviceBatch';
import { DeviceFacts } from '../components/DeviceFacts';
import { DevicePhotos } from '../components/DevicePhotos';
import { DisposalDocument } from '../components/DisposalDocument';
import { HandOverReceipt } from '../components/HandOverReceipt';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { PrintLabels } from '../components/PrintLabels';
import { ReservationFacts } from '../components/ReservationFacts';
import { SanitizationFacts } from '../components/SanitizationFacts';
import { StatusBadge } from '../components/StatusBadge';
import { Trail } from '../components/Trail';
import { useT } from '../i18n';
import { categoryKey } from '../labels';
import { useAsync } from '../use-async';

export function DevicePage({ id }: { id: string }) {
  const t = useT();
  const { data, error, loading, reload } = useAsync(() => client.call('devices.get', { id }), [id]);

  const back = (
    <button type="button" className="link-button back-link" onClick={() => window.history.back()}>
      ← {t('device.back')}
    </button>
  );
  if (!data) {
    return (
      <>
        {back}
        {loading ? <Loading /> : <LoadError error={error} onRetry={reload} />}
      </>
    );
  }

  const { device } = data;
  return (
    <article className="device-page" aria-busy={loading}>
      {back}
      <header className="device-header">
        <div>
          <p className="eyebrow">
            {t('device.title')} · {t(categoryKey(device.category))}
          </p>
          <h1>
            {device.manufacturer} {device.model}
          </h1>
          <p className="device-tag mono" data-testid="device-asset-tag">
            {device.assetTag}
          </p>
        </div>
        <StatusBadge status={device.status} testId="device-status" />
      </header>
      {error !== undefined && !loading && <LoadError error={error} onRetry={reload} />}
      <DeviceActions detail={data} onChanged={reload} />
      <div className="device-columns">
        <div className="stack">
          <DeviceFacts device={device} onChanged={reload} />
          <DevicePhotos device={device} onChanged={reload} />
        </div>
        <div className="stack">
          {data.reservation && <ReservationFacts reservation={data.reservation} />}
          {(device.dataBearing || data.sanitization) && <SanitizationFacts record={data.sanitization} dataBearing={device.dataBearing} />}
          {/* Keyed by the device's version, so the batch is fetched again after the device changed (a certificate covered it). */}
          {device.batchId && <DeviceBatch key={device.updatedAt} batchId={device.batchId} deviceId={device.id} />}
          <DisposalDocument device={device} />
          {data.trail.some((e) => e.type === 'handed_over') && (
            <HandOverReceipt id="device-receipt" deviceId={device.id} label={t('receipt.download')} hint={t('receipt.downloadHint')} />
          )}
          <section className="card" aria-labelledby="device-label-title" data-testid="device-label">
            <h2 id="device-label-title">{t('labels.deviceTitle')}</h2>
            <PrintLabels
              idPrefix="device-label"
              deviceIds={[device.id]}
              tags={[device.assetTag]}
              submitLabel={t('labels.printOne')}
              labelledBy="device-label-title"
            />
          </section>
        </div>
      </div>
      <Trail events={data.trail} />
    </article>
  );
}
