/**
 * Login-grupper (issue 13, wt-oidc): the table that gives people signing in through the municipality's login their
 * role and administration by their groups, in table order, with the rule for several matching groups; add, edit
 * and remove rows.
 */
import type { Department, OidcGroup, Unit } from '../../../shared/schemas';
import { client } from '../../api/instance';
import { useT } from '../../i18n';
import { useAsync } from '../../use-async';
import { useAdminAction, useAdminListForm, type Outcome } from '../../use-admin-action';
import { ListFormSlot } from '../ListFormSlot';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { RowAction } from '../RowAction';
import { TableHead } from '../TableHead';
import { OidcGroupForm } from './OidcGroupForm';

interface Props {
  departments: readonly Department[];
  units: readonly Unit[];
  report(o: Outcome | undefined): void;
}

export function OidcGroupsPanel({ departments, units, report }: Props) {
  const t = useT();
  const list = useAsync(() => client.call('oidcGroups.list', {}), []);
  const forms = useAdminListForm<{ row?: OidcGroup }>(report, list.reload);
  const action = useAdminAction(report, list.reload);
  const rows = list.data?.items ?? [];
  return (
    <>
      <p className="lead">{t('oidcGroups.intro')}</p>
      <p>{t('oidcGroups.rule')}</p>
      <ListFormSlot form={forms} slot="group" add={{}} label={t('oidcGroups.addTitle')} look="primary">
        {(editing) => (
          <OidcGroupForm key={editing.row?.id ?? 'new'} row={editing.row} departments={departments} units={units} onSaved={(r) => forms.saved(r.group)} onCancel={forms.close} />
        )}
      </ListFormSlot>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && rows.length === 0 && <p className="muted">{t('oidcGroups.empty')}</p>}
      {rows.length > 0 && (
        <table className="data-table" data-testid="oidc-groups">
          <TableHead columns={['oidcGroups.col.group', 'oidcGroups.col.role', 'oidcGroups.col.department', 'oidcGroups.col.unit', { key: 'people.col.actions', hidden: true }]} />
          <tbody>
            {rows.map((r) => {
              const department = departments.find((d) => d.id === r.departmentId);
              return (
                <tr key={r.id} data-group={r.group}>
                  <td>
                    <code>{r.group}</code>
                  </td>
                  <td>{t(`role.${r.role}`)}</td>
                  <td>{department ? `${department.name} (${department.code})` : r.departmentId}</td>
                  <td>{units.find((u) => u.id === r.unitId)?.name ?? t('common.none')}</td>
                  <td className="cell-actions">
                    <button type="button" className="button button-secondary button-small" aria-label={t('org.editNamed', { name: r.group })} onClick={() => forms.show('group', { row: r })}>
                      {t('org.edit')}
                    </button>{' '}
                    <RowAction
                      label={t('org.remove')}
                      ariaLabel={t('org.removeNamed', { name: r.group })}
                      busy={action.busy === r.id}
                      disabled={action.busy !== undefined}
                      onClick={() => void action.act(r.id, () => client.call('oidcGroups.remove', { id: r.id }), t('org.removed', { name: r.group }))}
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
