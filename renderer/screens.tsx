/**
 * The one table of screens: address, menu entry, component, and the procedures each one calls.
 *
 * Who sees a screen comes from the contract, not from a role list here: a screen is shown to the roles that
 * may call its primary procedure (contract[primary].roles), the thing the screen is for. Usually that is
 * the procedure the screen calls to do its job ("Anmeld overskud" → devices.report, so the warehouse sees it
 * too). "Mine reservationer" lists and cancels the reservations one's administration made, so it is for
 * those who may reserve (reservations.create), although reserving itself happens on the device page.
 * Every role that sees a screen may call every procedure in its `calls` (screens.test.tsx). The core
 * enforces each rule anyway; this keeps a person's menu to what they can actually do.
 */
import type { ReactNode } from 'react';
import type { ProcedureName } from '../shared/contract';
import type { MessageKey } from '../shared/i18n';
import type { Role } from '../shared/schemas';
import { mayCall } from './may-call';
import { AllDevices } from './screens/AllDevices';
import { BatchPage } from './screens/BatchPage';
import { Batches } from './screens/Batches';
import { CheckIn } from './screens/CheckIn';
import { DevicePage } from './screens/DevicePage';
import { Ewaste } from './screens/Ewaste';
import { Factors } from './screens/Factors';
import { HandOver } from './screens/HandOver';
import { Labels } from './screens/Labels';
import { Marketplace } from './screens/Marketplace';
import { MoveStation } from './screens/MoveStation';
import { MyReservations } from './screens/MyReservations';
import { Recyclers } from './screens/Recyclers';
import { ReportDevice } from './screens/ReportDevice';
import { Stats } from './screens/Stats';
import { StatsDevices } from './screens/StatsDevices';
import { StatsMethod } from './screens/StatsMethod';
import { StockTake } from './screens/StockTake';
import { Notifications } from './screens/Notifications';
import { Wanted } from './screens/Wanted';
import { Organisation } from './screens/Organisation';
// Settings screen (issue 12, wt-setup).
import { Settings } from './screens/Settings';
// Import of registers (issue 12).
import { ImportDevices } from './screens/ImportDevices';
// Min konto (issue 13, wt-account).
import { Account } from './screens/Account';

export interface ScreenDef {
  id: string;
  /** "/check-in"; a ":name" segment takes any one segment as a parameter ("/devices/:id"). */
  path: string;
  /** The main-menu entry; a screen without one is reached by links (the device page). */
  navKey?: MessageKey;
  /** The procedure the screen is for: the roles that may call it see the screen. */
  primary: ProcedureName;
  /** Every procedure the screen itself calls. */
  calls: readonly ProcedureName[];
  render(params: Readonly<Record<string, string>>): ReactNode;
}

