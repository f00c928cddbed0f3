/** The admin domain's procedures (issue 12): the audit list. */
import type { HandlerPart } from '../api/handler-table';
import { listAdminAudit } from './audit';

export const adminHandlers: HandlerPart = {
  'admin.audit': (input, ctx) => listAdminAudit(ctx, input),
};
