/** One trail event: what happened, when, who (name, role, administration), where, and the event's specifics. */
import type { TrailEvent } from '../../shared/schemas';
import { trailDetails } from '../../shared/trail-details';
import { useI18n } from '../i18n';
import { eventKey, roleKey } from '../labels';
import { useReference } from '../reference-context';

export function TrailItem({ event }: { event: TrailEvent }) {
  const { t, dateTime } = useI18n();
  const ref = useReference();
  const a = event.actor;
  const code = a.departmentCode ?? (a.departmentId ? ref.departmentCode(a.departmentId) : undefined);
  const details = trailDetails(event, t, ref, (iso) => dateTime(iso));
  return (
    <li className={`trail-item trail-${event.type}`} data-testid="trail-event" data-event-type={event.type} data-seq={event.seq}>
      <span className="trail-dot" aria-hidden="true" />
      <div className="trail-head">
        <span className="trail-seq">{t('trail.seq', { seq: event.seq })}</span>
        <h3 className="trail-title">{t(eventKey(event.type))}</h3>
        <time className="trail-time" dateTime={event.at}>
          {dateTime(event.at)}
        </time>
      </div>
      <p className="trail-meta">
        <span className="visually-hidden">{t('trail.actor')}: </span>
        <span className="trail-actor">{a.name}</span> · {t(roleKey(a.role))}
        {code ? ` · ${code}` : ''}
        <span aria-hidden="true"> — </span>
        <span className="visually-hidden">{t('trail.location')}: </span>
        <span className="trail-location">{event.locationName || ref.locationName(event.locationId)}</span>
      </p>
      {details.length > 0 && (
        <ul className="trail-details">
          {details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </li>
  );
}
