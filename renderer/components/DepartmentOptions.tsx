/** The <option>s of an administration filter: "Alle forvaltninger", then each administration as "Navn (KODE)". */
import { useT } from '../i18n';
import { useReference } from '../reference-context';

export function DepartmentOptions() {
  const t = useT();
  const ref = useReference();
  return (
    <>
      <option value="">{t('search.allDepartments')}</option>
      {ref.departments.map((d) => (
        <option key={d.id} value={d.id}>
          {ref.departmentLabel(d.id)}
        </option>
      ))}
    </>
  );
}
