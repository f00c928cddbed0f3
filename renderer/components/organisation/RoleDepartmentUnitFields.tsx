/**
 * The role, administration and unit fields a person's form and a sign-in group row's form share (wt-oidc): choosing
 * another administration clears the unit, since a unit belongs to one administration.
 */
import type { ChangeEvent, ComponentProps } from 'react';
import { ROLES, type Department, type Unit } from '../../../shared/schemas';
import { useT } from '../../i18n';
import { EnumOptions } from '../EnumOptions';
import { Field } from '../Field';

type Name = 'role' | 'departmentId' | 'unitId';

/** The part of a contract form (use-contract-form.ts) these fields use. */
interface RoleDepartmentUnitForm {
  field(name: Name): Omit<ComponentProps<typeof Field>, 'children'>;
  control(name: Name): Omit<ComponentProps<'select'>, 'onChange'> & { onChange(e: ChangeEvent<HTMLSelectElement>): void };
  set(name: 'unitId', value: string): void;
  values: { departmentId: string };
}

interface Props {
  form: RoleDepartmentUnitForm;
  departments: readonly Department[];
  units: readonly Unit[];
  /** The unit field's empty choice ("Ingen enhed"). */
  noUnit: string;
}

export function RoleDepartmentUnitFields({ form, departments, units, noUnit }: Props) {
  const t = useT();
  const department = form.control('departmentId');
  const unitsHere = units.filter((u) => u.departmentId === form.values.departmentId);
  return (
    <>
      <Field {...form.field('role')}>
        <select {...form.control('role')}>
          <EnumOptions values={ROLES} label={(r) => `role.${r}`} empty={t('org.choose')} />
        </select>
      </Field>
      <Field {...form.field('departmentId')}>
        <select
          {...department}
          onChange={(e) => {
            department.onChange(e);
            form.set('unitId', '');
          }}
        >
          <option value="">{t('org.choose')}</option>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} ({d.code})
            </option>
          ))}
        </select>
      </Field>
      <Field {...form.field('unitId')}>
        <select {...form.control('unitId')}>
          <option value="">{noUnit}</option>
          {unitsHere.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
