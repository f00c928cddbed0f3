/**
 * "Afvis" on a reservation waiting for approval (reservations.reject): the reason is required by the contract,
 * so the trail and the person who asked can read why.
 */
import type { Reservation } from '../../shared/schemas';
import type { FormFields } from '../form-model';
import { useT } from '../i18n';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';

const REJECT_FIELDS = {
  reason: { label: 'reservations.rejectReason' },
} as const satisfies FormFields<'reservations.reject'>;

interface Props {
  reservation: Reservation;
  assetTag: string;
  onDone(reservation: Reservation): void;
  onCancel(): void;
}

export function RejectReservationForm({ reservation, assetTag, onDone, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('reservations.reject', {
    idPrefix: `reject-${reservation.id}`,
    fields: REJECT_FIELDS,
    extra: () => ({ reservationId: reservation.id }),
  });
  const titleId = `reject-${reservation.id}-title`;
  return (
    <form className="form subform" onSubmit={(e) => void form.onSubmit(onDone)(e)} noValidate aria-labelledby={titleId}>
      <h3 id={titleId}>{t('reservations.rejectFor', { tag: assetTag })}</h3>
      {form.summary && <ErrorSummary {...form.summary} />}
      <Field {...form.field('reason')}>
        <textarea {...form.control('reason')} rows={2} />
      </Field>
      <SubmitCancel busy={form.busy} label={t('reservations.rejectConfirm')} busyLabel={t('common.working')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
    </form>
  );
}
