/** The emission-factor table's procedures. */
import type { HandlerPart } from '../api/handler-table';
import { getFactors, saveFactors } from './factors';

export const factorHandlers: HandlerPart = {
  'stats.factors.get': (input, ctx) => getFactors(ctx, input),
  'stats.factors.save': (input, ctx) => saveFactors(ctx, input),
};
