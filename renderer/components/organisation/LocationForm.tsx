/**
 * Add or edit a location of one kind (locations.save's input): a site of an administration or the warehouse
 * (name and address), or a shelf of a warehouse (name). The kind and where it belongs come from the button that
 * opened the form, so the form holds only what a person types.
 */
import type { Location } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';

const FIELDS = {
  name: { label: 'loc.name' },
  address: { label: 'loc.address' },
} as const satisfies FormFields<'locations.save'>;

/** What the form adds or edits: a site of an administration, a warehouse, or a shelf of a warehouse. */
export type LocationTarget =
  | { kind: 'site'; departmentId: string; within: string; location?: Location | undefined }
  | { kind: 'warehouse'; location?: Location | undefined }
  | { kind: 'shelf'; parentId: string; within: string; location?: Location | undefined };

interface Props {
  target: LocationTarget;
  onSaved(location: Location): void;
  onCancel(): void;
}

export function LocationForm({ target, onSaved, onCancel }: Props) {
  const t = useT();
  const { location } = target;
  const form = useContractForm('locations.save', {
    idPrefix: 'location',
    fields: FIELDS,
    initial: location && { name: location.name, address: location.address ?? '' },
    extra: () => ({
      id: location?.id,
      kind: target.kind,
      departmentId: target.kind === 'site' ? target.departmentId : undefined,
      parentId: target.kind === 'shelf' ? target.parentId : undefined,
    }),
  });
  const title = location
    ? t('loc.editTitle', { name: location.name })
    : target.kind === 'warehouse'
      ? t('loc.addTitle.warehouse')
      : t(target.kind === 'site' ? 'loc.addTitle.site' : 'loc.addTitle.shelf', { name: target.within });
  // why not form.field's own required flag: the input is a union by kind, whose shared name is required in every member
  const name = { ...form.field('name'), required: true, optional: false };
  return (
    <AdminFormCard
      idPrefix="location"
      title={title}
      saveLabel={t('loc.save')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...name} className="span-2">
        <input {...form.control('name')} aria-required type="text" autoComplete="off" />
      </Field>
      {target.kind !== 'shelf' && (
        <Field {...form.field('address')} className="span-2">
          <input {...form.control('address')} type="text" autoComplete="street-address" />
        </Field>
      )}
    </AdminFormCard>
  );
}