export const SCREENS = [
  { id: 'marketplace', path: '/marketplace', navKey: 'nav.marketplace', primary: 'marketplace.search', calls: ['marketplace.search'], render: () => <Marketplace /> },
  { id: 'report', path: '/report', navKey: 'nav.report', primary: 'devices.report', calls: ['devices.report'], render: () => <ReportDevice /> },
  {
    id: 'reservations',
    path: '/reservations',
    navKey: 'nav.reservations',
    primary: 'reservations.create',
    calls: ['reservations.search', 'reservations.cancel', 'reservations.approve', 'reservations.reject'],
    render: () => <MyReservations />,
  },
  { id: 'checkIn', path: '/check-in', navKey: 'nav.checkIn', primary: 'devices.checkIn', calls: ['devices.checkIn'], render: () => <CheckIn /> },
  { id: 'handOver', path: '/hand-over', navKey: 'nav.handOver', primary: 'devices.handOver', calls: ['devices.handOver'], render: () => <HandOver /> },
  { id: 'move', path: '/move', navKey: 'nav.move', primary: 'devices.move', calls: ['devices.move'], render: () => <MoveStation /> },
  {
    id: 'stockTake',
    path: '/stock-take',
    navKey: 'nav.stockTake',
    primary: 'stocktake.compare',
    // "Registrér som flyttet hertil" moves each unexpected device through devices.move.
    calls: ['stocktake.compare', 'devices.move'],
    render: () => <StockTake />,
  },
  // The sustainability team reads the suggestions and the queue; the routing controls show only to those who may route.
  { id: 'ewaste', path: '/ewaste', navKey: 'nav.ewaste', primary: 'ewaste.suggestions', calls: ['ewaste.suggestions', 'devices.search'], render: () => <Ewaste /> },
  // The sustainability team reads batches too; "Nyt affaldsparti" shows only to those who may call batches.create.
  { id: 'batches', path: '/batches', navKey: 'nav.batches', primary: 'batches.search', calls: ['batches.search'], render: () => <Batches /> },
  // The steps that change a batch (scan, seal, collect, certificate) show only to the roles that may call them.
  {
    id: 'batch',
    path: '/batches/:id',
    primary: 'batches.get',
    calls: ['batches.get', 'devices.search', 'recyclers.list', 'batches.attachment'],
    render: ({ id = '' }) => <BatchPage id={id} />,
  },
  // The register is the administrators' (recyclers.save); the warehouse picks a recycler on the batch page.
  {
    id: 'recyclers',
    path: '/recyclers',
    navKey: 'nav.recyclers',
    primary: 'recyclers.save',
    calls: ['recyclers.list', 'recyclers.save'],
    render: () => <Recyclers />,
  },
  // The sustainability team, the warehouse and admins read the table; the edit form shows only to those who may call stats.factors.save.
  { id: 'factors', path: '/factors', navKey: 'nav.factors', primary: 'stats.factors.get', calls: ['stats.factors.get'], render: () => <Factors /> },
  // Statistics: the sustainability team's and admins' (stats.summary); every figure links to its devices (stats.devices).
  { id: 'stats', path: '/stats', navKey: 'nav.stats', primary: 'stats.summary', calls: ['stats.summary'], render: () => <Stats /> },
  { id: 'statsDevices', path: '/stats/devices', primary: 'stats.devices', calls: ['stats.devices'], render: () => <StatsDevices /> },
  { id: 'statsMethod', path: '/stats/method', primary: 'stats.summary', calls: [], render: () => <StatsMethod /> },
  // A selection of the results can be printed as QR labels.
  {
    id: 'allDevices',
    path: '/devices',
    navKey: 'nav.allDevices',
    primary: 'devices.search',
    calls: ['devices.search', 'labels.pdf'],
    render: () => <AllDevices />,
  },
  // Pre-printed labels: the screen is for reserving new tags, so those who may do that see it.
  { id: 'labels', path: '/labels', navKey: 'nav.labels', primary: 'tags.allocate', calls: ['tags.allocate', 'labels.pdf'], render: () => <Labels /> },
  // The device page's buttons come from the actions devices.get returns for this person; anyone may print its label.
  // The WEEE category select (devices.setWeeeCategory), its batch section (batches.get) and the disposal certificate
  // (devices.disposalCertificate) appear only to the roles that may call them (mayCall), so they are not among the
  // calls every viewer must be allowed.
  {
    id: 'device',
    path: '/devices/:id',
    primary: 'devices.get',
    calls: ['devices.get', 'labels.pdf'],
    render: ({ id = '' }) => <DevicePage id={id} />,
  },
  // Wanted requests and notifications (issue 11): contacts (and admins) keep requests; everyone has notifications.
  {
    id: 'wanted',
    path: '/wanted',
    navKey: 'nav.wanted',
    primary: 'wanted.create',
    calls: ['wanted.create', 'wanted.list', 'wanted.close'],
    render: () => <Wanted />,
  },
  { id: 'notifications', path: '/notifications', primary: 'notifications.list', calls: ['notifications.list', 'notifications.markRead'], render: () => <Notifications /> },
  // Admin screens for reference data (issue 12, wt-admin): one menu entry with tabs, for those who may keep people.
  {
    id: 'organisation',
    path: '/organisation',
    navKey: 'nav.organisation',
    primary: 'users.save',
    calls: ['users.list', 'departments.save', 'units.save', 'units.remove', 'locations.save', 'locations.remove', 'users.save', 'users.setActive', 'admin.audit'],
    render: () => <Organisation />,
  },
  // Settings (issue 12, wt-setup): the admins' (settings.save); each administration's approval through departments.setApproval.
  {
    id: 'settings',
    path: '/settings',
    navKey: 'nav.settings',
    primary: 'settings.save',
    calls: ['settings.get', 'settings.save', 'departments.setApproval', 'users.list', 'reference.get'],
    render: () => <Settings />,
  },
  // Import of registers (issue 12): administrators import a register file (import.start is what the screen is for).
  {
    id: 'import',
    path: '/import',
    navKey: 'nav.import',
    primary: 'import.start',
    calls: ['import.analyze', 'import.dryRun', 'import.start', 'import.progress', 'import.cancel', 'import.saveMapping'],
    render: () => <ImportDevices />,
  },
  // Min konto (issue 13, wt-account): everyone's, reached from the header; in shared mode it changes one's own password.
  { id: 'account', path: '/account', primary: 'auth.changePassword', calls: ['auth.changePassword'], render: () => <Account /> },
] as const satisfies readonly ScreenDef[];

export { mayCall };

export type ScreenId = (typeof SCREENS)[number]['id'];
const ALL: readonly ScreenDef[] = SCREENS;


export function mayOpen(role: Role, screen: ScreenDef): boolean {
  return mayCall(role, screen.primary);
}

/** The main-menu entries of a role, in table order; the first is its home. */
export function menuFor(role: Role): (ScreenDef & { navKey: MessageKey })[] {
  return ALL.filter((s): s is ScreenDef & { navKey: MessageKey } => s.navKey !== undefined && mayOpen(role, s));
}

/** The screen at a path, with its parameters ("/devices/abc" → device, { id: "abc" }). */
export function matchScreen(path: string): { screen: ScreenDef; params: Record<string, string> } | undefined {
  const segments = path.split('/').filter((s) => s.length > 0);
  for (const screen of ALL) {
    const pattern = screen.path.split('/').filter((s) => s.length > 0);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((p, i) => {
      const seg = segments[i] ?? '';
      if (p.startsWith(':')) params[p.slice(1)] = seg;
      return p.startsWith(':') || p === seg;
    });
    if (fits) return { screen, params };
  }
  return undefined;
}

export function pathOf(id: ScreenId): string {
  const s = ALL.find((x) => x.id === id);
  if (!s) throw new Error(`No screen ${id}`);
  return s.path;
}
