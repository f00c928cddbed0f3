/** Across the top of every page while the server cannot be reached; gone at the first answer after (reachability.ts). */
import { useSyncExternalStore } from 'react';
import { reachability } from '../api/instance';
import { useT } from '../i18n';
import { Banner } from './Banner';

export function ServerUnreachableBanner() {
  const t = useT();
  const down = useSyncExternalStore(reachability.subscribe, reachability.isDown);
  if (!down) return null;
  return (
    <div className="server-unreachable">
      <Banner kind="error" testId="server-unreachable">
        <p>{t('connection.unreachableBanner')}</p>
      </Banner>
    </div>
  );
}
