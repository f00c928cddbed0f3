/** Add or edit an administration: code, Danish and English name (departments.save's input). */
import type { Department } from '../../../shared/schemas';
import type { FormFields } from '../../form-model';
import { useT } from '../../i18n';
import { useContractForm } from '../../use-contract-form';
import { Field } from '../Field';
import { AdminFormCard } from './AdminFormCard';

const FIELDS = {
  code: { label: 'dept.code' },
  name: { label: 'dept.name' },
  nameEn: { label: 'dept.nameEn' },
} as const satisfies FormFields<'departments.save'>;

interface Props {
  department?: Department | undefined;
  onSaved(department: Department): void;
  onCancel(): void;
}

export function DepartmentForm({ department, onSaved, onCancel }: Props) {
  const t = useT();
  const form = useContractForm('departments.save', {
    idPrefix: 'department',
    fields: FIELDS,
    initial: department && { code: department.code, name: department.name, nameEn: department.nameEn },
    extra: () => ({ id: department?.id }),
  });
  return (
    <AdminFormCard
      idPrefix="department"
      title={department ? t('dept.editTitle', { name: department.name }) : t('dept.addTitle')}
      saveLabel={t('dept.save')}
      busy={form.busy}
      summary={form.summary}
      onSubmit={(e) => void form.onSubmit(onSaved)(e)}
      onCancel={onCancel}
    >
      <Field {...form.field('code', t('dept.codeHint'))}>
        <input {...form.control('code', { hint: true })} type="text" autoComplete="off" />
      </Field>
      <Field {...form.field('name')} className="span-2">
        <input {...form.control('name')} type="text" autoComplete="off" />
      </Field>
      <Field {...form.field('nameEn')} className="span-2">
        <input {...form.control('nameEn')} type="text" autoComplete="off" lang="en" />
      </Field>
    </AdminFormCard>
  );
}
