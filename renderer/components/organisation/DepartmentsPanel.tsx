/** Forvaltninger og enheder: each administration with its units; add and edit both, remove a unit nobody belongs to. */
import { client } from '../../api/instance';
import type { Department, Unit, User } from '../../../shared/schemas';
import { useT } from '../../i18n';
import { useAdminAction, useAdminListForm, type Outcome } from '../../use-admin-action';
import { ListFormSlot } from '../ListFormSlot';
import { RowAction } from '../RowAction';
import { DepartmentForm } from './DepartmentForm';
import { UnitForm } from './UnitForm';

type Editing = { what: 'department'; department?: Department } | { what: 'unit'; department: Department; unit?: Unit };

interface Props {
  departments: readonly Department[];
  units: readonly Unit[];
  users: readonly User[];
  report(o: Outcome | undefined): void;
  reload(): void;
}

export function DepartmentsPanel({ departments, units, users, report, reload }: Props) {
  const t = useT();
  // An administration's form stands in the place of "Tilføj forvaltning"; a unit's in its administration's card.
  const forms = useAdminListForm<Editing>(report, reload);
  const action = useAdminAction(report, reload);
  const unitSlot = (d: Department) => `unit-${d.id}`;
  const formFor = (editing: Editing) =>
    editing.what === 'department' ? (
      <DepartmentForm key={editing.department?.id ?? 'new'} department={editing.department} onSaved={(d) => forms.saved(d.name)} onCancel={forms.close} />
    ) : (
      <UnitForm key={editing.unit?.id ?? `new-${editing.department.id}`} department={editing.department} unit={editing.unit} onSaved={(u) => forms.saved(u.name)} onCancel={forms.close} />
    );

  return (
    <>
      <ListFormSlot form={forms} slot="department" add={{ what: 'department' }} label={t('dept.add')} look="primary">
        {formFor}
      </ListFormSlot>
      {departments.map((d) => {
        const mine = units.filter((u) => u.departmentId === d.id);
        const headingId = `department-${d.id}`;
        return (
          <section key={d.id} className="card" aria-labelledby={headingId} data-testid="department-card">
            <div className="button-row">
              <h3 id={headingId}>
                {d.name} ({d.code})
              </h3>
              <button type="button" className="button button-secondary button-small" aria-label={t('org.editNamed', { name: d.name })} onClick={() => forms.show('department', { what: 'department', department: d })}>
                {t('org.edit')}
              </button>
            </div>
            <p className="muted" lang="en">
              {d.nameEn}
            </p>
            {mine.length === 0 ? (
              <p className="muted">{t('dept.noUnits')}</p>
            ) : (
              <ul className="plain-list" aria-label={t('dept.units', { name: d.name })}>
                {mine.map((u) => {
                  const people = users.filter((p) => p.unitId === u.id).length;
                  return (
                    <li key={u.id} className="button-row" data-testid="unit-row">
                      <span>{u.name}</span>
                      <span className="muted">{t(people === 1 ? 'unit.people.one' : 'unit.people.other', { count: people })}</span>
                      <button type="button" className="button button-secondary button-small" aria-label={t('org.editNamed', { name: u.name })} onClick={() => forms.show(unitSlot(d), { what: 'unit', department: d, unit: u })}>
                        {t('org.edit')}
                      </button>
                      <RowAction
                        label={t('org.remove')}
                        ariaLabel={t('org.removeNamed', { name: u.name })}
                        busy={action.busy === u.id}
                        disabled={action.busy !== undefined}
                        onClick={() => void action.act(u.id, () => client.call('units.remove', { id: u.id }), t('org.removed', { name: u.name }))}
                      />
                    </li>
                  );
                })}
              </ul>
            )}
            <ListFormSlot form={forms} slot={unitSlot(d)} add={{ what: 'unit', department: d }} label={t('unit.addNamed', { name: d.name })} look="small">
              {formFor}
            </ListFormSlot>
          </section>
        );
      })}
    </>
  );
}
