/**
 * E-waste batches: packing, sealing, collection, the recycler's certificates and the documents (manifest,
 * a device's disposal certificate: that one is a devices.* procedure but reads the batch and its certificates).
 */
import type { HandlerPart } from '../api/handler-table';
import { disposalCertificate } from './disposal-certificate';
import { batchManifest } from './manifest';
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
  'batches.manifest': (input, ctx) => batchManifest(ctx, input, ctx.locale),
  'devices.disposalCertificate': (input, ctx) => disposalCertificate(ctx, input, ctx.locale),
};
