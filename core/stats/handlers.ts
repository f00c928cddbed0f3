/** Sustainability statistics (stats.summary, stats.devices, stats.export); the method is in summary.ts and the README. */
import type { HandlerPart } from '../api/handler-table';
import { openStatsExport } from './export';
import { factorVersionAt } from './factors';
import { statsDevices, statsSummary } from './summary';

export const statsHandlers: HandlerPart = {
  'stats.summary': (input, ctx) => statsSummary(ctx.store, factorVersionAt, input),
  'stats.devices': (input, ctx) => statsDevices(ctx.store, factorVersionAt, input),
  // The plan only; the transports stream the file itself through the file table (core/api/files.ts).
  'stats.export': async (input, ctx) => {
    const { fileName, contentType, rows } = await openStatsExport(ctx.store, factorVersionAt, input, ctx.locale);
    return { fileName, contentType, rows };
  },
};
