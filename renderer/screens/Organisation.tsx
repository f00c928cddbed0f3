/**
 * Organisation (administrators): the municipality's reference data in four tabs — administrations and units,
 * locations, people, and the change log. Every change goes through its procedure, which checks it against the
 * rest and writes it with an audit entry; a refusal names what is wrong at its field or in the banner.
 * The screen reads reference.get itself (not the app's cached copy) so each change shows at once.
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
import { useT } from '../i18n';
import { memberOf } from '../member-of';
import { replaceQuery, useRoute } from '../router';
import { useAsync } from '../use-async';
import type { Outcome } from '../use-admin-action';

const TABS = ['departments', 'locations', 'people', 'audit'] as const;
type Tab = (typeof TABS)[number];

export function Organisation() {
  const t = useT();
  const { query } = useRoute();
  // The tab is in the address (#/organisation?tab=people), so it can be linked to and survives a reload.
  const asked = memberOf(TABS, query.get('tab')) ?? 'departments';
  const [tab, setTab] = useState<Tab>(asked);
  useEffect(() => setTab(asked), [asked]);
  const [result, setResult] = useState<Outcome | undefined>();
  const data = useAsync(async () => {
    const [reference, users] = await Promise.all([client.call('reference.get', {}), client.call('users.list', {})]);
    return { ...reference, users: users.items };
  }, []);
  const choose = (next: Tab) => {
    setResult(undefined);
    setTab(next);
    replaceQuery({ tab: next });
  };

  const d = data.data;
  const names = new Map<string, string>(d ? [...d.departments, ...d.units, ...d.locations, ...d.users].map((x) => [x.id, x.name]) : []);
  return (
    <>
      <h1>{t('org.title')}</h1>
      <p className="lead">{t('org.intro')}</p>
      <OrgTabs tabs={TABS} label={(x) => `org.tab.${x}`} current={tab} onChoose={choose} />
      <div role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)} className="tab-panel">
        {result && result.text && (
          <Banner key={result.seq} kind={result.kind} takeFocus testId="org-result">
            {result.text}
          </Banner>
        )}
        {data.loading && !d && <Loading />}
        {data.error !== undefined && <LoadError error={data.error} onRetry={data.reload} />}
        {d && tab === 'departments' && <DepartmentsPanel departments={d.departments} units={d.units} users={d.users} report={setResult} reload={data.reload} />}
        {d && tab === 'locations' && <LocationsPanel departments={d.departments} locations={d.locations} report={setResult} reload={data.reload} />}
        {d && tab === 'people' && <PeoplePanel users={d.users} departments={d.departments} units={d.units} report={setResult} reload={data.reload} />}
        {d && tab === 'audit' && <AuditPanel names={names} />}
      </div>
    </>
  );
}
