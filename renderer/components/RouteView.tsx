/** Shows the screen for the current hash route (screens.tsx), within what the person's role may open. */
import { useEffect } from 'react';
import type { User } from '../../shared/schemas';
import { leaveRoot, type Route } from '../router';
import { matchScreen, mayOpen, menuFor } from '../screens';
import { Forbidden } from '../screens/Forbidden';
import { NotFound } from '../screens/NotFound';

export function RouteView({ route, user }: { route: Route; user: User }) {
  const home = menuFor(user.role)[0]?.path ?? '/marketplace';
  const atRoot = route.segments.length === 0;

  useEffect(() => {
    if (atRoot) leaveRoot(home);
  }, [atRoot, home]);

  if (atRoot) return null;
  const match = matchScreen(route.path);
  if (!match) return <NotFound path={route.path} />;
  if (!mayOpen(user.role, match.screen)) return <Forbidden role={user.role} />;
  // key: a new address (another device, another scanned tag) starts the screen afresh
  return <div key={`${route.path}:${route.query.get('tag') ?? ''}`}>{match.screen.render(match.params)}</div>;
}
