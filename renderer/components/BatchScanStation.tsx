/**
 * The scan station of an open batch: each scan puts one device into the batch (or, in the other mode, takes it
 * out), through the same queue, focus and wedge handling as every other station (use-scan-station.ts). Adding
 * and taking out are each other's inverse, so the last scan can be undone.
 */
import { useEffect, useState } from 'react';
import type { Batch } from '../../shared/schemas';
import { client } from '../api/instance';
import { useT } from '../i18n';
import { useScanStation, type PreparedScan } from '../use-scan-station';
import { RecentScans } from './RecentScans';
import { ScanField } from './ScanField';
import { ScanResult } from './ScanResult';
import { ScanSubmit } from './ScanSubmit';

type Mode = 'add' | 'remove';

/**
 * The batch the station's session queue last scanned for. The queue is one per station for the whole session;
 * on another batch's page its earlier scans (and their undo) belong to a different container, so they go.
 */
let queueBatchId: string | undefined;

export function BatchScanStation({ batch, onSettled }: { batch: Pick<Batch, 'id' | 'number'>; onSettled(): void }) {
  const t = useT();
  const [mode, setMode] = useState<Mode>('add');

  const put = async (tag: string) => {
    const { device, batchNumber } = await client.call('batches.addDevice', { batchId: batch.id, tag });
    return { device, text: t('batch.added', { tag: device.assetTag, model: `${device.manufacturer} ${device.model}`, batch: batchNumber }) };
  };
  const takeOut = async (tag: string) => {
    const { device, batchNumber } = await client.call('batches.removeDevice', { batchId: batch.id, tag });
    return { device, text: t('batch.removed', { tag: device.assetTag, batch: batchNumber }) };
  };

  // The mode is read when the tag is scanned: a scan queued behind others does what was chosen for it.
  const prepare = (assetTag: string): PreparedScan => {
    const adding = mode === 'add';
    return {
      run: async () => {
        const { device, text } = adding ? await put(assetTag) : await takeOut(assetTag);
        return {
          deviceId: device.id,
          text,
          undo: async () => {
            const back = adding ? await takeOut(device.assetTag) : await put(device.assetTag);
            return { deviceId: device.id, text: t(adding ? 'batch.undoneAdd' : 'batch.undoneRemove', { tag: back.device.assetTag, batch: batch.number }) };
          },
        };
      },
    };
  };
  const station = useScanStation('batch', '', prepare);

  const { clear } = station;
  useEffect(() => {
    if (queueBatchId !== undefined && queueBatchId !== batch.id) clear();
    queueBatchId = batch.id;
  }, [batch.id, clear]);

  // The batch's counts, weights and device list follow the station once a burst of scans is over.
  const settled = station.settledDone;
  useEffect(() => {
    if (settled > 0) onSettled();
  }, [settled, onSettled]);

  const chooseMode = (next: Mode) => {
    setMode(next);
    station.inputRef.current?.focus();
  };

  return (
    <section className="card" aria-labelledby="batch-scan-title" data-testid="batch-scan">
      <h2 id="batch-scan-title">{t('batch.scanTitle')}</h2>
      <p className="hint">{t('batch.scanIntro')}</p>
      <form {...station.formProps}>
        <fieldset className="fieldset">
          <legend>{t('batch.mode')}</legend>
          <div className="radio-row scan-mode">
            {(['add', 'remove'] as const).map((m) => (
              <label key={m} className="radio" htmlFor={`batch-mode-${m}`}>
                <input type="radio" name="batch-mode" id={`batch-mode-${m}`} checked={mode === m} onChange={() => chooseMode(m)} />
                {t(m === 'add' ? 'batch.modeAdd' : 'batch.modeRemove')}
              </label>
            ))}
          </div>
        </fieldset>
        <ScanField id="batch-tag" station={station} />
        <ScanSubmit label={t(mode === 'add' ? 'batch.modeAdd' : 'batch.modeRemove')} busy={station.view.pending > 0} />
      </form>
      <ScanResult station={station} />
      <RecentScans items={station.view.items} />
    </section>
  );
}
