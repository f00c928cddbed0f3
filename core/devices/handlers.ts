/** The devices domain's procedures. */
import type { HandlerPart } from '../api/handler-table';
import { openHandOverReceipt } from './handover-receipt';
import * as devices from './service';

export const deviceHandlers: HandlerPart = {
  'devices.report': (input, ctx) => devices.reportDevice(ctx, input),
  'devices.reportAgain': (input, ctx) => devices.reportAgain(ctx, input),
  'devices.checkIn': (input, ctx) => devices.checkIn(ctx, input),
  'devices.recordSanitization': (input, ctx) => devices.recordSanitization(ctx, input),
  'devices.awaitingPickup': (input, ctx) => devices.awaitingPickup(ctx, input),
  'devices.move': (input, ctx) => devices.moveDevice(ctx, input),
  'devices.publish': (input, ctx) => devices.publishDevice(ctx, input),
  'devices.unpublish': (input, ctx) => devices.unpublishDevice(ctx, input),
  'devices.handOver': (input, ctx) => devices.handOver(ctx, input),
  // The plan only; the transports stream the PDF itself through the file table (core/api/files.ts).
  'devices.handOverReceipt': async (input, ctx) => {
    const { fileName, contentType, rows } = await openHandOverReceipt(ctx, input, ctx.locale);
    return { fileName, contentType, rows };
  },
  'devices.get': (input, ctx) => devices.getDeviceDetail(ctx, input),
  'devices.search': (input, ctx) => devices.searchDevices(ctx, input),
  'marketplace.search': (input, ctx) => devices.searchMarketplace(ctx, input),
};
