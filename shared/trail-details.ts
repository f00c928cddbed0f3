/**
 * The specifics of one trail event as lines of text ("Stand: B", "Genanvender: … (CVR …)"): the device page
 * and the disposal certificate (PDF) print the same lines, in the reader's language.
 */
import type { MessageKey } from './i18n';
import { EWASTE_REASONS, type TrailEvent } from './schemas';

export type TrailText = (key: MessageKey, params?: Record<string, string | number>) => string;

/** How the reader's side names administrations and places. */
export interface TrailNames {
  departmentLabel(id: string): string;
  locationName(id: string): string;
}

export function trailDetails(e: TrailEvent, t: TrailText, names: TrailNames, dateTime: (iso: string) => string): string[] {
  const dept = (id: string) => names.departmentLabel(id);
  switch (e.type) {
    case 'reported':
      return [t('trail.department', { department: dept(e.departmentId) }), ...(e.note ? [t('trail.note', { note: e.note })] : [])];
    case 'checked_in':
      return [t('trail.condition', { condition: t(`condition.${e.condition}`) })];
    case 'sanitized':
      return [t('trail.method', { method: t(`method.${e.method}`) }), e.verified ? t('trail.verified') : t('trail.notVerified')];
    case 'unlisted':
      return e.reason ? [t('trail.reason', { reason: e.reason })] : [];
    case 'reserved':
      return [t('trail.reservedUntil', { department: dept(e.departmentId), date: dateTime(e.expiresAt) })];
    case 'reservation_cancelled':
    case 'reservation_expired':
    case 'approval_expired':
      return [t('trail.department', { department: dept(e.departmentId) })];
    case 'reservation_requested':
      return [t('trail.approvalDue', { department: dept(e.departmentId), date: dateTime(e.approvalDueAt) })];
    case 'reservation_approved':
      return [t('trail.reservedUntil', { department: dept(e.departmentId), date: dateTime(e.expiresAt) })];
    case 'reservation_rejected':
      return [t('trail.department', { department: dept(e.departmentId) }), t('trail.reason', { reason: e.reason })];
    case 'handed_over':
      return [
        t('trail.handedOver', { from: dept(e.fromDepartmentId), to: dept(e.toDepartmentId) }),
        e.replacesNewPurchase ? t('trail.replacesYes') : t('trail.replacesNo'),
        ...(e.pickedUpBy ? [t('trail.pickedUpBy', { name: e.pickedUpBy })] : []),
        ...(e.unitName ? [t('trail.receivingUnit', { unit: e.unitName })] : []),
        ...(e.signature === undefined
          ? []
          : [e.signature === 'paper' ? t('trail.signedOnPaper') : t('trail.signedOnScreen', { sha: e.signature.slice(0, 12) })]),
      ];
    case 'tag_linked':
      return [t('trail.tagLinked', { from: e.fromTag, to: e.toTag })];
    case 'moved':
      return [
        t('trail.fromLocation', { location: e.fromLocationName ?? names.locationName(e.fromLocationId) }),
        ...(e.undo ? [t('trail.moveUndone')] : []),
      ];
    case 'routed_to_ewaste': {
      // Older trails hold the reason as free text; newer ones one of EWASTE_REASONS.
      const known = EWASTE_REASONS.find((r) => r === e.reason);
      return [t('trail.reason', { reason: known ? t(`ewasteReason.${known}`) : e.reason }), ...(e.note ? [t('trail.note', { note: e.note })] : [])];
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
    case 'photo_added':
      return [t('trail.photoFile', { fileName: e.fileName })];
    case 'imported':
      return [
        t('trail.importFile', { fileName: e.fileName, row: e.row, sha: e.fileSha256.slice(0, 12) }),
        ...(e.departmentId ? [t('trail.department', { department: dept(e.departmentId) })] : []),
        ...(e.purchaseDate ? [t('trail.purchaseDate', { day: e.purchaseDate })] : []),
        ...(e.changes?.length ? [t('trail.importChanges', { fields: e.changes.join(', ') })] : []),
      ];
    case 'photo_removed':
    case 'listed':
      return [];
  }
}
