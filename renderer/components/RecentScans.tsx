/** The last few scans at this station, newest first, each linking to its device. */
import { useT } from '../i18n';
import { devicePath, href } from '../router';
import type { ScanOutcome } from '../use-scan-station';

export function RecentScans({ items }: { items: ScanOutcome[] }) {
  const t = useT();
  if (items.length === 0) return null;
  return (
    <section className="recent-scans" aria-labelledby="recent-scans-title">
      <h2 id="recent-scans-title">{t('scan.recent')}</h2>
      <ol>
        {items.map((s) => (
          <li key={s.n} className={s.ok ? 'ok' : 'failed'}>
            <span className="recent-mark" aria-hidden="true">
              {s.ok ? '✓' : '✕'}
            </span>
            {s.deviceId ? (
              <a className="mono" href={href(devicePath(s.deviceId))}>
                {s.tag}
              </a>
            ) : (
              <span className="mono">{s.tag || t('common.none')}</span>
            )}
            <span className="recent-text">{s.text}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
