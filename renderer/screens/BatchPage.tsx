/**
 * One disposal batch, with the step its status calls for: scanning devices in and sealing it while open,
 * collection while sealed, the recycler's certificates while collected, and the reconciliation of every
 * certificate registered. The write steps are shown only to roles that may call their procedures; the
 * sustainability team reads the batch. After a step on this page the focus goes to the next one.
 */
import { useCallback, useState } from 'react';
import type { BatchDetail } from '../../shared/contract';
import { client } from '../api/instance';
import { Banner } from '../components/Banner';
import { BatchCollectForm } from '../components/BatchCollectForm';
import { BatchDeviceList } from '../components/BatchDeviceList';
import { BatchDevices } from '../components/BatchDevices';
import { BatchFacts } from '../components/BatchFacts';
import { BatchScanStation } from '../components/BatchScanStation';
import { BatchSealForm } from '../components/BatchSealForm';
import { BatchStatusBadge } from '../components/BatchStatusBadge';
import { BatchWeeeTable } from '../components/BatchWeeeTable';
import { BatchDocuments } from '../components/BatchDocuments';
import { CertificateForm, type Registered } from '../components/CertificateForm';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { Reconciliation } from '../components/Reconciliation';
import type { MessageKey } from '../../shared/i18n';
import { useI18n, type TParams } from '../i18n';
import { containerKey } from '../labels';
import { href } from '../router';
import { mayCall, pathOf } from '../screens';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';

export function BatchPage({ id }: { id: string }) {
  const { t } = useI18n();
  const user = useUser();
  const { data, error, loading, reload } = useAsync(() => client.call('batches.get', { id }), [id]);
  /** What the last step on this page did (kept as a message, so it follows a change of language); the focus then goes to the next step. */
  const [done, setDone] = useState<{ key: MessageKey; params: TParams } | undefined>();
  // The devices' table loads again whenever the batch has changed.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => {
    setVersion((v) => v + 1);
    reload();
  }, [reload]);
  const after = (key: MessageKey, params: TParams) => {
    setDone({ key, params });
    changed();
  };

  const back = (
    <a className="back-link" href={href(pathOf('batches'))}>
      ← {t('batch.backToList')}
    </a>
  );
  if (!data) {
    return (
      <>
        {back}
        {loading ? <Loading /> : <LoadError error={error} onRetry={reload} />}
      </>
    );
  }

  const detail: BatchDetail = data;
  const { batch } = detail;
  const may = (p: Parameters<typeof mayCall>[1]) => mayCall(user.role, p);
  const registered = (r: Registered) => {
    after(r.alreadyRegistered ? 'batch.certificateAlready' : 'batch.certificateRegistered', { number: r.certificate.number });
  };

  return (
    <article className="batch-page" aria-busy={loading}>
      {back}
      <header className="device-header">
        <div>
          <p className="eyebrow">
            {t('batch.title')} · {t(containerKey(batch.containerType))}
          </p>
          <h1 className="mono" data-testid="batch-number">
            {batch.number}
          </h1>
        </div>
        <BatchStatusBadge status={batch.status} testId="batch-status" />
      </header>
      {error !== undefined && !loading && <LoadError error={error} onRetry={reload} />}
      {done && (
        <Banner kind="success" testId="batch-done">
          {t(done.key, done.params)}
        </Banner>
      )}

      {batch.status === 'open' && may('batches.addDevice') && <BatchScanStation batch={batch} onSettled={changed} />}

      {detail.unwiped.length > 0 && (
        <section className="card batch-flag" aria-labelledby="batch-unwiped-title">
          <h2 id="batch-unwiped-title">{t('batch.unwipedTitle')}</h2>
          <p className="hint">{t('batch.unwipedIntro')}</p>
          <BatchDeviceList devices={detail.unwiped} testId="batch-unwiped" />
        </section>
      )}

      {detail.missing.length > 0 && batch.certificates.length > 0 && (
        <section className="card batch-flag" aria-labelledby="batch-missing-title">
          <h2 id="batch-missing-title">{t('batch.missingTitle')}</h2>
          <p className="hint">{t('batch.missingIntro')}</p>
          <BatchDeviceList devices={detail.missing} testId="batch-missing" />
        </section>
      )}
      {batch.status === 'closed' && <Banner kind="info">{t('batch.closedNote')}</Banner>}

      {batch.status === 'open' && may('batches.seal') && detail.batch.deviceCount > 0 && (
        <BatchSealForm detail={detail} onSealed={() => after('batch.sealed', { batch: batch.number })} />
      )}
      {batch.status === 'sealed' && may('batches.collect') && (
        <BatchCollectForm batchId={batch.id} focus={done !== undefined} onCollected={(d) => after('batch.collected', { batch: batch.number, recycler: d.batch.collection?.recyclerName ?? '' })} />
      )}
      {batch.status === 'collected' && may('batches.registerCertificate') && (
        <CertificateForm batchId={batch.id} certifiedDestruction={batch.certifiedDestruction} focus={done !== undefined} onRegistered={registered} />
      )}

      {batch.certificates.length > 0 && (
        <section className="card" aria-labelledby="batch-certificates-title" data-testid="batch-certificates">
          <h2 id="batch-certificates-title">{t('batch.certificatesTitle')}</h2>
          {batch.certificates.map((c) => (
            <Reconciliation key={c.number} batchId={batch.id} certificate={c} />
          ))}
        </section>
      )}

      <div className="device-columns">
        <BatchWeeeTable weee={detail.weee} />
        <BatchFacts batch={batch} />
      </div>
      <BatchDocuments batchId={batch.id} />
      <BatchDevices batchId={batch.id} refreshKey={version} />
    </article>
  );
}
