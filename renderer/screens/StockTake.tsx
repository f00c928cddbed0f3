/**
 * Lageroptælling: choose a shelf, scan everything on it, finish → the report (expected, found, missing,
 * unexpected, unknown). The count lives in this window (stock-take-count.ts) until it is discarded or a new
 * one starts, so a reload in the middle of a shelf, or a look at a device page, loses nothing.
 */
import { useState, useSyncExternalStore, type FormEvent } from 'react';
import { ShelfSelect, useShelves } from '../components/ShelfSelect';
import { StockTakeCounting } from '../components/StockTakeCounting';
import { StockTakeReport } from '../components/StockTakeReport';
import { useT } from '../i18n';
import { useReference } from '../reference-context';
import { useStationQueue } from '../scanning/ScannerProvider';
import { stockTakeCount } from '../stock-take-count';

export function StockTake() {
  const t = useT();
  const ref = useReference();
  const { isShelf } = useShelves();
  const queue = useStationQueue('stockTake');
  const count = useSyncExternalStore(stockTakeCount.subscribe, stockTakeCount.get);
  const [shelf, setShelf] = useState('');
  const [shelfError, setShelfError] = useState<string | undefined>(undefined);

  function start(e: FormEvent): void {
    e.preventDefault();
    if (!isShelf(shelf)) {
      setShelfError(t('validation.required'));
      return;
    }
    // A new count starts with an empty scan list: the last count's scans can no longer be taken back.
    queue.clear();
    stockTakeCount.start(shelf);
  }

  function discard(): void {
    queue.clear();
    stockTakeCount.discard();
  }

  // A count of a place the reference data no longer has (removed since) cannot be compared: start afresh.
  const current = count && ref.location(count.locationId) ? count : undefined;

  return (
    <>
      <h1>{t('stockTake.title')}</h1>
      {!current && (
        <>
          <p className="lead">{t('stockTake.intro')}</p>
          <form className="form scan-form" noValidate onSubmit={start}>
            <div className="form-grid">
              <ShelfSelect
                id="stocktake-shelf"
                label={t('stockTake.shelf')}
                value={shelf}
                onChange={(id) => {
                  setShelf(id);
                  setShelfError(undefined);
                }}
                error={shelfError}
              />
            </div>
            <div className="button-row">
              <button type="submit" className="button button-primary button-large">
                {t('stockTake.start')}
              </button>
            </div>
          </form>
        </>
      )}
      {current && !current.finished && <StockTakeCounting count={current} onDiscard={discard} />}
      {current?.finished && <StockTakeReport count={current} onContinue={() => stockTakeCount.reopen()} onNew={discard} />}
    </>
  );
}
