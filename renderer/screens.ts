/**
 * Which screens exist, where they live and which roles see them. The core enforces every rule anyway;
 * this only keeps a person's menu to what they can actually do.
 */
import type { MessageKey } from '../shared/i18n';
import type { Role } from '../shared/schemas';

export const SCREEN_IDS = ['marketplace', 'report', 'reservations', 'checkIn', 'handOver', 'allDevices'] as const;
export type ScreenId = (typeof SCREEN_IDS)[number];

export interface ScreenDef {
  id: ScreenId;
  path: string;
  navKey: MessageKey;
  roles: readonly Role[];
}

export const SCREENS: readonly ScreenDef[] = [
  { id: 'marketplace', path: '/marketplace', navKey: 'nav.marketplace', roles: ['department_contact', 'warehouse', 'sustainability', 'admin'] },
  { id: 'report', path: '/report', navKey: 'nav.report', roles: ['department_contact', 'admin'] },
  { id: 'reservations', path: '/reservations', navKey: 'nav.reservations', roles: ['department_contact', 'admin'] },
  { id: 'checkIn', path: '/check-in', navKey: 'nav.checkIn', roles: ['warehouse', 'admin'] },
  { id: 'handOver', path: '/hand-over', navKey: 'nav.handOver', roles: ['warehouse', 'admin'] },
  { id: 'allDevices', path: '/devices', navKey: 'nav.allDevices', roles: ['warehouse', 'sustainability', 'admin'] },
];

export function screensFor(role: Role): ScreenDef[] {
  return SCREENS.filter((s) => s.roles.includes(role));
}

export function screenByPath(path: string): ScreenDef | undefined {
  return SCREENS.find((s) => s.path === path);
}

export function pathOf(id: ScreenId): string {
  const s = SCREENS.find((x) => x.id === id);
  if (!s) throw new Error(`No screen ${id}`);
  return s.path;
}
