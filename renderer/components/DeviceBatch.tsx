/**
 * The disposal batch a device was packed in, on its page: the batch number (a link to the batch page), the
 * batch's status, the recycler that collected it and the certificate that covered this device. For the roles
 * that may read batches (batches.get); others see the batch in the trail.
 */
import { certificateOf } from '../../shared/certificates';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { mayCall } from '../may-call';
import { batchPath, href } from '../router';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

function BatchFacts({ batchId, deviceId }: { batchId: string; deviceId: string }) {
  const { t, day } = useI18n();
  const { data, error, loading, reload } = useAsync(() => client.call('batches.get', { id: batchId }), [batchId]);
  if (!data) return loading ? <Loading /> : <LoadError error={error} onRetry={reload} />;
  const { batch } = data;
  const certificate = certificateOf(batch, deviceId);
  const c = batch.collection;
  return (
    <dl className="facts">
      <dt>{t('doc.batch')}</dt>
      <dd>
        <a href={href(batchPath(batch.id))} className="mono" data-testid="device-batch-link">
          {batch.number}
        </a>
      </dd>
      <dt>{t('deviceBatch.batchStatus')}</dt>
      <dd data-testid="device-batch-status">{t(`batchStatus.${batch.status}`)}</dd>
      {c && (
        <>
          <dt>{t('deviceBatch.recycler')}</dt>
          <dd>{t('doc.recyclerValue', { name: c.recyclerName, cvr: c.recyclerCvr })}</dd>
        </>
      )}
      <dt>{t('deviceBatch.certificate')}</dt>
      <dd data-testid="device-batch-certificate">
        {certificate
          ? t('disposal.certificateValue', { kind: t(`certificateKind.${certificate.kind}`), number: certificate.number, date: day(certificate.issueDate) })
          : t('deviceBatch.noCertificate')}
      </dd>
    </dl>
  );
}

export function DeviceBatch({ batchId, deviceId }: { batchId: string; deviceId: string }) {
  const { t } = useI18n();
  const user = useUser();
  if (!mayCall(user.role, 'batches.get')) return null;
  return (
    <section className="card" aria-labelledby="device-batch-title" data-testid="device-batch">
      <h2 id="device-batch-title">{t('deviceBatch.title')}</h2>
      <BatchFacts batchId={batchId} deviceId={deviceId} />
    </section>
  );
}
