/**
 * Add or edit a sign-in group row (oidcGroups.save's input, issue 13, wt-oidc): the group as the identity provider
 * sends it, the role, the administration and a unit of it. Choosing another administration clears the unit.
 */
import type { Department, OidcGroup, Unit } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';
import { RoleDepartmentUnitFields } from './RoleDepartmentUnitFields';

const FIELDS = {
  group: { label: 'oidcGroups.group' },
  role: { label: 'oidcGroups.col.role' },
  departmentId: { label: 'oidcGroups.col.department' },
  unitId: { label: 'oidcGroups.col.unit' },
} as const satisfies FormFields<'oidcGroups.save'>;

interface Props {
  row?: OidcGroup | undefined;
  departments: readonly Department[];
  units: readonly Unit[];
  onSaved(row: OidcGroup): void;
  onCancel(): void;
}

export function OidcGroupForm({ row, departments, units, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('oidcGroups.save', {
    idPrefix: 'oidc-group',
    fields: FIELDS,
    initial: row && { group: row.group, role: row.role, departmentId: row.departmentId, unitId: row.unitId ?? '' },
    extra: () => ({ id: row?.id }),
  });
  return (
    <AdminFormCard
      idPrefix="oidc-group"
      title={row ? t('oidcGroups.editTitle', { group: row.group }) : t('oidcGroups.addTitle')}
      saveLabel={t('oidcGroups.save')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...form.field('group', t('oidcGroups.groupHelp'))} className="span-2">
        <input {...form.control('group', { hint: true })} type="text" autoComplete="off" spellCheck={false} />
      </Field>
      <RoleDepartmentUnitFields form={form} departments={departments} units={units} noUnit={t('oidcGroups.noUnit')} />
    </AdminFormCard>
  );
}
