/** Every domain's handlers, bound to the contract's procedure names. */
import { AppError, notFound } from '../errors';
import * as devices from '../devices/service';
import * as reservations from '../reservations/service';
import { labelHandlers } from '../labels/handlers';
import { buildHandlerTable, type HandlerPart, type HandlerTable } from './handler-table';

const session: HandlerPart = {
  'session.profiles': async (_input, ctx) => ({
    users: await ctx.store.listUsers(),
    departments: await ctx.store.listDepartments(),
  }),
  'session.signIn': async (input, ctx) => {
    const user = await ctx.store.getUser(input.userId);
    if (!user) throw notFound('user', input.userId);
    return { token: ctx.sessions.start(user.id), user };
  },
  'session.me': async (_input, ctx) => {
    if (ctx.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
    return { user: ctx.actor.user };
  },
};

const reference: HandlerPart = {
  'reference.get': async (_input, ctx) => ({
    departments: await ctx.store.listDepartments(),
    units: await ctx.store.listUnits(),
    locations: await ctx.store.listLocations(),
    settings: await ctx.store.getSettings(),
  }),
};

const deviceHandlers: HandlerPart = {
  'devices.report': (input, ctx) => devices.reportDevice(ctx, input),
  'devices.reportAgain': (input, ctx) => devices.reportAgain(ctx, input),
  'devices.checkIn': (input, ctx) => devices.checkIn(ctx, input),
  'devices.recordSanitization': (input, ctx) => devices.recordSanitization(ctx, input),
  'devices.publish': (input, ctx) => devices.publishDevice(ctx, input),
  'devices.unpublish': (input, ctx) => devices.unpublishDevice(ctx, input),
  'devices.handOver': (input, ctx) => devices.handOver(ctx, input),
  'devices.get': (input, ctx) => devices.getDeviceDetail(ctx, input),
  'devices.search': (input, ctx) => devices.searchDevices(ctx, input),
};

const reservationHandlers: HandlerPart = {
  'reservations.create': (input, ctx) => reservations.createReservation(ctx, input),
  'reservations.cancel': (input, ctx) => reservations.cancelReservation(ctx, input),
  'reservations.search': (input, ctx) => reservations.searchReservations(ctx, input),
};

export function createHandlerTable(): HandlerTable {
  return buildHandlerTable([session, reference, deviceHandlers, reservationHandlers, labelHandlers]);
}
