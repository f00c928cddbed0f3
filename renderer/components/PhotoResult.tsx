/** What became of the photos just added: how many were saved, and each refused one named with its reason. */
import { errorMessage } from '../../shared/messages';
import { useI18n } from '../i18n';
import type { PhotoUpload } from '../photos';
import { Banner } from './Banner';

export function PhotoResult({ result, takeFocus = false }: { result: PhotoUpload; takeFocus?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <>
      {result.saved > 0 && (
        <Banner kind="success" testId="photos-saved">
          {t('photos.saved', { count: result.saved })}
        </Banner>
      )}
      {result.refused.length > 0 && (
        <Banner kind="error" testId="photos-refused" takeFocus={takeFocus}>
          <p>{t('photos.refused')}</p>
          <ul>
            {result.refused.map((r, i) => (
              <li key={`${i}-${r.fileName}`} data-testid="photo-refusal">
                {errorMessage(r.code, r.params, locale)}
              </li>
            ))}
          </ul>
        </Banner>
      )}
    </>
  );
}
