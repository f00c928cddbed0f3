/** The top bar: app name, who is working (name, role, administration), camera scanning and the profile and language switches. */
import type { User } from '../../shared/schemas';
import { useT } from '../i18n';
import { roleKey } from '../labels';
import { useReference } from '../reference-context';
import { href } from '../router';
import { useSession } from '../session-context';
import { CameraScanButton } from './CameraScanButton';
import { ConnectionMode } from './ConnectionMode';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';

export function Header({ user, onSwitchProfile }: { user: User; onSwitchProfile: () => void }) {
  const t = useT();
  const shared = useSession().methods?.mode === 'shared';
  const ref = useReference();
  return (
    <header className="app-header">
      <a className="brand" href={href('/')}>
        <span className="brand-mark" aria-hidden="true">
          ↻
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </a>
      <div className="header-right">
        <ConnectionMode />
        <div className="user-info" data-testid="current-user">
          <span className="user-name">{user.name}</span>
          <span className="user-meta">
            {t(roleKey(user.role))} · <abbr title={ref.departmentName(user.departmentId)}>{ref.departmentCode(user.departmentId)}</abbr>
          </span>
        </div>
        <NotificationBell />
        <CameraScanButton />
        <LanguageSwitch />
        {shared && (
          <a className="button button-ghost" href={href('/account')}>
            {t('header.account')}
          </a>
        )}
        <button type="button" className="button button-ghost" onClick={onSwitchProfile}>
          {shared ? t('header.signOut') : t('header.switchProfile')}
        </button>
      </div>
    </header>
  );
}
