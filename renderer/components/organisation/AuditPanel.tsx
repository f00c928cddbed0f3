/**
 * Ændringslog: the admin audit list (admin.audit), newest first, by subject: when, who, what, and each field
 * before → after. Ids of administrations, units and locations are shown by their names where they still exist.
 */
import { useState } from 'react';
import { ADMIN_AUDIT_SUBJECTS, type AdminAuditChange, type AdminAuditSubject } from '../../../shared/schemas';
import { isMessageKey } from '../../../shared/i18n';
import { client } from '../../api/instance';
import { useI18n } from '../../i18n';
import { memberOf } from '../../member-of';
import { useAsync } from '../../use-async';
import { EnumOptions } from '../EnumOptions';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { TableHead } from '../TableHead';

interface Props {
  /** Names by id (administrations, units, locations, people), to show a changed reference by its name. */
  names: ReadonlyMap<string, string>;
}

export function AuditPanel({ names }: Props) {
  const { t, dateTime } = useI18n();
  const [subject, setSubject] = useState<AdminAuditSubject | undefined>();
  const list = useAsync(() => client.call('admin.audit', { limit: 200, ...(subject ? { subject } : {}) }), [subject]);
  const value = (c: AdminAuditChange, v: string | undefined) => {
    if (v === undefined) return t('audit.noValue');
    if (v === 'true' || v === 'false') return t(v === 'true' ? 'common.yes' : 'common.no');
    const role = `role.${v}`;
    if (c.field === 'role' && isMessageKey(role)) return t(role);
    return names.get(v) ?? v;
  };
  const fieldName = (c: AdminAuditChange) => {
    const key = `audit.field.${c.field}`;
    return isMessageKey(key) ? t(key) : c.field;
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <p className="lead">{t('audit.intro')}</p>
      <div className="field">
        <label htmlFor="audit-subject">{t('audit.filter')}</label>
        <select id="audit-subject" value={subject ?? ''} onChange={(e) => setSubject(memberOf(ADMIN_AUDIT_SUBJECTS, e.target.value))}>
          <EnumOptions values={ADMIN_AUDIT_SUBJECTS} label={(s) => `audit.subject.${s}`} empty={t('audit.filter.all')} />
        </select>
      </div>
      {list.loading && !list.data && <Loading />}
      {list.error !== undefined && <LoadError error={list.error} onRetry={list.reload} />}
      {list.data && items.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {items.length > 0 && (
        <table className="data-table" data-testid="audit-list">
          <TableHead columns={['audit.col.when', 'audit.col.who', 'audit.col.what', 'audit.col.changes']} />
          <tbody>
            {items.map((e) => (
              <tr key={e.id} data-subject={e.subject} data-action={e.action}>
                <td>{dateTime(e.at)}</td>
                <td>
                  {e.actor.name} <span className="muted">({t(`role.${e.actor.role}`)})</span>
                </td>
                <td>
                  {t(`audit.action.${e.action}`)}: {t(`audit.subject.${e.subject}`)} <strong>{e.subjectName}</strong>
                </td>
                <td>
                  <ul className="plain-list">
                    {e.changes.map((c) => (
                      <li key={c.field}>
                        {fieldName(c)}: {value(c, c.from)} → {value(c, c.to)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
