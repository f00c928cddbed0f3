/**
 * The one way a service changes a device: ask the lifecycle table, refuse with its code, or write the
 * device in its new state together with the trail event saying who, when and where.
 */
import { randomUUID } from 'node:crypto';
import { chooseAction, decide, needsSanitization, type Action, type GuardFacts } from '../../shared/lifecycle';
import type { Device, DeviceStatus, Location, NewTrailEvent, TrailEvent } from '../../shared/schemas';
import { actorDepartmentId, actorRole, actorSnapshot, nowIso, todayOf, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { StoreReads, StoreTx } from '../store/store';

type BaseKeys = 'id' | 'deviceId' | 'at' | 'actor' | 'locationId' | 'locationName';
/** A trail event's own fields (its type and details); runStep adds who, when and where. */
export type EventBody = NewTrailEvent extends infer E ? (E extends NewTrailEvent ? Omit<E, BaseKeys> : never) : never;

/**
 * Decides `action` for `device` with the facts from the store, and returns the state to move to.
 * @throws AppError with the refusal code of the lifecycle table (TRANSITION_NOT_ALLOWED, SANITIZATION_REQUIRED, …)
 */
export async function requireStep(
  ctx: ServiceContext,
  reads: StoreReads,
  device: Device,
  action: Action,
  extra: Partial<GuardFacts> = {},
): Promise<DeviceStatus> {
  const decision = decide(action, await gatherFacts(ctx, reads, device, [action], extra));
  if (!decision.ok) {
    throw new AppError(
      decision.code,
      { action, status: device.status, assetTag: device.assetTag, day: device.availableFrom },
      `${action} refused for ${device.assetTag} in ${device.status}: ${decision.code}`,
    );
  }
  return decision.to;
}

/**
 * Of several actions that start from the same request (reserve, or ask for approval), the one the lifecycle
 * table allows on the facts from the store (see chooseAction); runStep then refuses it if none is allowed.
 */
export async function chooseStep<A extends Action>(
  ctx: ServiceContext,
  reads: StoreReads,
  device: Device,
  candidates: readonly [A, ...A[]],
  extra: Partial<GuardFacts> = {},
): Promise<A> {
  return chooseAction(candidates, await gatherFacts(ctx, reads, device, candidates, extra));
}

/** The facts the table decides `actions` on: the device, who acts, and the sanitization record only when a guard reads it. */
async function gatherFacts(
  ctx: ServiceContext,
  reads: StoreReads,
  device: Device,
  actions: readonly Action[],
  extra: Partial<GuardFacts>,
): Promise<GuardFacts> {
  const sanitization = device.sanitizationId && actions.some(needsSanitization) ? await reads.getSanitization(device.sanitizationId) : undefined;
  return { device, sanitization, actorRole: actorRole(ctx.actor), actorDepartmentId: actorDepartmentId(ctx.actor), today: todayOf(ctx), ...extra };
}

export interface StepOptions {
  /** Changes to the device besides its state (owner, shelf, condition …). */
  patch?: Partial<Device>;
  event: EventBody;
  facts?: Partial<GuardFacts>;
  /** Where it happened; the device's location after the step unless said. */
  locationId?: string;
}

/**
 * Runs a lifecycle action inside a transaction: the table decides, then the device is written in its new
 * state and the event appended to its trail.
 * @throws the refusal codes of requireStep, NOT_FOUND (location)
 */
export async function runStep(
  ctx: ServiceContext,
  tx: StoreTx,
  device: Device,
  action: Action,
  options: StepOptions,
): Promise<{ device: Device; event: TrailEvent }> {
  const to = await requireStep(ctx, tx, device, action, options.facts);
  const at = nowIso(ctx.clock);
  const next: Device = { ...device, ...options.patch, status: to, updatedAt: at };
  const location = await tx.getLocation(options.locationId ?? next.locationId);
  if (!location) throw notFound('location', options.locationId ?? next.locationId);
  tx.putDevice(next);
  const event = await appendTrailEvent(ctx, tx, { deviceId: device.id, at, location, body: options.event });
  return { device: { ...next, trailLength: event.seq }, event };
}

/** Steps run between two turns of the event loop in a long run: about 10 ms. */
export const STEPS_PER_TURN = 100;

/**
 * Lets the event loop turn after every STEPS_PER_TURN-th step of a long run (collecting or certifying a
 * batch of 5,000). The transaction stays whole (the store's queue holds every other transaction back);
 * requests that only read are answered meanwhile from the state as it was before.
 */
export async function turnAfter(stepIndex: number): Promise<void> {
  if (stepIndex % STEPS_PER_TURN === STEPS_PER_TURN - 1) await nextTurn();
}

/** One turn of the event loop, between two long stretches of a long run. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Appends one event to a device's trail with who acted, when and where. runStep uses it for every state
 * change; a device's first event (its report or import) is written with it directly.
 */
export async function appendTrailEvent(
  ctx: ServiceContext,
  tx: StoreTx,
  e: { deviceId: string; at: string; location: Location; body: EventBody },
): Promise<TrailEvent> {
  return tx.appendEvent({
    id: randomUUID(),
    deviceId: e.deviceId,
    at: e.at,
    actor: actorSnapshot(ctx.actor),
    locationId: e.location.id,
    locationName: e.location.name,
    ...e.body,
  } as NewTrailEvent); // why: EventBody plus the base fields is exactly one NewTrailEvent variant
}

export async function deviceById(reads: StoreReads, id: string): Promise<Device> {
  const d = await reads.getDevice(id);
  if (!d) throw notFound('device', id);
  return d;
}

export async function deviceByTag(reads: StoreReads, assetTag: string): Promise<Device> {
  const d = await reads.getDeviceByTag(assetTag);
  if (!d) throw notFound('device', assetTag);
  return d;
}

export async function locationById(reads: StoreReads, id: string): Promise<Location> {
  const l = await reads.getLocation(id);
  if (!l) throw notFound('location', id);
  return l;
}

/** A shelf or the warehouse itself: where the warehouse keeps devices. @throws NOT_FOUND, NOT_A_WAREHOUSE_LOCATION */
export async function warehouseLocation(reads: StoreReads, id: string): Promise<Location> {
  const shelf = await locationById(reads, id);
  if (shelf.kind === 'site') {
    throw new AppError('NOT_A_WAREHOUSE_LOCATION', { location: shelf.name }, undefined, { locationId: 'choose_shelf' });
  }
  return shelf;
}
