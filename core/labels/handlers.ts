/** QR label sheets. */
import type { HandlerPart } from '../api/handler-table';
import { labelSheet } from './service';

export const labelHandlers: HandlerPart = {
  'labels.pdf': async (input, ctx) => {
    const sheet = await labelSheet(ctx, input);
    return { pdfBase64: Buffer.from(sheet.bytes).toString('base64'), pages: sheet.pages, labels: sheet.labels };
  },
};
