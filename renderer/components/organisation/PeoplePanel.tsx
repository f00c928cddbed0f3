/**
 * Personer: everyone, active or deactivated, filtered by administration, role and status; add and edit a
 * person; Deaktivér / Genaktivér (never delete: the trail names people as they were).
 */
import { useState } from 'react';
import { isActiveUser, ROLES, type Department, type Role, type Unit, type User } from '../../../shared/schemas';
import { client } from '../../api/instance';
import { useT } from '../../i18n';
import { memberOf } from '../../member-of';
import { outcome, useAdminAction, useAdminListForm, type Outcome } from '../../use-admin-action';
import { EnumOptions } from '../EnumOptions';
import { ListFormSlot } from '../ListFormSlot';
import { RowAction } from '../RowAction';
import { TableHead } from '../TableHead';
import { PersonForm } from './PersonForm';
import { PasswordForm } from './PasswordForm';
import { useSession } from '../../session-context';

const STATUSES = ['active', 'inactive'] as const;

type Editing = { what: 'person'; person?: User } | { what: 'password'; person: User };

interface Props {
  users: readonly User[];
  departments: readonly Department[];
  units: readonly Unit[];
  report(o: Outcome | undefined): void;
  reload(): void;
}

export function PeoplePanel({ users, departments, units, report, reload }: Props) {
  const t = useT();
  // One form at a time, in the add button's place: a person's (new or to edit), or, in shared mode (people sign in
  // with a password, which an admin sets here; standalone mode has none), a person's password.
  const forms = useAdminListForm<Editing>(report, reload);
  const shared = useSession().methods?.mode === 'shared';
  const [departmentId, setDepartmentId] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [status, setStatus] = useState<(typeof STATUSES)[number] | undefined>();
  const action = useAdminAction(report, reload);
  const department = (id: string) => departments.find((d) => d.id === id);
  const shown = users.filter(
    (u) =>
      (departmentId === '' || u.departmentId === departmentId) &&
      (role === undefined || u.role === role) &&
      (status === undefined || isActiveUser(u) === (status === 'active')),
  );
  const setActive = (u: User, active: boolean) =>
    void action.act(u.id, () => client.call('users.setActive', { id: u.id, active }), t(active ? 'people.reactivated' : 'people.deactivated', { name: u.name }));

  return (
    <>
      <ListFormSlot form={forms} slot="person" add={{ what: 'person' }} label={t('people.add')} look="primary">
        {(editing) =>
          editing.what === 'password' ? (
            <PasswordForm
              key={`password-${editing.person.id}`}
              person={editing.person}
              onSaved={() => {
                forms.close();
                report(outcome('success', t('people.passwordSaved', { name: editing.person.name }), false));
              }}
              onCancel={forms.close}
            />
          ) : (
            <PersonForm key={editing.person?.id ?? 'new'} person={editing.person} departments={departments} units={units} onSaved={(u) => forms.saved(u.name)} onCancel={forms.close} />
          )
        }
      </ListFormSlot>
      <fieldset className="filters form-grid">
        <legend>{t('people.filters')}</legend>
        <div className="field">
          <label htmlFor="people-filter-department">{t('people.department')}</label>
          <select id="people-filter-department" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
            <option value="">{t('people.filter.all')}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-filter-role">{t('people.role')}</label>
          <select id="people-filter-role" value={role ?? ''} onChange={(e) => setRole(memberOf(ROLES, e.target.value))}>
            <EnumOptions values={ROLES} label={(r) => `role.${r}`} empty={t('people.filter.all')} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="people-filter-status">{t('people.filter.status')}</label>
          <select id="people-filter-status" value={status ?? ''} onChange={(e) => setStatus(memberOf(STATUSES, e.target.value))}>
            <EnumOptions values={STATUSES} label={(s) => `people.status.${s}`} empty={t('people.filter.all')} />
          </select>
        </div>
      </fieldset>
      <p className="muted" role="status">
        {t('people.shown', { shown: shown.length, total: users.length })}
      </p>
      {shown.length === 0 ? (
        <p className="muted">{t('people.empty')}</p>
      ) : (
        <table className="data-table" data-testid="people-list">
          <TableHead columns={['people.col.name', 'people.col.email', 'people.col.role', 'people.col.department', 'people.col.unit', 'people.col.status', { key: 'people.col.actions', hidden: true }]} />
          <tbody>
            {shown.map((u) => {
              const active = isActiveUser(u);
              return (
                <tr key={u.id} data-user-id={u.id} data-active={active}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{department(u.departmentId)?.code ?? u.departmentId}</td>
                  <td>{units.find((x) => x.id === u.unitId)?.name ?? t('common.none')}</td>
                  <td>{t(active ? 'people.status.active' : 'people.status.inactive')}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-secondary button-small" aria-label={t('org.editNamed', { name: u.name })} onClick={() => forms.show('person', { what: 'person', person: u })}>
                      {t('org.edit')}
                    </button>{' '}
                    {shared && (
                      <>
                        <button type="button" className="button button-secondary button-small" aria-label={t('people.setPasswordNamed', { name: u.name })} onClick={() => forms.show('person', { what: 'password', person: u })}>
                          {t('people.setPassword')}
                        </button>{' '}
                      </>
                    )}
                    <RowAction
                      label={t(active ? 'people.deactivate' : 'people.reactivate')}
                      ariaLabel={t(active ? 'people.deactivateNamed' : 'people.reactivateNamed', { name: u.name })}
                      busy={action.busy === u.id}
                      disabled={action.busy !== undefined}
                      onClick={() => setActive(u, !active)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
