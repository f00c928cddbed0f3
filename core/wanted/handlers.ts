/** The wanted requests' and notifications' procedures. */
import type { HandlerPart } from '../api/handler-table';
import * as wanted from './service';

export const wantedHandlers: HandlerPart = {
  'wanted.create': (input, ctx) => wanted.createWanted(ctx, input),
  'wanted.list': (_input, ctx) => wanted.listWanted(ctx),
  'wanted.close': (input, ctx) => wanted.closeWanted(ctx, input),
  'notifications.list': (input, ctx) => wanted.listNotifications(ctx, input),
  'notifications.unreadCount': (_input, ctx) => wanted.unreadCount(ctx),
  'notifications.markRead': (input, ctx) => wanted.markRead(ctx, input),
};
