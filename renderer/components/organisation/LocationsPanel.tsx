/** Lokationer: the administrations' sites, and the warehouse with its shelves; add, edit, and remove what nothing stands on. */
import { useState } from 'react';
import type { Department, Location } from '../../../shared/schemas';
import { client } from '../../api/instance';
import { useT } from '../../i18n';
import { outcome, useAdminAction, type Outcome } from '../../use-admin-action';
import { LocationForm, type LocationTarget } from './LocationForm';
import { LocationRow } from './LocationRow';

interface Props {
  departments: readonly Department[];
  locations: readonly Location[];
  report(o: Outcome | undefined): void;
  reload(): void;
}

export function LocationsPanel({ departments, locations, report, reload }: Props) {
  const t = useT();
  const [editing, setEditing] = useState<LocationTarget | undefined>();
  const action = useAdminAction(report, reload);
  const open = (target: LocationTarget) => {
    report(undefined);
    setEditing(target);
  };
  const saved = (l: Location) => {
    setEditing(undefined);
    report(outcome('success', t('org.saved', { name: l.name })));
    reload();
  };
  const row = (l: Location, target: LocationTarget) => (
    <LocationRow
      key={l.id}
      location={l}
      busy={action.busy}
      onEdit={() => open(target)}
      onRemove={() => void action.act(l.id, () => client.call('locations.remove', { id: l.id }), t('org.removed', { name: l.name }))}
    />
  );
  const warehouses = locations.filter((l) => l.kind === 'warehouse');

  return (
    <>
      {editing && (
        <LocationForm key={`${editing.kind}-${editing.location?.id ?? 'new'}`} target={editing} onSaved={saved} onCancel={() => setEditing(undefined)} />
      )}
      <h2>{t('loc.sitesTitle')}</h2>
      <p className="lead">{t('loc.sitesIntro')}</p>
      {departments.map((d) => {
        const sites = locations.filter((l) => l.kind === 'site' && l.departmentId === d.id);
        const headingId = `sites-${d.id}`;
        return (
          <section key={d.id} className="card" aria-labelledby={headingId} data-testid="sites-card">
            <h3 id={headingId}>
              {d.name} ({d.code})
            </h3>
            {sites.length === 0 ? (
              <p className="muted">{t('loc.noSites')}</p>
            ) : (
              <ul className="plain-list">{sites.map((l) => row(l, { kind: 'site', departmentId: d.id, within: d.name, location: l }))}</ul>
            )}
            <button type="button" className="button button-secondary button-small" onClick={() => open({ kind: 'site', departmentId: d.id, within: d.name })}>
              {t('loc.addSiteNamed', { name: d.name })}
            </button>
          </section>
        );
      })}
      <h2>{t('loc.warehousesTitle')}</h2>
      {warehouses.length === 0 && <p className="muted">{t('loc.noWarehouse')}</p>}
      {warehouses.map((w) => {
        const shelves = locations.filter((l) => l.kind === 'shelf' && l.parentId === w.id);
        const headingId = `warehouse-${w.id}`;
        return (
          <section key={w.id} className="card" aria-labelledby={headingId} data-testid="warehouse-card">
            <h3 id={headingId}>{w.name}</h3>
            <ul className="plain-list">{row(w, { kind: 'warehouse', location: w })}</ul>
            <h4>{t('loc.shelves', { name: w.name })}</h4>
            {shelves.length === 0 ? (
              <p className="muted">{t('loc.noShelves')}</p>
            ) : (
              <ul className="plain-list">{shelves.map((l) => row(l, { kind: 'shelf', parentId: w.id, within: w.name, location: l }))}</ul>
            )}
            <button type="button" className="button button-secondary button-small" onClick={() => open({ kind: 'shelf', parentId: w.id, within: w.name })}>
              {t('loc.addShelfNamed', { name: w.name })}
            </button>
          </section>
        );
      })}
      <div className="button-row">
        <button type="button" className="button button-secondary" onClick={() => open({ kind: 'warehouse' })}>
          {t('loc.addWarehouse')}
        </button>
      </div>
    </>
  );
}
