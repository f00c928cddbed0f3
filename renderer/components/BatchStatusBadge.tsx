/** A disposal batch's status as a badge; data-status carries the code so tests need not know the language. */
import type { BatchStatus } from '../../shared/schemas';
import { useT } from '../i18n';
import { batchStatusKey } from '../labels';

export function BatchStatusBadge({ status, testId }: { status: BatchStatus; testId?: string }) {
  const t = useT();
  return (
    <span className={`badge badge-batch-${status}`} data-status={status} data-testid={testId}>
      {t(batchStatusKey(status))}
    </span>
  );
}
