/**
 * A stock-take under way: every scan goes through the station's queue onto this window's count (a tag scanned
 * twice counts once); the last scans can be taken back. Finishing shows the report.
 */
import { useState } from 'react';
import { STOCK_TAKE_MAX_TAGS } from '../../shared/contract';
import { useI18n } from '../i18n';
import { useReference } from '../reference-context';
import { ScanRefused } from '../scanning/scan-failure';
import { stockTakeCount, type StockTakeCount } from '../stock-take-count';
import { useScanStation, type PreparedScan } from '../use-scan-station';
import { RecentScans } from './RecentScans';
import { ScanField } from './ScanField';
import { ScanResult } from './ScanResult';
import { ScanSubmit } from './ScanSubmit';

export function StockTakeCounting({ count, onDiscard }: { count: StockTakeCount; onDiscard(): void }) {
  const { t, tPlural } = useI18n();
  const ref = useReference();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const location = ref.locationName(count.locationId);

  const prepare = (assetTag: string): PreparedScan => ({
    run: async () => {
      const outcome = stockTakeCount.add(assetTag);
      if (outcome === 'full') throw new ScanRefused(t('stockTake.full', { max: STOCK_TAKE_MAX_TAGS, tag: assetTag }));
      if (outcome === 'again') return { text: t('stockTake.countedAgain', { tag: assetTag }) };
      return {
        text: t('stockTake.counted', { tag: assetTag }),
        undo: async () => {
          stockTakeCount.remove(assetTag);
          return { text: t('stockTake.uncounted', { tag: assetTag }) };
        },
      };
    },
  });
  const station = useScanStation('stockTake', '', prepare);

  return (
    <>
      <h2>{t('stockTake.counting', { location })}</h2>
      <p className="hint">{t('stockTake.countingHint')}</p>
      <form {...station.formProps}>
        <ScanField id="stocktake-tag" station={station} />
        <p className="stocktake-total" data-testid="stocktake-total" aria-live="polite">
          {tPlural('stockTake.total', count.tags.length)}
        </p>
        <ScanSubmit label={t('stockTake.submit')} busy={station.view.pending > 0} />
      </form>
      <ScanResult station={station} />
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={station.view.pending > 0} onClick={() => stockTakeCount.finish()}>
          {t('stockTake.finish')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setConfirmingDiscard(true)} aria-expanded={confirmingDiscard}>
          {t('stockTake.discard')}
        </button>
      </div>
      {confirmingDiscard && (
        <div className="confirm-panel" role="group" aria-labelledby="stocktake-discard-question">
          <p id="stocktake-discard-question">{t('stockTake.discardConfirm', { location })}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={onDiscard}>
              {t('stockTake.discardYes')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setConfirmingDiscard(false);
                station.inputRef.current?.focus();
              }}
            >
              {t('stockTake.discardNo')}
            </button>
          </div>
        </div>
      )}
      <RecentScans items={station.view.items} />
    </>
  );
}
