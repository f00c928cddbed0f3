/**
 * Udlevér's work list: active reservations waiting for pick-up, oldest first, with the administration and
 * the site each device goes to, and when the reservation runs out.
 */
import { useMemo } from 'react';
import { client } from '../api/instance';
import { useI18n } from '../i18n';
import { useReference } from '../reference-context';
import { href, devicePath } from '../router';
import { useAsync } from '../use-async';
import { EmptyState } from './EmptyState';
import { LoadError } from './LoadError';
import { Loading } from './Loading';
import { TableHead } from './TableHead';

export function WaitingReservations({ refreshKey }: { refreshKey: number }) {
  const { t, dateTime } = useI18n();
  const ref = useReference();
  const list = useAsync(() => client.call('reservations.search', { status: 'active', limit: 500 }), [refreshKey]);
  // The store answers newest first; the person at the counter needs the oldest (closest to expiry) first.
  const items = useMemo(
    () => [...(list.data?.items ?? [])].sort((a, b) => a.reservation.createdAt.localeCompare(b.reservation.createdAt)),
    [list.data],
  );
  return (
    <section className="waiting-list" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('handOver.waitingTitle')}</h2>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <EmptyState>{t('handOver.waitingEmpty')}</EmptyState>}
      {items.length > 0 && (
        <table className="data-table" data-testid="waiting-reservations">
          <TableHead columns={['col.assetTag', 'col.device', 'col.owner', 'handOver.deliverTo', 'col.created', 'col.expires']} />
          <tbody>
            {items.map(({ reservation, device }) => (
              <tr key={reservation.id}>
                <td className="mono">
                  <a href={href(devicePath(device.id))}>{device.assetTag}</a>
                </td>
                <td>
                  {device.manufacturer} {device.model}
                </td>
                <td>{ref.departmentLabel(reservation.departmentId)}</td>
                <td>{reservation.locationId ? ref.locationName(reservation.locationId) : t('common.none')}</td>
                <td>{dateTime(reservation.createdAt)}</td>
                <td>{dateTime(reservation.expiresAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
