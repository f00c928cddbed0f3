/** Picks the screen for the current hash route, within what the person's role may see. */
import { useEffect, type ReactNode } from 'react';
import type { User } from '../../shared/schemas';
import { href, type Route } from '../router';
import { screenByPath, screensFor, type ScreenId } from '../screens';
import { AllDevices } from '../screens/AllDevices';
import { CheckIn } from '../screens/CheckIn';
import { DevicePage } from '../screens/DevicePage';
import { Forbidden } from '../screens/Forbidden';
import { HandOver } from '../screens/HandOver';
import { Marketplace } from '../screens/Marketplace';
import { MyReservations } from '../screens/MyReservations';
import { NotFound } from '../screens/NotFound';
import { ReportDevice } from '../screens/ReportDevice';

const SCREEN_COMPONENTS: Record<ScreenId, () => ReactNode> = {
  marketplace: () => <Marketplace />,
  report: () => <ReportDevice />,
  reservations: () => <MyReservations />,
  checkIn: () => <CheckIn />,
  handOver: () => <HandOver />,
  allDevices: () => <AllDevices />,
};

export function RouteView({ route, user }: { route: Route; user: User }) {
  const home = screensFor(user.role)[0]?.path ?? '/marketplace';
  const atRoot = route.segments.length === 0;

  useEffect(() => {
    if (atRoot) window.location.replace(href(home));
  }, [atRoot, home]);

  if (atRoot) return null;
  if (route.segments[0] === 'devices' && route.segments.length === 2 && route.segments[1]) {
    return <DevicePage key={route.segments[1]} id={route.segments[1]} />;
  }
  const screen = screenByPath(route.path);
  if (!screen) return <NotFound path={route.path} />;
  if (!screen.roles.includes(user.role)) return <Forbidden role={user.role} />;
  return <div key={`${screen.id}:${route.query.get('tag') ?? ''}`}>{SCREEN_COMPONENTS[screen.id]()}</div>;
}
