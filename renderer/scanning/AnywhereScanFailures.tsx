/**
 * Scans made away from a station that could not open their device (unknown tag, no access). They stay in the
 * corner of the screen, whatever page the person is on, until acknowledged; a lookup still running is shown too.
 */
import { useSyncExternalStore } from 'react';
import { Banner } from '../components/Banner';
import { useT } from '../i18n';
import type { ScanQueue } from './scan-queue';

export function AnywhereScanFailures({ queue }: { queue: ScanQueue }) {
  const t = useT();
  const view = useSyncExternalStore(queue.subscribe, queue.view);
  const failures = view.items.filter((i) => i.state === 'failed' && !i.acknowledged);
  const pending = view.items.filter((i) => i.state === 'queued' || i.state === 'running');
  if (failures.length === 0 && pending.length === 0) return null;
  return (
    <aside className="anywhere-scans" aria-label={t('scan.anywhereTitle')} data-testid="anywhere-scans">
      {pending.length > 0 && (
        <p className="anywhere-pending" role="status">
          {t('scan.anywhereOpening', { tags: pending.map((i) => i.label).join(', ') })}
        </p>
      )}
      {failures.length > 0 && (
        <Banner kind="error">
          <ul className="anywhere-failures">
            {failures.map((f) => (
              <li key={f.n} data-testid="anywhere-failure" data-tag={f.label}>
                {f.text}
              </li>
            ))}
          </ul>
          <button type="button" className="button button-secondary" onClick={() => queue.acknowledge()}>
            {t('scan.acknowledge')}
          </button>
        </Banner>
      )}
    </aside>
  );
}
