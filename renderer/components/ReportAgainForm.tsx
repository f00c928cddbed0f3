/**
 * "Anmeld overskud igen" on a reused device's page (devices.reportAgain): a confirmation with the site where the
 * warehouse collects it, since this starts a new cycle — the old wipe and grade no longer count.
 */
import { useMemo } from 'react';
import type { Device } from '../../shared/schemas';
import type { FormFields } from '../form-model';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';

const REPORT_AGAIN_FIELDS = {
  locationId: { label: 'report.location' },
  notes: { label: 'report.notes' },
} as const satisfies FormFields<'devices.reportAgain'>;

interface Props {
  device: Device;
  /** Gets the device as it is now: reported, at the chosen site. */
  onDone(device: Device): void;
  onCancel(): void;
}

export function ReportAgainForm({ device, onDone, onCancel }: Props) {
  const t = useT();
  const ref = useReference();
  // The device goes back to its owner's sites; that is where the warehouse picks it up.
  const sites = useMemo(
    () => ref.locations.filter((l) => l.kind === 'site' && l.departmentId === device.departmentId),
    [ref.locations, device.departmentId],
  );
  const form = useContractForm('devices.reportAgain', {
    idPrefix: 'report-again',
    fields: REPORT_AGAIN_FIELDS,
    initial: { locationId: sites.length === 1 ? (sites[0]?.id ?? '') : '' },
    extra: () => ({ deviceId: device.id }),
  });

  return (
    <form className="form subform" onSubmit={(e) => void form.onSubmit(onDone)(e)} noValidate aria-labelledby="report-again-title">
      <h3 id="report-again-title">{t('action.reportAgain')}</h3>
      <p>{t('reportAgain.confirm', { tag: device.assetTag })}</p>
      {form.summary && <ErrorSummary {...form.summary} />}
      <div className="form-grid">
        <Field {...form.field('locationId')}>
          <select {...form.control('locationId')}>
            <option value="">{t('report.chooseLocation')}</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <Field {...form.field('notes')}>
          <textarea {...form.control('notes')} rows={2} />
        </Field>
      </div>
      <SubmitCancel busy={form.busy} label={t('reportAgain.submit')} busyLabel={t('common.working')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
    </form>
  );
}
