/** The departments domain's procedures. */
import type { HandlerPart } from '../api/handler-table';
import * as departments from './service';

export const departmentHandlers: HandlerPart = {
  'departments.setApproval': (input, ctx) => departments.setApproval(ctx, input),
};
