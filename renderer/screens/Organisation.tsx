/**
 * Organisation (administrators): the municipality's reference data in four tabs — administrations and units,
 * locations, people, and the change log. Every change goes through its procedure, which checks it against the
 * rest and writes it with an audit entry; a refusal names what is wrong at its field or in the banner.
 * Administrations, units and locations come from the app's reference data, fetched again after each change, so
 * every other screen (the report form's sites, the check-in's shelves) shows the change at once too.
 */
import { useEffect, useState } from 'react';
import { client } from '../api/instance';
import { Banner } from '../components/Banner';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { AuditPanel } from '../components/organisation/AuditPanel';
import { DepartmentsPanel } from '../components/organisation/DepartmentsPanel';
import { LocationsPanel } from '../components/organisation/LocationsPanel';
import { OrgTabs, panelId, tabId } from '../components/organisation/OrgTabs';
import { PeoplePanel } from '../components/organisation/PeoplePanel';
import { SignInLogPanel } from '../components/organisation/SignInLogPanel';
import { OidcGroupsPanel } from '../components/organisation/OidcGroupsPanel';
import { useSession } from '../session-context';
import { useT } from '../i18n';
import { memberOf } from '../member-of';
import { useReference } from '../reference-context';
import { replaceQuery, useRoute } from '../router';
import { useAsync } from '../use-async';
import type { Outcome } from '../use-admin-action';

const TABS = ['departments', 'locations', 'people', 'audit', 'signIns', 'oidcGroups'] as const;
type Tab = (typeof TABS)[number];

export function Organisation() {
  const t = useT();
  const { query } = useRoute();
  // The tab is in the address (#/organisation?tab=people), so it can be linked to and survives a reload.
  const asked = memberOf(TABS, query.get('tab')) ?? 'departments';
  const [tab, setTab] = useState<Tab>(asked);
  useEffect(() => setTab(asked), [asked]);
  const [result, setResult] = useState<Outcome | undefined>();
  const ref = useReference();
  const people = useAsync(() => client.call('users.list', {}), []);
  const reload = () => {
    people.reload();
    ref.reload();
  };
  const choose = (next: Tab) => {
    setResult(undefined);
    setTab(next);
    replaceQuery({ tab: next });
  };

  const users = people.data?.items;
  // Sign-in groups are for a server's identity provider: a desk on its own has none (issue 13, wt-oidc).
  const shared = useSession().methods?.mode === 'shared';
  const tabs = shared ? TABS : TABS.filter((x) => x !== 'oidcGroups');
  const names = new Map<string, string>([...ref.departments, ...ref.units, ...ref.locations, ...(users ?? [])].map((x) => [x.id, x.name]));
  return (
    <>
      <h1>{t('org.title')}</h1>
      <p className="lead">{t('org.intro')}</p>
      <OrgTabs tabs={tabs} label={(x) => `org.tab.${x}`} current={tab} onChoose={choose} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
        {result && result.text && (
          <Banner key={result.seq} kind={result.kind} takeFocus={result.takeFocus} testId="org-result">
            {result.text}
          </Banner>
        )}
        {people.loading && !users && <Loading />}
        {people.error !== undefined && <LoadError error={people.error} onRetry={people.reload} />}
        {users && tab === 'departments' && <DepartmentsPanel departments={ref.departments} units={ref.units} users={users} report={setResult} reload={reload} />}
        {users && tab === 'locations' && <LocationsPanel departments={ref.departments} locations={ref.locations} report={setResult} reload={reload} />}
        {users && tab === 'people' && <PeoplePanel users={users} departments={ref.departments} units={ref.units} report={setResult} reload={reload} />}
        {users && tab === 'audit' && <AuditPanel names={names} />}
        {/* Sign-in log (issue 13, wt-auth) */}
        {tab === 'signIns' && <SignInLogPanel />}
        {/* Sign-in groups (issue 13, wt-oidc) */}
        {tab === 'oidcGroups' && <OidcGroupsPanel departments={ref.departments} units={ref.units} report={setResult} />}
      </div>
    </>
  );
}
