/** Standalone mode's start: choose who you are working as, grouped by administration. */
import { useState } from 'react';
import type { Department, User } from '../../shared/schemas';
import { client, errorText } from '../api/instance';
import { Banner } from '../components/Banner';
import { EmptyState } from '../components/EmptyState';
import { SignedOutPage } from '../components/SignedOutPage';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { useI18n } from '../i18n';
import { roleKey } from '../labels';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';

interface Group {
  key: string;
  title: string;
  users: User[];
}

function groupUsers(users: User[], departments: Department[], locale: 'da' | 'en', other: string): Group[] {
  const groups: Group[] = departments.map((d) => ({
    key: d.id,
    title: `${locale === 'en' ? d.nameEn : d.name} (${d.code})`,
    users: users.filter((u) => u.departmentId === d.id),
  }));
  const known = new Set(departments.map((d) => d.id));
  const rest = users.filter((u) => !known.has(u.departmentId));
  if (rest.length > 0) groups.push({ key: '_other', title: other, users: rest });
  return groups.filter((g) => g.users.length > 0);
}

export function ProfilePicker() {
  const { t, locale } = useI18n();
  const { signIn, expired } = useSession();
  const profiles = useAsync(() => client.call('session.profiles', {}), []);
  const [pending, setPending] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();

  async function choose(userId: string) {
    setPending(userId);
    setError(undefined);
    try {
      await signIn(userId);
    } catch (e) {
      setError(errorText(e, t('common.unexpectedError')));
      setPending(undefined);
    }
  }

  const groups = profiles.data
    ? groupUsers(profiles.data.users, profiles.data.departments, locale, t('profile.otherDepartment'))
    : [];

  return (
    <SignedOutPage>
      <h1>{t('profile.title')}</h1>
      <p className="lead">{t('profile.intro')}</p>
      {expired && <Banner kind="info">{t('profile.sessionExpired')}</Banner>}
      {error && <Banner kind="error">{error}</Banner>}
      {pending && <Loading label={t('profile.signingIn')} />}
      {profiles.loading && !profiles.data && <Loading />}
      {profiles.error !== undefined && <LoadError error={profiles.error} onRetry={profiles.reload} />}
      {profiles.data && groups.length === 0 && <EmptyState>{t('profile.empty')}</EmptyState>}
      {groups.map((g) => (
        <section key={g.key} className="profile-group" aria-labelledby={`group-${g.key}`}>
          <h2 id={`group-${g.key}`}>{g.title}</h2>
          <ul className="profile-list">
            {g.users.map((u) => (
              <li key={u.id}>
                <button
                  type="button"
                  className="profile-entry"
                  data-testid={`profile-${u.id}`}
                  disabled={pending !== undefined}
                  onClick={() => void choose(u.id)}
                >
                  <span className="profile-name">{u.name}</span>
                  <span className={`role-tag role-${u.role}`}>{t(roleKey(u.role))}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </SignedOutPage>
  );
}
