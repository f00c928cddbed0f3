/** Search results as a table; a row opens the device page (the asset tag is the keyboard-reachable link). */
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey, conditionKey, specsSummary } from '../labels';
import { useReference } from '../reference-context';
import { devicePath, href, navigate } from '../router';
import { StatusBadge } from './StatusBadge';

export function DeviceTable({ devices, showStatus }: { devices: Device[]; showStatus: boolean }) {
  const { t, number } = useI18n();
  const ref = useReference();
  const num = (n: number) => number(n);
  return (
    <div className="table-wrap">
      <table className="data-table device-table">
        <thead>
          <tr>
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
            <tr key={d.id} data-testid="device-row" data-asset-tag={d.assetTag} className="clickable" onClick={() => navigate(devicePath(d.id))}>
              <td className="mono">
                <a href={href(devicePath(d.id))}>{d.assetTag}</a>
              </td>
              <td>
                <span className="device-model">{d.model}</span>
                <span className="device-manufacturer">{d.manufacturer}</span>
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
              {showStatus && (
                <td>
                  <abbr title={ref.departmentName(d.departmentId)}>{ref.departmentCode(d.departmentId)}</abbr>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
