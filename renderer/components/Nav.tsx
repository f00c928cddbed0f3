/** The main menu: only the screens this role can use (see screens.tsx for the rule). */
import type { Role } from '../../shared/schemas';
import { useT } from '../i18n';
import { href } from '../router';
import { menuFor } from '../screens';

export function Nav({ role, currentPath }: { role: Role; currentPath: string }) {
  const t = useT();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {menuFor(role).map((s) => {
          const current = currentPath === s.path;
          return (
            <li key={s.id}>
              <a href={href(s.path)} aria-current={current ? 'page' : undefined} className={current ? 'active' : undefined}>
                {t(s.navKey)}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
