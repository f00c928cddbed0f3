/** The device's active reservation: for which administration, by whom, until when. */
import type { Reservation } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { roleKey } from '../labels';
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
        <dt>{t('reservation.expiresAt')}</dt>
        <dd data-testid="reservation-expires">{dateTime(reservation.expiresAt)}</dd>
      </dl>
    </section>
  );
}
