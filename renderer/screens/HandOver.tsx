/** Udlevér: scan a reserved device at pick-up; the reserving administration becomes its owner. */
import { useState } from 'react';
import { client } from '../api/instance';
import { RecentScans } from '../components/RecentScans';
import { WaitingReservations } from '../components/WaitingReservations';
import { ScanField } from '../components/ScanField';
import { ScanResult } from '../components/ScanResult';
import { ScanSubmit } from '../components/ScanSubmit';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { useScanStation, type PreparedScan } from '../use-scan-station';

export function HandOver() {
  const t = useT();
  const ref = useReference();
  const { query } = useRoute();
  // why remembered: at a pick-up the warehouse hands over several devices for the same order in a row
  const [replaces, setReplacesState] = useState(() => readStored('local', STORAGE_KEYS.handOverReplaces) === 'true');
  const setReplaces = (on: boolean) => {
    setReplacesState(on);
    writeStored('local', STORAGE_KEYS.handOverReplaces, on ? 'true' : undefined);
  };

  // Who collects: kept for the pick-up (several devices in a row), cleared when the person leaves the page.
  const [pickedUpBy, setPickedUpBy] = useState(() => readStored('session', STORAGE_KEYS.handOverPickedUpBy) ?? '');
  const changePickedUpBy = (name: string) => {
    setPickedUpBy(name);
    writeStored('session', STORAGE_KEYS.handOverPickedUpBy, name || undefined);
  };

  // The box and the name are read when the tag is scanned: a scan queued behind others keeps the choice made for it.
  const prepare = (assetTag: string): PreparedScan => {
    const replacesNewPurchase = replaces;
    const collector = pickedUpBy.trim() || undefined;
    return {
      run: async () => {
        const device = await client.call('devices.handOver', { assetTag, replacesNewPurchase, pickedUpBy: collector });
        return {
          deviceId: device.id,
          text: t('handOver.success', {
            tag: device.assetTag,
            model: `${device.manufacturer} ${device.model}`,
            department: ref.departmentLabel(device.departmentId),
          }),
        };
      },
    };
  };
  const station = useScanStation('handOver', query.get('tag') ?? '', prepare);

  return (
    <>
      <h1>{t('handOver.title')}</h1>
      <p className="lead">{t('handOver.intro')}</p>
      <form {...station.formProps}>
        <div className="field">
          <label htmlFor="handover-picked-up-by">
            {t('handOver.pickedUpBy')} <span className="optional">{t('common.optional')}</span>
          </label>
          <input
            id="handover-picked-up-by"
            type="text"
            value={pickedUpBy}
            onChange={(e) => changePickedUpBy(e.target.value)}
            autoComplete="off"
            maxLength={200}
          />
        </div>
        <ScanField id="handover-tag" station={station} />
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
            {t('handOver.replacesHint')} {t('handOver.replacesRemembered')}
          </p>
        </div>
        <ScanSubmit label={t('handOver.submit')} busy={station.view.pending > 0} />
      </form>
      <ScanResult station={station} />
      <RecentScans items={station.view.items} />
      <WaitingReservations refreshKey={station.settledDone} />
    </>
  );
}
