/**
 * An admin's control for one administration's reservation approval (departments.setApproval): on or off, the
 * days its approvers have, and which of its IT contacts approve. Issue 12 builds the full admin screens; this
 * is the minimal, real one. The core checks everything and records who changed it and when.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { APPROVAL_DAYS_MAX, isActiveUser, type Department, type User } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { useI18n } from '../i18n';
import { useReference } from '../reference-context';
import { useAsync } from '../use-async';
import { Banner } from './Banner';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

const DEFAULT_DAYS = 3;

export function ApprovalSettings({ departmentId, children }: { departmentId: string; children?: ReactNode }) {
  const { t } = useI18n();
  const ref = useReference();
  // Kept here: the form starts afresh after a save (it is keyed by the change), the result stays.
  const [saved, setSaved] = useState<string | undefined>();
  // Another administration chosen: what was saved for the last one is no longer what the form shows.
  useEffect(() => setSaved(undefined), [departmentId]);
  // The people and the administrations as stored now (the reference context is read once). Not the profile list:
  // shared mode has none (session.profiles is refused there), and a deactivated person approves nothing.
  const profiles = useAsync(async () => {
    const [people, reference] = await Promise.all([client.call('users.list', {}), client.call('reference.get', {})]);
    return { users: people.items.filter(isActiveUser), departments: reference.departments };
  }, []);
  const department = profiles.data?.departments.find((d) => d.id === departmentId);
  const contacts = (profiles.data?.users ?? []).filter((u) => u.role === 'department_contact' && u.departmentId === departmentId);

  return (
    <section className="card" aria-labelledby="approval-title" data-testid="approval-settings">
      <h2 id="approval-title">{t('approval.title')}</h2>
      <p className="muted">{t('approval.intro')}</p>
      {children}
      {profiles.loading && !profiles.data && <Loading />}
      {profiles.error !== undefined && <LoadError error={profiles.error} onRetry={profiles.reload} />}
      {department && (
        <ApprovalForm
          // why: keyed by the administration and its last change, so the form starts from what is stored
          key={`${department.id}-${department.approval?.changedAt ?? ''}`}
          department={department}
          contacts={contacts}
          onSaved={() => {
            setSaved(t('approval.saved', { department: ref.departmentLabel(department.id) }));
            profiles.reload();
          }}
          onChange={() => setSaved(undefined)}
        />
      )}
      {saved && (
        <Banner key={saved} kind="success" testId="approval-saved" takeFocus>
          {saved}
        </Banner>
      )}
    </section>
  );
}

interface FormProps {
  department: Department;
  contacts: User[];
  onSaved(): void;
  /** Any edit: a result shown for the last save no longer describes the form. */
  onChange(): void;
}

function ApprovalForm({ department, contacts, onSaved, onChange }: FormProps) {
  const { t, dateTime, locale } = useI18n();
  const approval = department.approval;
  const [required, setRequired] = useState(approval?.required ?? false);
  const [days, setDays] = useState(String(approval?.days ?? DEFAULT_DAYS));
  const [approvers, setApprovers] = useState<ReadonlySet<string>>(() => new Set(contacts.filter((u) => u.approver).map((u) => u.id)));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  const toggle = (id: string) =>
    setApprovers((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    onChange();
    try {
      // The contract checks the days (a whole number from 1 to APPROVAL_DAYS_MAX) and names the field if not.
      await client.call('departments.setApproval', { departmentId: department.id, required, days: Number(days), approverIds: [...approvers] });
      onSaved();
    } catch (err) {
      setError(err ?? new Error('unknown'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={(e) => void save(e)} noValidate>
      <p data-testid="approval-state">{approval?.required ? t('approval.on', { days: approval.days }) : t('approval.off')}</p>
      {approval && <p className="muted">{t('approval.changed', { name: approval.changedBy.name, date: dateTime(approval.changedAt) })}</p>}
      <div className="checkbox-field">
        <input id="approval-required" type="checkbox" checked={required} onChange={(e) => setRequired(e.target.checked)} />
        <label htmlFor="approval-required">{t('approval.required')}</label>
      </div>
      <div className="field">
        <label htmlFor="approval-days">{t('approval.days')}</label>
        <input id="approval-days" type="number" inputMode="numeric" min={1} max={APPROVAL_DAYS_MAX} value={days} onChange={(e) => setDays(e.target.value)} />
      </div>
      <fieldset className="field">
        <legend>{t('approval.approvers')}</legend>
        {contacts.length === 0 && <p className="muted">{t('approval.noContacts')}</p>}
        {contacts.map((u) => (
          <div key={u.id} className="checkbox-field">
            <input id={`approver-${u.id}`} type="checkbox" checked={approvers.has(u.id)} onChange={() => toggle(u.id)} />
            <label htmlFor={`approver-${u.id}`}>{u.name}</label>
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.working') : t('approval.save')}
        </button>
      </div>
      {error !== undefined && (
        <Banner kind="error" takeFocus>
          {errorText(error, t('common.unexpectedError'), locale)}
        </Banner>
      )}
    </form>
  );
}
