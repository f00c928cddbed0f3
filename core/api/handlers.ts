/** The handler table: every domain's handlers (each domain folder has its handlers.ts), listed once. */
import { batchHandlers } from '../batches/handlers';
import { departmentHandlers } from '../departments/handlers';
import { adminHandlers } from '../admin/handlers';
import { referenceAdminHandlers } from '../admin/reference-handlers';
import { deviceHandlers } from '../devices/handlers';
import { ewasteHandlers } from '../ewaste/handlers';
import { photoHandlers } from '../photos/handlers';
import { recyclerHandlers } from '../recyclers/handlers';
import { labelHandlers } from '../labels/handlers';
import { referenceHandlers } from '../reference/handlers';
import { reservationHandlers } from '../reservations/handlers';
import { sessionHandlers } from '../session/handlers';
import { factorHandlers } from '../stats/factor-handlers';
import { statsHandlers } from '../stats/handlers';
import { stockTakeHandlers } from '../stocktake/handlers';
import { tagHandlers } from '../tags/handlers';
import { wantedHandlers } from '../wanted/handlers';
// Settings screen and first start (issue 12, wt-setup).
import { settingsHandlers } from '../settings/handlers';
import { setupHandlers } from '../setup/handlers';
import { buildHandlerTable, type HandlerTable } from './handler-table';
// Import of registers (issue 12).
import { importHandlers } from '../import/handlers';
// Sign-in (issue 13, wt-auth).
import { authHandlers } from '../auth/handlers';
// Sign-in groups (issue 13, wt-oidc).
import { oidcGroupHandlers } from '../auth/oidc-handlers';

export function createHandlerTable(): HandlerTable {
  return buildHandlerTable([batchHandlers, ewasteHandlers, recyclerHandlers, sessionHandlers, referenceHandlers, deviceHandlers, reservationHandlers, tagHandlers, labelHandlers, stockTakeHandlers, factorHandlers, statsHandlers, departmentHandlers, photoHandlers, wantedHandlers, adminHandlers, referenceAdminHandlers, settingsHandlers, setupHandlers, importHandlers, authHandlers, oidcGroupHandlers]);
}
