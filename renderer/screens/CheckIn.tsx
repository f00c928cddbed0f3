/** Modtag på lager: scan a reported device in, with its condition grade and shelf. */
import { useState } from 'react';
import { CONDITIONS, type Condition } from '../../shared/schemas';
import { client } from '../api/instance';
import { CheckInPhotos } from '../components/CheckInPhotos';
import { Field } from '../components/Field';
import { ShelfSelect, useShelves } from '../components/ShelfSelect';
import { PickupList } from '../components/PickupList';
import { RecentScans } from '../components/RecentScans';
import { ScanField } from '../components/ScanField';
import { ScanResult } from '../components/ScanResult';
import { ScanSubmit } from '../components/ScanSubmit';
import { fieldA11y, type FieldErrors } from '../form-errors';
import { useT } from '../i18n';
import { memberOf } from '../member-of';
import { conditionKey } from '../labels';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { useScanStation, type PreparedScan } from '../use-scan-station';

export function CheckIn() {
  const t = useT();
  const ref = useReference();
  const { query } = useRoute();
  const { shelves, isShelf } = useShelves();

  const [condition, setCondition] = useState<Condition | ''>('');
  const [shelf, setShelfState] = useState(() => {
    const last = readStored('local', STORAGE_KEYS.lastShelf);
    return last && isShelf(last) ? last : shelves.length === 1 ? (shelves[0]?.id ?? '') : '';
  });
  const setShelf = (id: string) => {
    setShelfState(id);
    writeStored('local', STORAGE_KEYS.lastShelf, id || undefined);
  };

  // Condition and shelf are read when the tag is scanned: a scan queued behind others keeps the choice made for it.
  const prepare = (assetTag: string): PreparedScan => {
    const missing: FieldErrors = {};
    if (!condition) missing.condition = t('validation.required');
    if (!shelf) missing.locationId = t('validation.required');
    if (!condition || !shelf) return { refuse: t('checkIn.chooseFirst', { tag: assetTag }), fieldErrors: missing };
    const grade = condition;
    const locationId = shelf;
    return {
      run: async () => {
        const device = await client.call('devices.checkIn', { assetTag, condition: grade, locationId });
        return {
          deviceId: device.id,
          text: t('checkIn.success', {
            tag: device.assetTag,
            model: `${device.manufacturer} ${device.model}`,
            condition: t(conditionKey(device.condition ?? grade)),
            shelf: ref.locationName(device.locationId),
          }),
        };
      },
    };
  };
  const station = useScanStation('checkIn', query.get('tag') ?? '', prepare, { condition: 'checkin-condition', locationId: 'checkin-shelf' });

  const fe = station.fieldErrors;

  return (
    <>
      <h1>{t('checkIn.title')}</h1>
      <p className="lead">{t('checkIn.intro')}</p>
      <form {...station.formProps}>
        <div className="form-grid">
          <Field id="checkin-condition" label={t('checkIn.condition')} error={fe.condition} required>
            <select
              {...fieldA11y('checkin-condition', { error: fe.condition })}
              value={condition}
              onChange={(e) => setCondition(memberOf(CONDITIONS, e.target.value) ?? '')}
              aria-required
            >
              <option value="">{t('checkIn.chooseCondition')}</option>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(conditionKey(c))}
                </option>
              ))}
            </select>
          </Field>
          <ShelfSelect id="checkin-shelf" label={t('checkIn.shelf')} value={shelf} onChange={setShelf} error={fe.locationId} />
        </div>
        <ScanField id="checkin-tag" station={station} />
        <ScanSubmit label={t('checkIn.submit')} busy={station.view.pending > 0} />
      </form>
      <ScanResult station={station} />
      {station.view.last?.state === 'done' && station.view.last.deviceId && !station.view.last.undoOf && (
        <CheckInPhotos key={station.view.last.n} deviceId={station.view.last.deviceId} assetTag={station.view.last.label} />
      )}
      <RecentScans items={station.view.items} />
      <PickupList condition={condition} shelf={shelf} refreshKey={station.settledDone} />
    </>
  );
}
