/** What every service gets: the store, a clock, and who is acting. Easy to build in a test. */
import type { ActorRole } from '../shared/lifecycle';
import type { ActorSnapshot, Department, User } from '../shared/schemas';
import { AppError } from './errors';
import { copenhagenDay } from '../shared/days';
import type { Store } from './store/store';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Who is acting: a signed-in person; the system (scheduled work such as reservation expiry); or an anonymous
 * caller of a public procedure (the profile picker), who has no role and may not change anything.
 */
export type Actor =
  | { kind: 'user'; user: User; department: Department | undefined }
  | { kind: 'system' }
  | { kind: 'anonymous' };

export interface ServiceContext {
  store: Store;
  clock: Clock;
  actor: Actor;
}

export const SYSTEM_ACTOR: Actor = { kind: 'system' };
export const ANONYMOUS_ACTOR: Actor = { kind: 'anonymous' };

/** The signed-in person, or UNAUTHENTICATED for the system or an anonymous caller. @throws UNAUTHENTICATED */
export function requireUser(actor: Actor): User {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return actor.user;
}

/** Who acted, as the trail keeps it. @throws UNAUTHENTICATED for an anonymous caller (it may not write) */
export function actorSnapshot(actor: Actor): ActorSnapshot {
  if (actor.kind === 'system') return { id: 'system', name: 'Kredsløb', role: 'system' };
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return {
    id: actor.user.id,
    name: actor.user.name,
    role: actor.user.role,
    departmentId: actor.user.departmentId,
    departmentCode: actor.department?.code,
  };
}

/** The role the lifecycle table checks; an anonymous caller has none. */
export function actorRole(actor: Actor): ActorRole | undefined {
  if (actor.kind === 'anonymous') return undefined;
  return actor.kind === 'system' ? 'system' : actor.user.role;
}

export function actorDepartmentId(actor: Actor): string | undefined {
  return actor.kind === 'user' ? actor.user.departmentId : undefined;
}

export function nowIso(clock: Clock): string {
  return clock.now().toISOString();
}

/** The day it is in Copenhagen (YYYY-MM-DD): what "available from" and a wanted request's end day are compared with. */
export function todayOf(ctx: Pick<ServiceContext, 'clock'>): string {
  return copenhagenDay(ctx.clock.now());
}
