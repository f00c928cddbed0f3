/**
 * The <option>s of an administration filter: "Alle forvaltninger", then each administration as "Navn (KODE)";
 * without the first where one administration must be chosen (`all={false}`).
 */
import { useT } from '../i18n';
import { useReference } from '../reference-context';

export function DepartmentOptions({ all = true }: { all?: boolean }) {
  const t = useT();
  const ref = useReference();
  return (
    <>
      {all && <option value="">{t('search.allDepartments')}</option>}
      {ref.departments.map((d) => (
        <option key={d.id} value={d.id}>
          {ref.departmentLabel(d.id)}
        </option>
      ))}
    </>
  );
}
