/** The stock-take domain's procedures. */
import type { HandlerPart } from '../api/handler-table';
import { compareStockTake } from './service';

export const stockTakeHandlers: HandlerPart = {
  'stocktake.compare': (input, ctx) => compareStockTake(ctx, input),
};
