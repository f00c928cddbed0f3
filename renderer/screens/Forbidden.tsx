/** A screen this role does not use (the menu hides it; a typed or old link can still lead here). */
import type { Role } from '../../shared/schemas';
import { useT } from '../i18n';
import { roleKey } from '../labels';
import { href } from '../router';

export function Forbidden({ role }: { role: Role }) {
  const t = useT();
  return (
    <>
      <h1>{t('forbidden.title')}</h1>
      <p role="alert">{t('forbidden.body', { role: t(roleKey(role)) })}</p>
      <p>
        <a href={href('/marketplace')}>{t('notFound.home')}</a>
      </p>
    </>
  );
}
