/**
 * This session's scans at the station, newest first: waiting, running, done (linking to the device) or failed
 * with the reason. Successes are capped to the last few; a failure stays until acknowledged (see ScanQueue).
 * A scan that was taken back says so, and its undo has a row of its own.
 */
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n';
import { devicePath, href } from '../router';
import type { ScanItem, ScanState } from '../scanning/scan-queue';

const MARK: Record<ScanState, string> = { queued: '…', running: '⟳', done: '✓', failed: '✕' };
const UNDO_MARK = '↶';
const STATE_KEY: Record<ScanState, MessageKey> = {
  queued: 'scan.stateQueued',
  running: 'scan.stateRunning',
  done: 'scan.stateDone',
  failed: 'scan.stateFailed',
};

export function RecentScans({ items }: { items: readonly ScanItem[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="recent-scans" aria-labelledby="recent-scans-title">
      <h2 id="recent-scans-title">{t('scan.recent')}</h2>
      <ol>
        {items.map((s) => (
          <li
            key={s.n}
            className={`scan-${s.state}${s.kind === 'undo' ? ' scan-undo' : ''}${s.undo === 'undone' ? ' scan-undone' : ''}`}
            data-testid="scan-row"
            data-tag={s.label}
            data-state={s.state}
            data-n={s.n}
            data-kind={s.kind}
            data-undone={s.undo === 'undone' ? 'true' : undefined}
            data-unsent={s.unsent ? 'true' : undefined}
          >
            <span className="recent-mark" aria-hidden="true">
              {s.undo === 'undone' || (s.kind === 'undo' && s.state === 'done') ? UNDO_MARK : MARK[s.state]}
            </span>
            {s.deviceId ? (
              <a className="mono" href={href(devicePath(s.deviceId))}>
                {s.label}
              </a>
            ) : (
              <span className="mono">{s.label || t('common.none')}</span>
            )}
            <span className="recent-state">{t(s.undo === 'undone' ? 'scan.stateUndone' : s.unsent ? 'scan.stateUnsent' : STATE_KEY[s.state])}</span>
            {s.text && <span className="recent-text">{s.text}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
