/**
 * "Tag af genbrugsbørsen" (devices.unpublish): the reason the procedure takes is asked for here, so the trail
 * says why a device left the marketplace. Whether it is required comes from the contract's input schema.
 */
import type { Device } from '../../shared/schemas';
import type { FormFields } from '../form-model';
import { useT } from '../i18n';
import { useContractForm } from '../use-contract-form';
import { ErrorSummary } from './ErrorSummary';
import { Field } from './Field';
import { SubmitCancel } from './SubmitCancel';

const UNPUBLISH_FIELDS = {
  reason: { label: 'unpublish.reason' },
} as const satisfies FormFields<'devices.unpublish'>;

interface Props {
  device: Device;
  onDone(device: Device): void;
  onCancel(): void;
}

export function UnpublishForm({ device, onDone, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('devices.unpublish', {
    idPrefix: 'unpublish',
    fields: UNPUBLISH_FIELDS,
    extra: () => ({ deviceId: device.id }),
  });

  return (
    <form className="form subform" onSubmit={(e) => void form.onSubmit(onDone)(e)} noValidate aria-labelledby="unpublish-title">
      <h3 id="unpublish-title">{t('action.unpublish')}</h3>
      {form.summary && <ErrorSummary {...form.summary} />}
      <Field {...form.field('reason', t('unpublish.reasonHint'))}>
        <textarea {...form.control('reason', { hint: true })} rows={2} />
      </Field>
      <SubmitCancel busy={form.busy} label={t('action.unpublish')} busyLabel={t('common.working')} cancelLabel={t('common.cancel')} onCancel={onCancel} />
    </form>
  );
}
