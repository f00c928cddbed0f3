/** Switch between Danish and English; the button names the other language in that language. */
import { useI18n } from '../i18n';

export function LanguageSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <button
      type="button"
      className="button button-ghost"
      lang={t('header.switchLanguageLang')}
      onClick={() => setLocale(locale === 'da' ? 'en' : 'da')}
    >
      {t('header.switchLanguage')}
    </button>
  );
}
