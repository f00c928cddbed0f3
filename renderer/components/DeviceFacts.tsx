/** The device's facts as a description list. */
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey, conditionKey, specsSummary, weightText } from '../labels';
import { useReference } from '../reference-context';
import { WeeeCategoryField } from './WeeeCategoryField';
import { Availability } from './Availability';

/** `onChanged`: the device changed here (its WEEE category); the page loads it again. */
export function DeviceFacts({ device, onChanged }: { device: Device; onChanged: () => void }) {
  const { t, number, dateTime } = useI18n();
  const ref = useReference();
  const none = t('common.none');
  const specs = specsSummary(device.specs, t, (n) => number(n));
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('device.details')}</h2>
      <Availability device={device} />
      <dl className="facts">
        <dt>{t('device.assetTag')}</dt>
        <dd className="mono">{device.assetTag}</dd>
        <dt>{t('device.category')}</dt>
        <dd>{t(categoryKey(device.category))}</dd>
        <dt>{t('device.manufacturer')}</dt>
        <dd>{device.manufacturer}</dd>
        <dt>{t('device.model')}</dt>
        <dd>{device.model}</dd>
        <dt>{t('device.serial')}</dt>
        <dd className="mono">{device.serial}</dd>
        <dt>{t('device.specs')}</dt>
        <dd>{specs || none}</dd>
        <dt>{t('device.condition')}</dt>
        <dd data-testid="device-condition">{device.condition ? t(conditionKey(device.condition)) : t('device.notGraded')}</dd>
        <dt>{t('device.dataBearing')}</dt>
        <dd data-testid="device-data-bearing">
          {device.dataBearing ? t('common.yes') : t('common.no')}
          {device.dataBearingOverride !== undefined && <span className="muted"> {t('device.dataBearingOverridden')}</span>}
        </dd>
        <dt>{t('device.owner')}</dt>
        <dd data-testid="device-owner">{ref.departmentLabel(device.departmentId)}</dd>
        <dt>{t('device.location')}</dt>
        <dd data-testid="device-location">{ref.locationName(device.locationId)}</dd>
        <dt>{t('device.weight')}</dt>
        <dd data-testid="device-weight">{weightText(device, t, number, 2)}</dd>
        <dt>{t('device.weee')}</dt>
        <dd>
          <WeeeCategoryField device={device} onChanged={onChanged} />
        </dd>
        <dt>{t('device.year')}</dt>
        <dd>{device.year ?? none}</dd>
        <dt>{t('device.reportedAt')}</dt>
        <dd>{dateTime(device.reportedAt)}</dd>
        <dt>{t('device.updatedAt')}</dt>
        <dd>{dateTime(device.updatedAt)}</dd>
        {device.notes && (
          <>
            <dt>{t('device.notes')}</dt>
            <dd className="notes">{device.notes}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
