/**
 * Udlevér: scan a reserved device at pick-up; the reserving administration becomes its owner. Who collects it, the
 * receiving unit and the acceptance (signed on paper, or a signature drawn on screen) are filled in once for the
 * pick-up and used for each device scanned; after each hand-over its receipt can be saved as a PDF.
 */
import { useState } from 'react';
import type { HandOverAcceptance } from '../../shared/handover';
import { client } from '../api/instance';
import { Field } from '../components/Field';
import { HandOverReceipt } from '../components/HandOverReceipt';
import { RecentScans } from '../components/RecentScans';
import { ScanField } from '../components/ScanField';
import { ScanResult } from '../components/ScanResult';
import { ScanSubmit } from '../components/ScanSubmit';
import { SignaturePad } from '../components/SignaturePad';
import { WaitingReservations } from '../components/WaitingReservations';
import { fieldA11y, type FieldErrors } from '../form-errors';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useRoute } from '../router';
import { readStored, STORAGE_KEYS, writeStored } from '../storage';
import { useScanStation, type PreparedScan } from '../use-scan-station';

type AcceptanceKind = HandOverAcceptance['kind'];

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
  const [unitId, setUnitId] = useState('');
  const [kind, setKind] = useState<AcceptanceKind>('paper');
  // The drawn signature (base64 PNG); never stored in the browser: it belongs to this pick-up only.
  const [signature, setSignature] = useState<string | undefined>();
  const [lastHandedOver, setLastHandedOver] = useState<{ deviceId: string; tag: string } | undefined>();

  // Everything is read when the tag is scanned: a scan queued behind others keeps the choices made for it.
  const prepare = (assetTag: string): PreparedScan => {
    const missing: FieldErrors = {};
    const collector = pickedUpBy.trim();
    if (!collector) missing.pickedUpBy = t('handOver.needName');
    if (!unitId) missing.unitId = t('handOver.needUnit');
    if (kind === 'drawn' && !signature) missing['acceptance.signaturePng'] = t('handOver.needSignature');
    if (Object.keys(missing).length > 0) return { refuse: t('handOver.incomplete', { tag: assetTag }), fieldErrors: missing };
    const input = {
      assetTag,
      replacesNewPurchase: replaces,
      pickedUpBy: collector,
      unitId,
      acceptance: kind === 'drawn' && signature ? { kind, signaturePng: signature } : { kind: 'paper' as const },
    };
    return {
      run: async () => {
        const device = await client.call('devices.handOver', input);
        setLastHandedOver({ deviceId: device.id, tag: device.assetTag });
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
  const station = useScanStation('handOver', query.get('tag') ?? '', prepare, {
    pickedUpBy: 'handover-picked-up-by',
    unitId: 'handover-unit',
    'acceptance.signaturePng': 'handover-signature',
  });
  const fe = station.fieldErrors;

  return (
    <>
      <h1>{t('handOver.title')}</h1>
      <p className="lead">{t('handOver.intro')}</p>
      <form {...station.formProps}>
        <div className="form-grid">
          <Field id="handover-picked-up-by" label={t('handOver.pickedUpByName')} error={fe.pickedUpBy} required>
            <input
              {...fieldA11y('handover-picked-up-by', { error: fe.pickedUpBy })}
              type="text"
              value={pickedUpBy}
              onChange={(e) => changePickedUpBy(e.target.value)}
              autoComplete="off"
              maxLength={200}
              aria-required
            />
          </Field>
          <Field id="handover-unit" label={t('handOver.unit')} hint={t('handOver.unitHint')} error={fe.unitId} required>
            <select
              {...fieldA11y('handover-unit', { hint: true, error: fe.unitId })}
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              aria-required
            >
              <option value="">{t('handOver.unitChoose')}</option>
              {ref.departments.map((d) => (
                <optgroup key={d.id} label={ref.departmentLabel(d.id)}>
                  {ref.units
                    .filter((u) => u.departmentId === d.id)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </Field>
        </div>
        <fieldset className="fieldset">
          <legend>{t('handOver.acceptance')}</legend>
          <div className="radio-row">
            {(['paper', 'drawn'] as const).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="handover-acceptance" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(k === 'paper' ? 'handOver.acceptancePaper' : 'handOver.acceptanceDrawn')}
              </label>
            ))}
          </div>
          {kind === 'drawn' && <SignaturePad id="handover-signature" onChange={setSignature} error={fe['acceptance.signaturePng']} />}
        </fieldset>
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
      {/* Keyed by the device, so a new hand-over starts without the last one's note. */}
      {lastHandedOver && (
        <HandOverReceipt
          key={lastHandedOver.deviceId}
          id="handover-receipt"
          deviceId={lastHandedOver.deviceId}
          label={t('handOver.receiptFor', { tag: lastHandedOver.tag })}
        />
      )}
      <RecentScans items={station.view.items} />
      <WaitingReservations refreshKey={station.settledDone} />
    </>
  );
}
