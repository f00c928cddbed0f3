/** The device's facts as a description list. */
import { weeeOf } from '../../shared/categories';
import type { Device } from '../../shared/schemas';
import { useI18n } from '../i18n';
import { categoryKey, conditionKey, specsSummary, weeeKey } from '../labels';
import { useReference } from '../reference-context';

export function DeviceFacts({ device }: { device: Device }) {
  const { t, number, dateTime } = useI18n();
  const ref = useReference();
  const none = t('common.none');
  const specs = specsSummary(device.specs, t, (n) => number(n));
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('device.details')}</h2>
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
        <dd>{t('device.weightValue', { kg: number(device.weightKg, 2) })}</dd>
        <dt>{t('device.weee')}</dt>
        <dd>{t(weeeKey(weeeOf(device)))}</dd>
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
