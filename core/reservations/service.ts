/** Reservations: first reservation wins, one holder at a time; cancel or expiry puts the device back. */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import type { Device, Reservation } from '../../shared/schemas';
import { SYSTEM_ACTOR, actorSnapshot, nowIso, requireUser, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { deviceById, locationById, runStep } from '../lifecycle/step';
import type { StoreTx } from '../store/store';
import { countReservation } from '../wanted/service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Ends an active reservation (cancelled or expired): the device goes back on the marketplace. */
async function endReservation(
  ctx: ServiceContext,
  tx: StoreTx,
  reservation: Reservation,
  device: Device,
  how: 'cancelled' | 'expired',
): Promise<Reservation> {
  const step = await runStep(ctx, tx, device, how === 'cancelled' ? 'cancelReservation' : 'expireReservation', {
    facts: { reservationDepartmentId: reservation.departmentId },
    event: {
      type: how === 'cancelled' ? 'reservation_cancelled' : 'reservation_expired',
      reservationId: reservation.id,
      departmentId: reservation.departmentId,
    },
  });
  const ended: Reservation = { ...reservation, status: how, endedAt: step.event.at };
  tx.putReservation(ended);
  return ended;
}

/**
 * Reserve a listed device for the caller's administration, to go to one of its sites. Checked and written in
 * one transaction, so two departments can never hold the same device.
 * @throws NOT_FOUND, RESERVED_BY_OTHER, TRANSITION_NOT_ALLOWED, NOT_OWN_DEPARTMENT, NOT_A_RECEIVING_SITE
 */
export async function createReservation(ctx: ServiceContext, input: ProcedureArgs<'reservations.create'>): Promise<Reservation> {
  return ctx.store.transaction(async (tx) => {
    const user = requireUser(ctx.actor);
    const departmentId = input.departmentId ?? user.departmentId;
    if (departmentId !== user.departmentId && user.role !== 'admin') throw new AppError('NOT_OWN_DEPARTMENT');
    const department = await tx.getDepartment(departmentId);
    if (!department) throw notFound('department', departmentId);
    const site = await locationById(tx, input.locationId);
    if (site.kind !== 'site' || site.departmentId !== departmentId) {
      throw new AppError('NOT_A_RECEIVING_SITE', { location: site.name, department: department.name }, undefined, {
        locationId: 'receiving_site',
      });
    }
    const device = await deviceById(tx, input.deviceId);
    const held = await tx.activeReservation(device.id);
    if (held) {
      const holder = await tx.getDepartment(held.departmentId);
      throw new AppError(
        'RESERVED_BY_OTHER',
        { assetTag: device.assetTag, department: holder ? `${holder.name} (${holder.code})` : held.departmentId },
        `${device.assetTag} already reserved by ${held.departmentId}`,
      );
    }
    const settings = await tx.getSettings();
    const now = ctx.clock.now();
    const reservation: Reservation = {
      id: randomUUID(),
      deviceId: device.id,
      departmentId,
      locationId: site.id,
      reservedBy: actorSnapshot(ctx.actor),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + settings.reservationDays * DAY_MS).toISOString(),
      status: 'active',
    };
    await runStep(ctx, tx, device, 'reserve', {
      event: { type: 'reserved', reservationId: reservation.id, departmentId, expiresAt: reservation.expiresAt },
    });
    tx.putReservation(reservation);
    await countReservation(tx, device.id, departmentId);
    return reservation;
  });
}

/**
 * Cancel an active reservation; the device goes back on the marketplace.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, NOT_OWN_DEPARTMENT
 */
export async function cancelReservation(ctx: ServiceContext, input: ProcedureArgs<'reservations.cancel'>): Promise<Reservation> {
  return ctx.store.transaction(async (tx) => {
    const reservation = await tx.getReservation(input.reservationId);
    if (!reservation) throw notFound('reservation', input.reservationId);
    const device = await deviceById(tx, reservation.deviceId);
    if (reservation.status !== 'active') {
      throw new AppError('TRANSITION_NOT_ALLOWED', {
        action: 'cancelReservation',
        status: device.status,
        assetTag: device.assetTag,
      });
    }
    return endReservation(ctx, tx, reservation, device, 'cancelled');
  });
}

/** Expires every active reservation whose time is up; returns how many. Runs as the system. */
export async function expireDueReservations(ctx: Omit<ServiceContext, 'actor'>): Promise<number> {
  const sys: ServiceContext = { ...ctx, actor: SYSTEM_ACTOR };
  const due = await ctx.store.dueReservations(nowIso(ctx.clock));
  let expired = 0;
  for (const candidate of due) {
    const done = await ctx.store.transaction(async (tx) => {
      const reservation = await tx.getReservation(candidate.id);
      const device = reservation && (await tx.getDevice(reservation.deviceId));
      if (!reservation || !device || reservation.status !== 'active' || reservation.expiresAt > nowIso(ctx.clock)) {
        return false; // handed over or cancelled meanwhile
      }
      await endReservation(sys, tx, reservation, device, 'expired');
      return true;
    });
    if (done) expired++;
  }
  return expired;
}

/** Reservations with their devices, newest first. */
export async function searchReservations(
  ctx: ServiceContext,
  input: ProcedureArgs<'reservations.search'>,
): Promise<{ items: { reservation: Reservation; device: Device }[] }> {
  const user = requireUser(ctx.actor);
  // A department contact sees their own administration's reservations only: they name its staff and sites.
  let { departmentId } = input;
  if (user.role === 'department_contact') {
    if (departmentId !== undefined && departmentId !== user.departmentId) throw new AppError('NOT_OWN_DEPARTMENT');
    departmentId = user.departmentId;
  }
  const reservations = await ctx.store.searchReservations({ ...input, departmentId });
  const items: { reservation: Reservation; device: Device }[] = [];
  for (const reservation of reservations) {
    const device = await ctx.store.getDevice(reservation.deviceId);
    if (device) items.push({ reservation, device });
  }
  return { items };
}
