/**
 * Add or edit a person (users.save's input): name, e-mail, role, administration and a unit of it. Choosing
 * another administration clears the unit, since a unit belongs to one administration.
 */
import type { Department, Unit, User } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';
import { RoleDepartmentUnitFields } from './RoleDepartmentUnitFields';

const FIELDS = {
  name: { label: 'people.name' },
  email: { label: 'people.email' },
  role: { label: 'people.role' },
  departmentId: { label: 'people.department' },
  unitId: { label: 'people.unit' },
} as const satisfies FormFields<'users.save'>;

interface Props {
  person?: User | undefined;
  departments: readonly Department[];
  units: readonly Unit[];
  onSaved(user: User): void;
  onCancel(): void;
}

export function PersonForm({ person, departments, units, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('users.save', {
    idPrefix: 'person',
    fields: FIELDS,
    initial: person && { name: person.name, email: person.email, role: person.role, departmentId: person.departmentId, unitId: person.unitId ?? '' },
    extra: () => ({ id: person?.id }),
  });
  return (
    <AdminFormCard
      idPrefix="person"
      title={person ? t('people.editTitle', { name: person.name }) : t('people.addTitle')}
      saveLabel={t('people.save')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...form.field('name')}>
        <input {...form.control('name')} type="text" autoComplete="off" />
      </Field>
      <Field {...form.field('email')}>
        <input {...form.control('email')} type="email" autoComplete="off" />
      </Field>
      <RoleDepartmentUnitFields form={form} departments={departments} units={units} noUnit={t('people.noUnit')} />
    </AdminFormCard>
  );
}
