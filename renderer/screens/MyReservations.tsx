/** Mine reservationer: the reservations of the person's administration, with cancel for active ones. */
import { useState } from 'react';
import { client, errorText } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { RowAction } from '../components/RowAction';
import { TableHead } from '../components/TableHead';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { reservationStatusKey } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href } from '../router';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';

export function MyReservations() {
  const { t, dateTime } = useI18n();
  const user = useUser();
  const ref = useReference();
  const list = useAsync(() => client.call('reservations.search', { departmentId: user.departmentId }), [user.departmentId]);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();

  async function cancel(reservationId: string, tag: string) {
    setBusy(reservationId);
    setError(undefined);
    setDone(undefined);
    try {
      await client.call('reservations.cancel', { reservationId });
      setDone(t('reservations.cancelled', { tag }));
    } catch (e) {
      setError(errorText(e, t('common.unexpectedError')));
    } finally {
      setBusy(undefined);
      list.reload();
    }
  }

  const items = list.data
    ? [...list.data.items].sort((a, b) =>
        a.reservation.status === b.reservation.status
          ? b.reservation.createdAt.localeCompare(a.reservation.createdAt)
          : a.reservation.status === 'active'
            ? -1
            : b.reservation.status === 'active'
              ? 1
              : 0,
      )
    : [];

  return (
    <>
      <h1>{t('reservations.title')}</h1>
      <p className="lead">{t('reservations.intro', { department: ref.departmentLabel(user.departmentId) })}</p>
      {error && <Banner kind="error">{error}</Banner>}
      {done && <Banner kind="success">{done}</Banner>}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <EmptyState>{t('reservations.empty')}</EmptyState>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="reservations">
            <TableHead columns={['col.device', 'col.status', 'col.created', 'col.expires', { key: 'col.actions', hidden: true }]} />
            <tbody>
              {items.map(({ reservation: r, device: d }) => (
                <tr key={r.id} data-testid="reservation-row" data-asset-tag={d.assetTag}>
                  <td>
                    <a href={href(devicePath(d.id))} className="mono">
                      {d.assetTag}
                    </a>{' '}
                    <span className="device-model-inline">
                      {d.manufacturer} {d.model}
                    </span>
                  </td>
                  <td>
                    <span className={`badge badge-res-${r.status}`} data-status={r.status}>
                      {t(reservationStatusKey(r.status))}
                    </span>
                  </td>
                  <td>{dateTime(r.createdAt)}</td>
                  <td>{dateTime(r.expiresAt)}</td>
                  <td className="cell-actions">
                    {r.status === 'active' && (
                      <RowAction
                        label={t('reservations.cancel')}
                        ariaLabel={t('reservations.cancelFor', { tag: d.assetTag })}
                        busy={busy === r.id}
                        disabled={busy !== undefined}
                        onClick={() => void cancel(r.id, d.assetTag)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
