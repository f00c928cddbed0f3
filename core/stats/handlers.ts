/** Sustainability statistics (stats.summary, stats.devices); the method is in summary.ts and the README. */
import type { HandlerPart } from '../api/handler-table';
import { factorVersionAt } from './factors';
import { statsDevices, statsSummary } from './summary';

export const statsHandlers: HandlerPart = {
  'stats.summary': (input, ctx) => statsSummary(ctx.store, factorVersionAt, input),
  'stats.devices': (input, ctx) => statsDevices(ctx.store, factorVersionAt, input),
};
