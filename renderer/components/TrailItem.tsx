/** One trail event: what happened, when, who (name, role, administration), where, and the event's specifics. */
import { EWASTE_REASONS, type TrailEvent } from '../../shared/schemas';
import { useI18n, type TFunction } from '../i18n';
import { conditionKey, eventKey, ewasteReasonKey, methodKey, roleKey } from '../labels';
import { memberOf } from '../member-of';
import { useReference, type Reference } from '../reference-context';

function specifics(e: TrailEvent, t: TFunction, ref: Reference, dateTime: (iso: string) => string): string[] {
  const dept = (id: string) => ref.departmentLabel(id);
  switch (e.type) {
    case 'reported':
      return [t('trail.department', { department: dept(e.departmentId) }), ...(e.note ? [t('trail.note', { note: e.note })] : [])];
    case 'checked_in':
      return [t('trail.condition', { condition: t(conditionKey(e.condition)) })];
    case 'sanitized':
      return [t('trail.method', { method: t(methodKey(e.method)) }), e.verified ? t('trail.verified') : t('trail.notVerified')];
    case 'unlisted':
      return e.reason ? [t('trail.reason', { reason: e.reason })] : [];
    case 'reserved':
      return [t('trail.reservedUntil', { department: dept(e.departmentId), date: dateTime(e.expiresAt) })];
    case 'reservation_cancelled':
    case 'reservation_expired':
      return [t('trail.department', { department: dept(e.departmentId) })];
    case 'handed_over':
      return [
        t('trail.handedOver', { from: dept(e.fromDepartmentId), to: dept(e.toDepartmentId) }),
        e.replacesNewPurchase ? t('trail.replacesYes') : t('trail.replacesNo'),
        ...(e.pickedUpBy ? [t('trail.pickedUpBy', { name: e.pickedUpBy })] : []),
      ];
    case 'tag_linked':
      return [t('trail.tagLinked', { from: e.fromTag, to: e.toTag })];
    case 'moved':
      return [
        t('trail.fromLocation', { location: e.fromLocationName ?? ref.locationName(e.fromLocationId) }),
        ...(e.undo ? [t('trail.moveUndone')] : []),
      ];
    case 'routed_to_ewaste': {
      // Older trails hold the reason as free text; newer ones one of EWASTE_REASONS.
      const known = memberOf(EWASTE_REASONS, e.reason);
      return [t('trail.reason', { reason: known ? t(ewasteReasonKey(known)) : e.reason }), ...(e.note ? [t('trail.note', { note: e.note })] : [])];
    }
    case 'added_to_batch':
    case 'removed_from_batch':
      return [t('trail.batch', { batch: e.batchNumber })];
    case 'collected':
      return [
        t('trail.batch', { batch: e.batchNumber }),
        t('trail.recycler', { recycler: e.recyclerName, cvr: e.recyclerCvr }),
        t('trail.waybill', { waybill: e.waybill }),
      ];
    case 'certified':
      return [
        t('trail.batch', { batch: e.batchNumber }),
        t('trail.certificate', { certificate: e.certificateNo }),
        t('trail.recycler', { recycler: e.recyclerName, cvr: e.recyclerCvr }),
      ];
    case 'recycled':
    case 'destroyed':
      return [t('trail.certificate', { certificate: e.certificateNo })];
    case 'weee_category_set':
      return [t('trail.weee', { from: String(e.from), to: e.to === null ? t('trail.weeeDefault') : String(e.to) })];
    case 'note_added':
      return [t('trail.note', { note: e.note })];
    case 'listed':
      return [];
  }
}

export function TrailItem({ event }: { event: TrailEvent }) {
  const { t, dateTime } = useI18n();
  const ref = useReference();
  const a = event.actor;
  const code = a.departmentCode ?? (a.departmentId ? ref.departmentCode(a.departmentId) : undefined);
  const details = specifics(event, t, ref, (iso) => dateTime(iso));
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
