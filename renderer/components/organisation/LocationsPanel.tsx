/** Lokationer: the administrations' sites, and the warehouse with its shelves; add, edit, and remove what nothing stands on. */
import type { Department, Location } from '../../../shared/schemas';
import { client } from '../../api/instance';
import { useT } from '../../i18n';
import { useAdminAction, useAdminListForm, type Outcome } from '../../use-admin-action';
import { ListFormSlot } from '../ListFormSlot';
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
  // A form stands in the place of the add button of its list: an administration's sites, a warehouse's shelves, the warehouses.
  const forms = useAdminListForm<LocationTarget>(report, reload);
  const action = useAdminAction(report, reload);
  const slotOf = (target: LocationTarget) =>
    target.kind === 'site' ? `site-${target.departmentId}` : target.kind === 'shelf' ? `shelf-${target.parentId}` : 'warehouse';
  const formFor = (target: LocationTarget) => (
    <LocationForm key={`${target.kind}-${target.location?.id ?? 'new'}`} target={target} onSaved={(l) => forms.saved(l.name)} onCancel={forms.close} />
  );
  const addSlot = (add: LocationTarget, label: string, look: 'secondary' | 'small') => (
    <ListFormSlot form={forms} slot={slotOf(add)} add={add} label={label} look={look}>
      {formFor}
    </ListFormSlot>
  );
  const row = (l: Location, target: LocationTarget) => (
    <LocationRow
      key={l.id}
      location={l}
      busy={action.busy}
      onEdit={() => forms.show(slotOf(target), target)}
      onRemove={() => void action.act(l.id, () => client.call('locations.remove', { id: l.id }), t('org.removed', { name: l.name }))}
    />
  );
  const warehouses = locations.filter((l) => l.kind === 'warehouse');

  return (
    <>
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
            {addSlot({ kind: 'site', departmentId: d.id, within: d.name }, t('loc.addSiteNamed', { name: d.name }), 'small')}
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
            {addSlot({ kind: 'shelf', parentId: w.id, within: w.name }, t('loc.addShelfNamed', { name: w.name }), 'small')}
          </section>
        );
      })}
      {addSlot({ kind: 'warehouse' }, t('loc.addWarehouse'), 'secondary')}
    </>
  );
}
