/**
 * Search results as a table; a row opens the device page (the asset tag is the keyboard-reachable link).
 * With `selection`, each row has a box to select the device and the header one for the whole page.
 */
import { Availability } from './Availability';
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { pageState, type Selection } from '../label-print';
import { categoryKey, conditionKey, specsSummary } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href, navigate } from '../router';
import { PhotoImage } from './PhotoImage';
import { StatusBadge } from './StatusBadge';

export interface TableSelection {
  selected: Selection;
  onToggle(device: Device, on: boolean): void;
  onTogglePage(): void;
}

interface DeviceTableProps {
  devices: Device[];
  showStatus: boolean;
  selection?: TableSelection;
  /** Reserved device id → the reserving administration, shown in the administration column instead of the owner. */
  reservedFor?: Record<string, string>;
}

export function DeviceTable({ devices, showStatus, selection, reservedFor }: DeviceTableProps) {
  const { t, number } = useI18n();
  const ref = useReference();
  const num = (n: number) => number(n);
  const page = selection && pageState(selection.selected, devices);
  // A reserved device is on its way to the reserving administration; that is who the warehouse needs to see.
  const ownerCell = (ownerId: string, reservingId: string | undefined) =>
    reservingId ? (
      <abbr title={t('search.reservedForTitle', { department: ref.departmentName(reservingId) })}>
        {t('search.reservedFor', { code: ref.departmentCode(reservingId) })}
      </abbr>
    ) : (
      <abbr title={ref.departmentName(ownerId)}>{ref.departmentCode(ownerId)}</abbr>
    );
  return (
    // Focusable and named so a keyboard user can scroll it sideways when the columns do not fit the window.
    <div className="table-wrap" role="region" aria-label={t('search.tableLabel')} tabIndex={0}>
      <table className="data-table device-table">
        <thead>
          <tr>
            {selection && (
              <th scope="col" className="select-cell">
                <input
                  type="checkbox"
                  aria-label={t('labels.selectPage')}
                  checked={page === 'all'}
                  // why: "partly selected" has no attribute; the DOM property is the only way to show it
                  ref={(el) => {
                    if (el) el.indeterminate = page === 'some';
                  }}
                  onChange={() => selection.onTogglePage()}
                />
              </th>
            )}
            <th scope="col">{t('col.assetTag')}</th>
            <th scope="col">{t('col.device')}</th>
            <th scope="col">{t('col.category')}</th>
            <th scope="col">{t('col.condition')}</th>
            <th scope="col">{t('col.specs')}</th>
            <th scope="col">{t('col.location')}</th>
            {showStatus && <th scope="col">{t('col.status')}</th>}
            {showStatus && <th scope="col">{t('col.owner')}</th>}
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid="device-row" data-asset-tag={d.assetTag} data-status={d.status} data-category={d.category} className="clickable" onClick={() => navigate(devicePath(d.id))}>
              {selection && (
                // A click in the box's cell selects; it must not open the device like the rest of the row.
                <td className="select-cell" onClick={(e) => e.stopPropagation()}>
                  <input
                    type="checkbox"
                    aria-label={t('labels.selectDevice', { tag: d.assetTag })}
                    checked={selection.selected.has(d.id)}
                    onChange={(e) => selection.onToggle(d, e.target.checked)}
                  />
                </td>
              )}
              <td className="mono">
                <a href={href(devicePath(d.id))}>{d.assetTag}</a>
              </td>
              <td className="device-cell">
                {d.photos?.[0] && (
                  <PhotoImage deviceId={d.id} sha256={d.photos[0].thumbSha256} className="photo-thumb" alt={t('photos.thumbAlt', { model: `${d.manufacturer} ${d.model}` })} />
                )}
                <span className="device-model">{d.model}</span>
                <span className="device-manufacturer">{d.manufacturer}</span>
                <Availability device={d} />
              </td>
              <td>{t(categoryKey(d.category))}</td>
              <td>{d.condition ? <span className={`grade grade-${d.condition}`}>{t(conditionKey(d.condition))}</span> : t('common.none')}</td>
              <td className="specs">{specsSummary(d.specs, t, num) || t('common.none')}</td>
              <td>{ref.locationName(d.locationId)}</td>
              {showStatus && (
                <td>
                  <StatusBadge status={d.status} />
                </td>
              )}
              {showStatus && <td data-testid="owner-cell">{ownerCell(d.departmentId, reservedFor?.[d.id])}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
