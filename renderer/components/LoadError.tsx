/** A failed load: the core's message and a way to try again. */
import { errorText } from '../api/instance';
import { useI18n } from '../i18n';
import { Banner } from './Banner';

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Banner kind="error">
      <p>{errorText(error, t('common.unexpectedError'), locale)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Banner>
  );
}
