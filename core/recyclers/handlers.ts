/** The recycler register. */
import type { HandlerPart } from '../api/handler-table';
import { listRecyclers, saveRecycler } from './service';

export const recyclerHandlers: HandlerPart = {
  'recyclers.list': (_input, ctx) => listRecyclers(ctx),
  'recyclers.save': (input, ctx) => saveRecycler(ctx, input),
};
