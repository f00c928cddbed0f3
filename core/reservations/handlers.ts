/** The reservations domain's procedures. */
import type { HandlerPart } from '../api/handler-table';
import * as reservations from './service';

export const reservationHandlers: HandlerPart = {
  'reservations.create': (input, ctx) => reservations.createReservation(ctx, input),
  'reservations.cancel': (input, ctx) => reservations.cancelReservation(ctx, input),
  'reservations.approve': (input, ctx) => reservations.approveReservation(ctx, input),
  'reservations.reject': (input, ctx) => reservations.rejectReservation(ctx, input),
  'reservations.search': (input, ctx) => reservations.searchReservations(ctx, input),
};
