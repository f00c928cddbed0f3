/** The devices packed in a batch, a page at a time; each row opens the device page. */
import { useState } from 'react';
import { client } from '../api/instance';
import { useT } from '../i18n';
import { useAsync } from '../use-async';
import { DeviceTable } from './DeviceTable';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { Pager } from './Pager';

const PAGE_SIZE = 50;

/** `refreshKey` changes when the batch changed (scans, collection, certificates): the page loads again. */
export function BatchDevices({ batchId, refreshKey }: { batchId: string; refreshKey: unknown }) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const result = useAsync(() => client.call('devices.search', { batchId, sort: 'model_asc', limit: PAGE_SIZE, offset }), [batchId, offset, refreshKey]);
  return (
    <section className="card" aria-labelledby="batch-devices-title" data-testid="batch-devices">
      <h2 id="batch-devices-title">{t('batch.devicesTitle')}</h2>
      {result.loading && !result.data && <Loading />}
      {result.error !== undefined && <LoadError error={result.error} onRetry={result.reload} />}
      {result.data && result.data.items.length === 0 && <EmptyState>{t('batch.devicesEmpty')}</EmptyState>}
      {result.data && result.data.items.length > 0 && (
        <>
          <DeviceTable devices={result.data.items} showStatus />
          <Pager offset={offset} limit={PAGE_SIZE} total={result.data.total} onChange={setOffset} />
        </>
      )}
    </section>
  );
}
