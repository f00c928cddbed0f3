/** Udlevér: scan a reserved device at pick-up; the reserving administration becomes its owner. */
import { useState } from 'react';
import { client } from '../api/instance';
import { RecentScans } from '../components/RecentScans';
import { ScanField } from '../components/ScanField';
import { ScanResult } from '../components/ScanResult';
import { ScanSubmit } from '../components/ScanSubmit';
import type { FieldErrors } from '../form-errors';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { useScanStation } from '../use-scan-station';

export function HandOver() {
  const t = useT();
  const ref = useReference();
  const { query } = useRoute();
  const station = useScanStation(query.get('tag') ?? '');
  const [replaces, setReplaces] = useState(false);

  const check = (assetTag: string): FieldErrors => (assetTag ? {} : { assetTag: t('validation.required') });

  return (
    <>
      <h1>{t('handOver.title')}</h1>
      <p className="lead">{t('handOver.intro')}</p>
      <form
        className="form scan-form"
        noValidate
        onSubmit={(e) =>
          void station.submit(e, check, async (assetTag) => {
            const device = await client.call('devices.handOver', { assetTag, replacesNewPurchase: replaces });
            // why: the next device is a new decision; a ticked box must not carry over unnoticed
            setReplaces(false);
            return {
              deviceId: device.id,
              text: t('handOver.success', {
                tag: device.assetTag,
                model: `${device.manufacturer} ${device.model}`,
                department: ref.departmentLabel(device.departmentId),
              }),
            };
          })
        }
      >
        <ScanField id="handover-tag" value={station.tag} onChange={station.setTag} inputRef={station.inputRef} error={station.fieldErrors.assetTag} />
        <div className="checkbox-field">
          <input
            id="handover-replaces"
            type="checkbox"
            checked={replaces}
            onChange={(e) => setReplaces(e.target.checked)}
            aria-describedby="handover-replaces-hint"
          />
          <label htmlFor="handover-replaces">{t('handOver.replaces')}</label>
          <p id="handover-replaces-hint" className="hint">
            {t('handOver.replacesHint')}
          </p>
          {station.fieldErrors.replacesNewPurchase && <p className="field-error">{station.fieldErrors.replacesNewPurchase}</p>}
        </div>
        <ScanSubmit label={t('handOver.submit')} busy={station.busy} />
      </form>
      <ScanResult outcome={station.last} />
      <RecentScans items={station.recent} />
    </>
  );
}
