/**
 * A scan station's state at a glance: how many scans wait and how many are done, the failures not yet
 * acknowledged (a count that stays until the person presses the button), and the big banner of the scan that
 * ended last, green with the device or red with the reason. At a station that offers it, the undo button.
 */
import { useT } from '../i18n';
import type { ScanStation } from '../use-scan-station';
import { Banner } from './Banner';
import { UndoLastScan } from './UndoLastScan';

export function ScanResult({ station }: { station: ScanStation }) {
  const t = useT();
  const { view } = station;
  const { last } = view;
  return (
    <div className="scan-result">
      {(view.items.length > 0 || view.done > 0) && (
        <p className="scan-tally">
          <span data-testid="scan-pending">{t('scan.pending', { count: view.pending })}</span>
          <span data-testid="scan-done">{t('scan.doneCount', { count: view.done })}</span>
        </p>
      )}
      {view.failed > 0 && (
        <Banner kind="error" testId="scan-failures">
          <p className="scan-failures-count">{t(view.failed === 1 ? 'scan.failedOne' : 'scan.failedMany', { count: view.failed })}</p>
          <button type="button" className="button button-secondary" onClick={station.acknowledge}>
            {t('scan.acknowledge')}
          </button>
        </Banner>
      )}
      {view.unsent > 0 && (
        <Banner kind="error" testId="scan-unsent">
          <p>{t(view.unsent === 1 ? 'scan.unsentOne' : 'scan.unsentMany', { count: view.unsent })}</p>
          <button type="button" className="button button-primary" onClick={station.resend}>
            {t('scan.resend')}
          </button>
        </Banner>
      )}
      {station.undo && <UndoLastScan undo={station.undo} />}
      {last && (
        <Banner key={last.n} kind={last.state === 'done' ? 'success' : 'error'} testId="scan-result">
          <p className="scan-result-text">{last.text}</p>
        </Banner>
      )}
    </div>
  );
}
