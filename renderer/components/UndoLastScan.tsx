/**
 * "Fortryd sidste scanning" at a station whose action has an inverse: names the scan it would take back, and
 * says that Ctrl+Z does the same. Pressed again, it goes one scan further back.
 */
import { useT } from '../i18n';
import type { ScanStation } from '../use-scan-station';

export function UndoLastScan({ undo }: { undo: NonNullable<ScanStation['undo']> }) {
  const t = useT();
  const { target } = undo;
  return (
    <div className="undo-last-scan">
      <button type="button" className="button button-secondary" data-testid="undo-last-scan" disabled={!target} onClick={undo.run}>
        <span aria-hidden="true">↶ </span>
        {target ? t('scan.undoLast', { tag: target.label }) : t('scan.undoNothing')}
      </button>
      <p className="hint">{t('scan.undoShortcut')}</p>
    </div>
  );
}
