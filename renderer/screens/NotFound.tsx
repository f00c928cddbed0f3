/** An address that is not a screen. */
import { useT } from '../i18n';
import { href } from '../router';

export function NotFound({ path }: { path: string }) {
  const t = useT();
  return (
    <>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path })}</p>
      <p>
        <a href={href('/marketplace')}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
