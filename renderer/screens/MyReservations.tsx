/**
 * Mine reservationer: the reservations of the person's administration (an admin chooses any administration),
 * with cancel for those that hold a device. An approver (or an admin) also gets "Til godkendelse": the
 * administration's reservations waiting for approval, each with Godkend and Afvis (with a reason).
 */
import { useState } from 'react';
import { decide } from '../../shared/lifecycle';
import { holdsDevice, type Device, type Reservation } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { ApprovalSettings } from '../components/ApprovalSettings';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { LoadError } from '../components/LoadError';
import { RejectReservationForm } from '../components/RejectReservationForm';
import { RowAction } from '../components/RowAction';
import { TableHead } from '../components/TableHead';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { reservationStatusKey } from '../labels';
import { mayCall } from '../may-call';
import { useReference } from '../reference-context';
import { devicePath, href } from '../router';
import { useUser } from '../session-context';
import { useAsync } from '../use-async';

type Item = { reservation: Reservation; device: Device };

export function MyReservations() {
  const { t, dateTime, locale } = useI18n();
  const user = useUser();
  const ref = useReference();
  // Department contacts stay with their own administration (reservations.search refuses another's).
  const isAdmin = user.role === 'admin';
  const [departmentId, setDepartmentId] = useState(user.departmentId);
  const list = useAsync(() => client.call('reservations.search', { departmentId }), [departmentId]);
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | undefined>();
  const [rejecting, setRejecting] = useState<string | undefined>();

  async function act(reservationId: string, call: () => Promise<unknown>, message: string) {
    setBusy(reservationId);
    setError(undefined);
    setDone(undefined);
    try {
      await call();
      setDone(message);
    } catch (e) {
      setError(e ?? new Error('unknown'));
    } finally {
      setBusy(undefined);
      list.reload();
    }
  }

  const cancel = (r: Reservation, tag: string) =>
    act(r.id, () => client.call('reservations.cancel', { reservationId: r.id }), t('reservations.cancelled', { tag }));
  const approve = (r: Reservation, tag: string) =>
    act(r.id, () => client.call('reservations.approve', { reservationId: r.id }), t('reservations.approved', { tag }));
  const rejected = (tag: string) => {
    setRejecting(undefined);
    setError(undefined);
    setDone(t('reservations.rejected', { tag }));
    list.reload();
  };

  // The lifecycle table says who may approve: an approver of the reserving administration, or an admin.
  const mayDecide = ({ reservation: r, device: d }: Item) =>
    r.status === 'pending' &&
    decide('approveReservation', {
      device: d,
      actorRole: user.role,
      actorDepartmentId: user.departmentId,
      actorIsApprover: user.approver,
      reservationDepartmentId: r.departmentId,
    }).ok;
  const items = list.data
    ? [...list.data.items].sort((a, b) =>
        holdsDevice(a.reservation.status) === holdsDevice(b.reservation.status)
          ? b.reservation.createdAt.localeCompare(a.reservation.createdAt)
          : holdsDevice(a.reservation.status)
            ? -1
            : 1,
      )
    : [];
  const toApprove = items.filter(mayDecide);
  const approves = isAdmin || user.approver === true;

  return (
    <>
      <h1>{t('reservations.title')}</h1>
      <p className="lead">{t('reservations.intro', { department: ref.departmentLabel(departmentId) })}</p>
      {isAdmin && (
        <div className="field">
          <label htmlFor="reservations-department">{t('reservations.department')}</label>
          <select
            id="reservations-department"
            value={departmentId}
            onChange={(e) => {
              setDepartmentId(e.target.value);
              setDone(undefined);
              setError(undefined);
            }}
          >
            {ref.departments.map((d) => (
              <option key={d.id} value={d.id}>
                {ref.departmentLabel(d.id)}
              </option>
            ))}
          </select>
        </div>
      )}
      {error !== undefined && (
        <Banner kind="error" takeFocus>
          {errorText(error, t('common.unexpectedError'), locale)}
        </Banner>
      )}
      {done && (
        // why: keyed by its text, so a second result in a row is a new banner that takes the focus again
        <Banner key={done} kind="success" testId="reservations-done" takeFocus>
          {done}
        </Banner>
      )}
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {approves && list.data && (
        <section aria-labelledby="to-approve-title" data-testid="to-approve">
          <h2 id="to-approve-title">{t('reservations.toApprove')}</h2>
          <p className="muted">{t('reservations.toApproveIntro', { days: ref.settings.reservationDays })}</p>
          {toApprove.length === 0 ? (
            <EmptyState>{t('reservations.toApproveEmpty')}</EmptyState>
          ) : (
            <ul className="stack">
              {toApprove.map(({ reservation: r, device: d }) => (
                <li key={r.id} className="card" data-testid="approval-row" data-asset-tag={d.assetTag}>
                  <p>
                    <DeviceName device={d} />
                  </p>
                  <p className="muted">
                    {t('reservations.requestedBy', { name: r.reservedBy.name })} · {t('reservations.approvalDue', { date: dateTime(r.expiresAt) })}
                  </p>
                  <div className="button-row">
                    <button
                      type="button"
                      className="button button-primary button-small"
                      disabled={busy !== undefined}
                      aria-label={t('reservations.approveFor', { tag: d.assetTag })}
                      onClick={() => void approve(r, d.assetTag)}
                    >
                      {busy === r.id ? t('common.working') : t('reservations.approve')}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      aria-expanded={rejecting === r.id}
                      aria-label={t('reservations.rejectFor', { tag: d.assetTag })}
                      onClick={() => setRejecting((x) => (x === r.id ? undefined : r.id))}
                    >
                      {t('reservations.reject')}
                    </button>
                  </div>
                  {rejecting === r.id && (
                    <RejectReservationForm reservation={r} assetTag={d.assetTag} onDone={() => rejected(d.assetTag)} onCancel={() => setRejecting(undefined)} />
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {list.data && items.length === 0 && <EmptyState>{t('reservations.empty')}</EmptyState>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="data-table" data-testid="reservations">
            <TableHead columns={['col.device', 'col.status', 'col.created', 'col.expires', { key: 'col.actions', hidden: true }]} />
            <tbody>
              {items.map(({ reservation: r, device: d }) => (
                <tr key={r.id} data-testid="reservation-row" data-asset-tag={d.assetTag}>
                  <td>
                    <DeviceName device={d} />
                  </td>
                  <td>
                    <span className={`badge badge-res-${r.status}`} data-status={r.status}>
                      {t(reservationStatusKey(r.status))}
                    </span>
                    {r.status === 'pending' && (
                      <span className="hint" data-testid="pending-note">
                        {' '}
                        {t('reservations.approvalDue', { date: dateTime(r.expiresAt) })}
                      </span>
                    )}
                  </td>
                  <td>{dateTime(r.createdAt)}</td>
                  <td>{dateTime(r.expiresAt)}</td>
                  <td className="cell-actions">
                    {holdsDevice(r.status) && (
                      <RowAction
                        label={t('reservations.cancel')}
                        ariaLabel={t('reservations.cancelFor', { tag: d.assetTag })}
                        busy={busy === r.id}
                        disabled={busy !== undefined}
                        onClick={() => void cancel(r, d.assetTag)}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayCall(user.role, 'departments.setApproval') && <ApprovalSettings departmentId={departmentId} />}
    </>
  );
}

/** The device's asset tag (a link to its page) and its make and model. */
function DeviceName({ device: d }: { device: Device }) {
  return (
    <>
      <a href={href(devicePath(d.id))} className="mono">
        {d.assetTag}
      </a>{' '}
      <span className="device-model-inline">
        {d.manufacturer} {d.model}
      </span>
    </>
  );
}
