/** Import of registers (issue 12). */
import type { HandlerPart } from '../api/handler-table';
import { analyzeImport, cancelImport, dryRunImport, importProgress, saveImportMapping, startImport } from './service';

export const importHandlers: HandlerPart = {
  'import.analyze': (input, ctx) => analyzeImport(ctx, input),
  'import.dryRun': (input, ctx) => dryRunImport(ctx, input),
  'import.start': (input, ctx) => startImport(ctx, input, ctx.locale),
  'import.progress': (input, ctx) => importProgress(ctx, input),
  'import.cancel': (input, ctx) => cancelImport(ctx, input),
  'import.saveMapping': (input, ctx) => saveImportMapping(ctx, input),
};
