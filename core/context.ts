/** What every service gets: the store, a clock, and who is acting. Easy to build in a test. */
import type { ActorSnapshot, Department, User } from '../shared/schemas';
import type { Store } from './store/store';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type Actor = { kind: 'user'; user: User; department: Department | undefined } | { kind: 'system' };

export interface ServiceContext {
  store: Store;
  clock: Clock;
  actor: Actor;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system' };

export function actorSnapshot(actor: Actor): ActorSnapshot {
  if (actor.kind === 'system') return { id: 'system', name: 'Kredsløb', role: 'system' };
  return {
    id: actor.user.id,
    name: actor.user.name,
    role: actor.user.role,
    departmentId: actor.user.departmentId,
    departmentCode: actor.department?.code,
  };
}

export function actorRole(actor: Actor) {
  return actor.kind === 'system' ? ('system' as const) : actor.user.role;
}

export function actorDepartmentId(actor: Actor): string | undefined {
  return actor.kind === 'system' ? undefined : actor.user.departmentId;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}
