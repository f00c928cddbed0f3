/** QR labels: the procedures of core/labels/service.ts, bound to the contract. */
import type { HandlerPart } from '../api/handler-table';
import { allocateTags, labelSheet } from './service';

export const labelHandlers: HandlerPart = {
  'tags.allocate': (input, ctx) => allocateTags(ctx, input),
  'labels.pdf': async (input, ctx) => {
    const sheet = await labelSheet(ctx, input);
    return { pdfBase64: Buffer.from(sheet.bytes).toString('base64'), pages: sheet.pages, labels: sheet.labels };
  },
};
