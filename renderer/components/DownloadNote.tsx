/** What became of a download: the file's name once saved, or why the core refused it. */
import { useI18n } from '../i18n';
import type { DownloadOutcome } from '../use-download';
import { Banner } from './Banner';

export function DownloadNote({ outcome, testId }: { outcome: DownloadOutcome | undefined; testId: string }) {
  const { t } = useI18n();
  if (!outcome) return null;
  return outcome.ok ? (
    <Banner kind="success" testId={testId}>
      {t('doc.downloaded', { file: outcome.fileName })}
    </Banner>
  ) : (
    <Banner kind="error" testId={testId}>
      {outcome.message}
    </Banner>
  );
}
