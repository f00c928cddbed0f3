/** Add a unit to an administration or rename one (units.save's input; the administration is the one it was opened for). */
import type { Department, Unit } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';

const FIELDS = { name: { label: 'unit.name' } } as const satisfies FormFields<'units.save'>;

interface Props {
  department: Department;
  unit?: Unit | undefined;
  onSaved(unit: Unit): void;
  onCancel(): void;
}

export function UnitForm({ department, unit, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('units.save', {
    idPrefix: 'unit',
    fields: FIELDS,
    initial: unit && { name: unit.name },
    extra: () => ({ id: unit?.id, departmentId: department.id }),
  });
  return (
    <AdminFormCard
      idPrefix="unit"
      title={unit ? t('unit.editTitle', { name: unit.name }) : t('unit.addTitle', { department: department.name })}
      saveLabel={t('unit.save')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...form.field('name')} className="span-2">
        <input {...form.control('name')} type="text" autoComplete="off" />
      </Field>
    </AdminFormCard>
  );
}
