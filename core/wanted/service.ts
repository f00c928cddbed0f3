/**
 * Wanted requests ("efterlysninger") and notifications: a contact saves what their administration needs; when a
 * device that matches is listed, the requesting contact is notified in the same transaction as the listing; a
 * reservation of a device they were told of counts towards the request's quantity.
 */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import type { Device } from '../../shared/schemas';
import { requestsMatching, wantedStateOn, type Notification, type WantedRequest } from '../../shared/wanted';
import { actorSnapshot, nowIso, requireUser, todayOf, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import type { StoreTx } from '../store/store';


/** The administration a contact acts for; an admin may name another. @throws NOT_OWN_DEPARTMENT, NOT_FOUND */
async function actingDepartment(ctx: ServiceContext, named: string | undefined): Promise<string> {
  const user = requireUser(ctx.actor);
  const departmentId = named ?? user.departmentId;
  if (departmentId !== user.departmentId && user.role !== 'admin') throw new AppError('NOT_OWN_DEPARTMENT');
  if (!(await ctx.store.getDepartment(departmentId))) throw notFound('department', departmentId);
  return departmentId;
}

/**
 * Save a wanted request for the caller's administration (an admin may name another).
 * @throws WANTED_ENDS_PAST (field endsOn), NOT_OWN_DEPARTMENT, NOT_FOUND
 */
export async function createWanted(ctx: ServiceContext, input: ProcedureArgs<'wanted.create'>): Promise<WantedRequest> {
  const today = todayOf(ctx);
  if (input.endsOn < today) throw new AppError('WANTED_ENDS_PAST', { day: today }, undefined, { endsOn: 'not_before_today' });
  const departmentId = await actingDepartment(ctx, input.departmentId);
  const request: WantedRequest = {
    id: randomUUID(),
    departmentId,
    filter: input.filter,
    ...(input.text ? { text: input.text } : {}),
    quantity: input.quantity,
    endsOn: input.endsOn,
    status: 'open',
    createdBy: actorSnapshot(ctx.actor),
    createdAt: nowIso(ctx.clock),
    reservedDeviceIds: [],
  };
  await ctx.store.transaction(async (tx) => tx.putWantedRequest(request));
  return request;
}

/** Wanted requests with their state today: a contact's administration's, or every one for an admin. */
export async function listWanted(ctx: ServiceContext): Promise<ProcedureOutput<'wanted.list'>> {
  const user = requireUser(ctx.actor);
  const requests = await ctx.store.listWantedRequests(user.role === 'admin' ? undefined : user.departmentId);
  const today = todayOf(ctx);
  return { items: requests.map((request) => ({ request, state: wantedStateOn(request, today) })) };
}

/**
 * Close a wanted request so it stops matching; closing a closed one changes nothing.
 * @throws NOT_FOUND, NOT_OWN_DEPARTMENT (a contact closing another administration's)
 */
export async function closeWanted(ctx: ServiceContext, input: ProcedureArgs<'wanted.close'>): Promise<WantedRequest> {
  const user = requireUser(ctx.actor);
  return ctx.store.transaction(async (tx) => {
    const request = await tx.getWantedRequest(input.id);
    if (!request) throw notFound('wantedRequest', input.id);
    if (request.departmentId !== user.departmentId && user.role !== 'admin') throw new AppError('NOT_OWN_DEPARTMENT');
    if (request.status === 'closed') return request;
    const closed: WantedRequest = { ...request, status: 'closed', closedAt: nowIso(ctx.clock) };
    tx.putWantedRequest(closed);
    return closed;
  });
}

/**
 * Inside the listing's transaction: one notification per contact whose open request matches the just-listed
 * device (two of one contact's requests matching still make one). Reads only the requests of the device's
 * category and those naming none (the store's index). Returns the notifications written.
 */
export async function notifyMatches(ctx: ServiceContext, tx: StoreTx, device: Device): Promise<Notification[]> {
  const matching = requestsMatching(device, await tx.openWantedRequests(device.category), todayOf(ctx));
  const byUser = new Map<string, WantedRequest>();
  // The oldest request of a contact names the notification: the one they have waited on longest.
  for (const r of matching.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) if (!byUser.has(r.createdBy.id)) byUser.set(r.createdBy.id, r);
  const createdAt = nowIso(ctx.clock);
  const written: Notification[] = [];
  for (const [userId, request] of byUser) {
    const n: Notification = {
      id: randomUUID(),
      userId,
      kind: 'wanted_match',
      deviceId: device.id,
      assetTag: device.assetTag,
      title: `${device.manufacturer} ${device.model}`,
      requestId: request.id,
      createdAt,
    };
    tx.putNotification(n);
    written.push(n);
  }
  return written;
}

/**
 * Inside a reservation's transaction: the reserving administration's requests that told of this device count it
 * once towards their quantity (a cancelled and repeated reservation of the same device still counts once).
 */
export async function countReservation(tx: StoreTx, deviceId: string, departmentId: string): Promise<void> {
  const told = new Set((await tx.notificationsForDevice(deviceId)).map((n) => n.requestId));
  for (const id of told) {
    const request = await tx.getWantedRequest(id);
    if (!request || request.departmentId !== departmentId || request.reservedDeviceIds.includes(deviceId)) continue;
    tx.putWantedRequest({ ...request, reservedDeviceIds: [...request.reservedDeviceIds, deviceId] });
  }
}

/** The caller's notifications, newest first, and how many are unread. */
export async function listNotifications(ctx: ServiceContext, input: ProcedureArgs<'notifications.list'>): Promise<ProcedureOutput<'notifications.list'>> {
  const user = requireUser(ctx.actor);
  const [items, unread] = await Promise.all([ctx.store.listNotifications(user.id, input.limit), ctx.store.unreadNotifications(user.id)]);
  return { items, unread };
}

/** How many of the caller's notifications are unread. */
export async function unreadCount(ctx: ServiceContext): Promise<ProcedureOutput<'notifications.unreadCount'>> {
  return { unread: await ctx.store.unreadNotifications(requireUser(ctx.actor).id) };
}

/**
 * Mark the caller's notifications read: the given ones (another person's ids are ignored), or all.
 * @throws UNAUTHENTICATED
 */
export async function markRead(ctx: ServiceContext, input: ProcedureArgs<'notifications.markRead'>): Promise<ProcedureOutput<'notifications.markRead'>> {
  const user = requireUser(ctx.actor);
  const at = nowIso(ctx.clock);
  await ctx.store.transaction(async (tx) => {
    const chosen = input.ids
      ? await Promise.all(input.ids.map((id) => tx.getNotification(id)))
      : await ctx.store.listNotifications(user.id, Number.MAX_SAFE_INTEGER);
    for (const n of chosen) if (n && n.userId === user.id && n.readAt === undefined) tx.putNotification({ ...n, readAt: at });
  });
  return { unread: await ctx.store.unreadNotifications(user.id) };
}
