/** Reservations: first reservation wins, one holder at a time; cancel or expiry puts the device back. */
import { randomUUID } from 'node:crypto';
import type { ProcedureArgs } from '../../shared/contract';
import type { Action, GuardFacts } from '../../shared/lifecycle';
import { HOLDING_RESERVATION_STATUSES, holdsDevice, type Department, type Device, type HoldingReservationStatus, type Reservation, type Settings } from '../../shared/schemas';
import { SYSTEM_ACTOR, actorSnapshot, nowIso, requireUser, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { chooseStep, deviceById, locationById, runStep, type EventBody } from '../lifecycle/step';
import type { StoreReads, StoreTx } from '../store/store';
import { countReservation } from '../wanted/service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How a holding reservation ends: the lifecycle action, the reservation's new status and the trail event. */
interface Ending {
  action: 'cancelReservation' | 'expireReservation' | 'expireApproval' | 'rejectReservation';
  status: Reservation['status'];
  event: (r: Reservation) => EventBody;
}

const CANCELLED: Ending = {
  action: 'cancelReservation',
  status: 'cancelled',
  event: (r) => ({ type: 'reservation_cancelled', reservationId: r.id, departmentId: r.departmentId }),
};

/** The sweep's ending for each holding status: a reservation runs out; a request nobody approved in time lapses. */
const EXPIRY: Record<HoldingReservationStatus, Ending> = {
  active: {
    action: 'expireReservation',
    status: 'expired',
    event: (r) => ({ type: 'reservation_expired', reservationId: r.id, departmentId: r.departmentId }),
  },
  pending: {
    action: 'expireApproval',
    status: 'expired',
    event: (r) => ({ type: 'approval_expired', reservationId: r.id, departmentId: r.departmentId }),
  },
};

/** Ends a reservation that holds the device (cancelled, expired, rejected): the device goes back on the marketplace. */
async function endReservation(
  ctx: ServiceContext,
  tx: StoreTx,
  reservation: Reservation,
  device: Device,
  ending: Ending,
  facts: Partial<GuardFacts> = {},
): Promise<Reservation> {
  const step = await runStep(ctx, tx, device, ending.action, {
    facts: { reservationDepartmentId: reservation.departmentId, ...facts },
    event: ending.event(reservation),
  });
  const ended: Reservation = { ...reservation, status: ending.status, endedAt: step.event.at };
  tx.putReservation(ended);
  return ended;
}

/**
 * How each way of reserving starts: reserving holds at once for the settings' reservation days; asking for
 * approval holds for the administration's approval days, as a pending request.
 */
const STARTS = {
  reserve: {
    status: 'active',
    days: (settings: Settings) => settings.reservationDays,
    event: (r: Reservation): EventBody => ({ type: 'reserved', reservationId: r.id, departmentId: r.departmentId, expiresAt: r.expiresAt }),
  },
  requestReservation: {
    status: 'pending',
    // why ?? 1: the table chose this start only because department.approval says required, so it is there
    days: (_settings: Settings, department: Department) => department.approval?.days ?? 1,
    event: (r: Reservation): EventBody => ({ type: 'reservation_requested', reservationId: r.id, departmentId: r.departmentId, approvalDueAt: r.expiresAt }),
  },
} as const satisfies Record<'reserve' | 'requestReservation', unknown>;

/** The guard facts of an administration's approval rule and of whether the acting person approves for it. */
async function approvalFacts(ctx: ServiceContext, reads: StoreReads, department: Department | undefined): Promise<Partial<GuardFacts>> {
  // Read the person afresh: an admin may have flagged or unflagged them since they signed in.
  const me = ctx.actor.kind === 'user' ? await reads.getUser(ctx.actor.user.id) : undefined;
  return { approvalRequired: department?.approval?.required === true, actorIsApprover: me?.approver === true };
}

/**
 * Reserve a listed device for the caller's administration, to go to one of its sites. Checked and written in
 * one transaction, so two departments can never hold the same device. Where the administration requires
 * approval, the reservation is a pending request that holds the device until its approver decides.
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
    const facts = await approvalFacts(ctx, tx, department);
    const action = await chooseStep(ctx, tx, device, ['reserve', 'requestReservation'], facts);
    const start = STARTS[action];
    const now = ctx.clock.now();
    const reservation: Reservation = {
      id: randomUUID(),
      deviceId: device.id,
      departmentId,
      locationId: site.id,
      reservedBy: actorSnapshot(ctx.actor),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + start.days(await tx.getSettings(), department) * DAY_MS).toISOString(),
      status: start.status,
    };
    await runStep(ctx, tx, device, action, { facts, event: start.event(reservation) });
    tx.putReservation(reservation);
    await countReservation(tx, device.id, departmentId);
    return reservation;
  });
}

/**
 * The reservation and its device, when the reservation is in one of `statuses` (the ones `action` applies to).
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED (a reservation already ended, or not waiting for approval)
 */
async function reservationFor(
  tx: StoreTx,
  reservationId: string,
  action: Action,
  statuses: readonly Reservation['status'][],
): Promise<{ reservation: Reservation; device: Device }> {
  const reservation = await tx.getReservation(reservationId);
  if (!reservation) throw notFound('reservation', reservationId);
  const device = await deviceById(tx, reservation.deviceId);
  if (!statuses.includes(reservation.status)) {
    throw new AppError('TRANSITION_NOT_ALLOWED', { action, status: device.status, assetTag: device.assetTag });
  }
  return { reservation, device };
}

/**
 * Cancel a reservation, or withdraw a request waiting for approval; the device goes back on the marketplace.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, NOT_OWN_DEPARTMENT
 */
export async function cancelReservation(ctx: ServiceContext, input: ProcedureArgs<'reservations.cancel'>): Promise<Reservation> {
  return ctx.store.transaction(async (tx) => {
    const { reservation, device } = await reservationFor(tx, input.reservationId, 'cancelReservation', HOLDING_RESERVATION_STATUSES);
    return endReservation(ctx, tx, reservation, device, CANCELLED);
  });
}

/**
 * Approve a request waiting for approval: from now it holds for the usual reservation days.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, NOT_APPROVER, NOT_OWN_DEPARTMENT, ROLE_NOT_ALLOWED
 */
export async function approveReservation(ctx: ServiceContext, input: ProcedureArgs<'reservations.approve'>): Promise<Reservation> {
  return ctx.store.transaction(async (tx) => {
    const { reservation, device } = await reservationFor(tx, input.reservationId, 'approveReservation', ['pending']);
    const now = ctx.clock.now();
    const approved: Reservation = {
      ...reservation,
      status: 'active',
      expiresAt: new Date(now.getTime() + (await tx.getSettings()).reservationDays * DAY_MS).toISOString(),
    };
    await runStep(ctx, tx, device, 'approveReservation', {
      facts: { reservationDepartmentId: reservation.departmentId, ...(await approvalFacts(ctx, tx, undefined)) },
      event: { type: 'reservation_approved', reservationId: reservation.id, departmentId: reservation.departmentId, expiresAt: approved.expiresAt },
    });
    tx.putReservation(approved);
    return approved;
  });
}

/**
 * Reject a request waiting for approval, with the approver's reason; the device goes back on the marketplace.
 * @throws NOT_FOUND, TRANSITION_NOT_ALLOWED, NOT_APPROVER, NOT_OWN_DEPARTMENT, ROLE_NOT_ALLOWED
 */
export async function rejectReservation(ctx: ServiceContext, input: ProcedureArgs<'reservations.reject'>): Promise<Reservation> {
  return ctx.store.transaction(async (tx) => {
    const { reservation, device } = await reservationFor(tx, input.reservationId, 'rejectReservation', ['pending']);
    const rejected: Ending = {
      action: 'rejectReservation',
      status: 'rejected',
      event: (r) => ({ type: 'reservation_rejected', reservationId: r.id, departmentId: r.departmentId, reason: input.reason }),
    };
    return endReservation(ctx, tx, reservation, device, rejected, await approvalFacts(ctx, tx, undefined));
  });
}

/**
 * Expires every holding reservation whose time is up (a reservation not collected, a request not approved in
 * time); returns how many. Runs as the system.
 */
export async function expireDueReservations(ctx: Omit<ServiceContext, 'actor'>): Promise<number> {
  const sys: ServiceContext = { ...ctx, actor: SYSTEM_ACTOR };
  const due = await ctx.store.dueReservations(nowIso(ctx.clock));
  let expired = 0;
  for (const candidate of due) {
    const done = await ctx.store.transaction(async (tx) => {
      const reservation = await tx.getReservation(candidate.id);
      const device = reservation && (await tx.getDevice(reservation.deviceId));
      if (!reservation || !device || !holdsDevice(reservation.status) || reservation.expiresAt > nowIso(ctx.clock)) {
        return false; // handed over, cancelled or decided meanwhile
      }
      await endReservation(sys, tx, reservation, device, EXPIRY[reservation.status]);
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
