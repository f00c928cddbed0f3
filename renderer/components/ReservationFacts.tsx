/** The device's holding reservation: for which administration, by whom, its status, until when (or until when it must be approved). */
import type { Reservation } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { reservationStatusKey, roleKey } from '../labels';
import { useReference } from '../reference-context';

export function ReservationFacts({ reservation }: { reservation: Reservation }) {
  const { t, dateTime } = useI18n();
  const ref = useReference();
  const by = reservation.reservedBy;
  return (
    <section className="card card-accent" aria-labelledby="reservation-title" data-testid="reservation">
      <h2 id="reservation-title">{t('reservation.title')}</h2>
      <dl className="facts">
        <dt>{t('reservation.department')}</dt>
        <dd data-testid="reservation-department">{ref.departmentLabel(reservation.departmentId)}</dd>
        <dt>{t('reservation.by')}</dt>
        <dd>
          {by.name} · {t(roleKey(by.role))}
          {by.departmentCode ? ` · ${by.departmentCode}` : ''}
        </dd>
        <dt>{t('reservation.createdAt')}</dt>
        <dd>{dateTime(reservation.createdAt)}</dd>
        <dt>{t('reservation.status')}</dt>
        <dd data-testid="reservation-status" data-status={reservation.status}>
          {t(reservationStatusKey(reservation.status))}
        </dd>
        <dt>{t(reservation.status === 'pending' ? 'reservation.approvalDueAt' : 'reservation.expiresAt')}</dt>
        <dd data-testid="reservation-expires">{dateTime(reservation.expiresAt)}</dd>
      </dl>
    </section>
  );
}
