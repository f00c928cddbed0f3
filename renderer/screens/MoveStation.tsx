/** Flyt til hylde: choose the shelf, then every scan moves that device there; the last moves can be undone. */
import { useState } from 'react';
import { client } from '../api/instance';
import { RecentScans } from '../components/RecentScans';
import { ScanField } from '../components/ScanField';
import { ScanResult } from '../components/ScanResult';
import { ScanSubmit } from '../components/ScanSubmit';
import { ShelfSelect, useShelves } from '../components/ShelfSelect';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { useScanStation, type PreparedScan } from '../use-scan-station';

export function MoveStation() {
  const t = useT();
  const ref = useReference();
  const { query } = useRoute();
  const { shelves, isShelf } = useShelves();
  // why remembered: a person moving stock fills one shelf at a time, often over several visits
  const [shelf, setShelfState] = useState(() => {
    const last = readStored('local', STORAGE_KEYS.moveShelf);
    return isShelf(last) ? (last ?? '') : shelves.length === 1 ? (shelves[0]?.id ?? '') : '';
  });
  const setShelf = (id: string) => {
    setShelfState(id);
    writeStored('local', STORAGE_KEYS.moveShelf, id || undefined);
  };

  // The shelf is read when the tag is scanned: a scan queued behind others goes where it was meant to.
  const prepare = (assetTag: string): PreparedScan => {
    if (!shelf) return { refuse: t('move.chooseFirst', { tag: assetTag }), fieldErrors: { locationId: t('validation.required') } };
    const locationId = shelf;
    return {
      run: async () => {
        const { device, fromLocationId } = await client.call('devices.move', { assetTag, locationId });
        return {
          deviceId: device.id,
          text: t('move.success', {
            tag: device.assetTag,
            model: `${device.manufacturer} ${device.model}`,
            from: ref.locationName(fromLocationId),
            to: ref.locationName(device.locationId),
          }),
          // The inverse: back to where the scan found it, marked on the trail as taking back the move.
          undo: async () => {
            const back = await client.call('devices.move', { assetTag: device.assetTag, locationId: fromLocationId, undo: true });
            return { deviceId: device.id, text: t('move.undone', { tag: device.assetTag, location: ref.locationName(back.device.locationId) }) };
          },
        };
      },
    };
  };
  const station = useScanStation('move', query.get('tag') ?? '', prepare);

  return (
    <>
      <h1>{t('move.title')}</h1>
      <p className="lead">{t('move.intro')}</p>
      <form {...station.formProps}>
        <div className="form-grid">
          <ShelfSelect id="move-shelf" label={t('move.shelf')} value={shelf} onChange={setShelf} error={station.fieldErrors.locationId} />
        </div>
        <ScanField id="move-tag" station={station} />
        <ScanSubmit label={t('move.submit')} busy={station.view.pending > 0} />
      </form>
      <ScanResult station={station} />
      <RecentScans items={station.view.items} />
    </>
  );
}
