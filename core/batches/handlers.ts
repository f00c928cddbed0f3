/** E-waste batches: packing, sealing, collection and the recycler's certificates. */
import type { HandlerPart } from '../api/handler-table';
import {
  addDevice,
  batchDetail,
  certificateAttachment,
  collectBatch,
  createBatch,
  registerCertificate,
  removeDevice,
  sealBatch,
  searchBatches,
} from './service';

export const batchHandlers: HandlerPart = {
  'batches.create': (input, ctx) => createBatch(ctx, input),
  'batches.addDevice': (input, ctx) => addDevice(ctx, input),
  'batches.removeDevice': (input, ctx) => removeDevice(ctx, input),
  'batches.seal': (input, ctx) => sealBatch(ctx, input),
  'batches.collect': (input, ctx) => collectBatch(ctx, input),
  'batches.registerCertificate': (input, ctx) => registerCertificate(ctx, input),
  'batches.get': (input, ctx) => batchDetail(ctx, input.id),
  'batches.search': (input, ctx) => searchBatches(ctx, input),
  'batches.attachment': (input, ctx) => certificateAttachment(ctx, input),
};
