/** A device state as a coloured badge; data-status carries the code so tests need not know the language. */
import type { DeviceStatus } from '../../shared/schemas';
import { useT } from '../i18n';
import { statusKey } from '../labels';

export function StatusBadge({ status, testId }: { status: DeviceStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge-${status}`} data-status={status} data-testid={testId}>
      {t(statusKey(status))}
    </span>
  );
}
