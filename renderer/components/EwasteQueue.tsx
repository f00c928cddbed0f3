/**
 * The routing queue: devices routed to e-waste that wait to be packed in a batch, newest first, with their
 * WEEE category and weight (what the warehouse sorts pallets by). The count links to the same devices in
 * Alle enheder, so the figure can be followed to every device behind it.
 */
import { weeeOf } from '../../shared/categories';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { categoryKey, weeeKey, weightText } from '../labels';
import { devicePath, href } from '../router';
import { useAsync } from '../use-async';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { TableHead } from './TableHead';

const SHOWN = 200;

export function EwasteQueue({ reloadKey }: { reloadKey: number }) {
  const { t, tPlural, number, dateTime } = useI18n();
  const queue = useAsync(() => client.call('devices.search', { status: 'ewaste_queued', sort: 'updated_desc', limit: SHOWN }), [reloadKey]);
  const items = queue.data?.items ?? [];
  return (
    <section aria-labelledby="ewaste-queue-title">
      <h2 id="ewaste-queue-title">{t('ewaste.queueTitle')}</h2>
      {queue.loading && !queue.data && <Loading />}
      {queue.error !== undefined && <LoadError error={queue.error} onRetry={queue.reload} />}
      {queue.data && (
        <p className="muted" data-testid="ewaste-queue-total">
          <a href={href('/devices', { status: 'ewaste_queued' })}>{tPlural('ewaste.queueTotal', queue.data.total)}</a>
        </p>
      )}
      {queue.data && items.length === 0 && <EmptyState>{t('ewaste.queueEmpty')}</EmptyState>}
      {items.length > 0 && (
        <table className="data-table" data-testid="ewaste-queue">
          <TableHead columns={['col.assetTag', 'col.device', 'col.category', 'ewaste.weee', 'ewaste.weight', 'device.updatedAt']} />
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-tag={d.assetTag}>
                <td className="mono">
                  <a href={href(devicePath(d.id))}>{d.assetTag}</a>
                </td>
                <td>
                  {d.manufacturer} {d.model}
                </td>
                <td>{t(categoryKey(d.category))}</td>
                <td>{t(weeeKey(weeeOf(d)))}</td>
                <td className="num">{weightText(d, t, number, 1)}</td>
                <td>{dateTime(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
