/** The signed-in frame: header, menu and the current screen. */
import { useEffect } from 'react';
import { useT } from '../i18n';
import { useRoute } from '../router';
import { matchScreen } from '../screens';
import { useSession, useUser } from '../session-context';
import { Header } from './Header';
import { Nav } from './Nav';
import { RouteView } from './RouteView';

export function Layout() {
  const t = useT();
  const user = useUser();
  const { signOut } = useSession();
  const route = useRoute();
  const navKey = matchScreen(route.path)?.screen.navKey;

  useEffect(() => {
    document.title = navKey ? `${t(navKey)} · ${t('app.name')}` : t('app.name');
  }, [navKey, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      <Header user={user} onSwitchProfile={signOut} />
      <Nav role={user.role} currentPath={route.path} />
      <main className="page" id="main" tabIndex={-1}>
        <RouteView route={route} user={user} />
      </main>
    </div>
  );
}
