/**
 * Files too large for a procedure's answer (a 100,000-row statistics export): checked exactly like a call
 * (prepareCall: caller, role, input), then handed to the transport as a plan and a `write` to its own stream:
 * the HTTP response, or the file the desktop user picked in a save dialog.
 */
import type { Writable } from 'node:stream';
import type { ProcedureName } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { openHandOverReceipt } from '../devices/handover-receipt';
import { openStatsExport } from '../stats/export';
import { factorVersionAt } from '../stats/factors';
import { AppError } from '../errors';
import { failureBody, prepareCall, type CallDeps, type CallMeta } from './dispatch';
import type { Handler, HandlerContext } from './handler-table';

/** A file ready to be written: what it is, how many data rows it holds, and how to write it. */
export interface FileExport {
  fileName: string;
  contentType: string;
  rows: number;
  /** Writes the whole file to `out` (without ending it); `onProgress` gets the data rows written so far. */
  write(out: Writable, onProgress?: (rowsDone: number) => void): Promise<void>;
}

type FileHandler<P extends ProcedureName> = (input: Parameters<Handler<P>>[0], ctx: HandlerContext) => Promise<FileExport>;

/** The procedures whose answer can also be had as a streamed file, and how. */
const FILE_HANDLERS: { [P in ProcedureName]?: FileHandler<P> } = {
  'stats.export': (input, ctx) => openStatsExport(ctx.store, factorVersionAt, input, ctx.locale),
  'devices.handOverReceipt': (input, ctx) => openHandOverReceipt(ctx, input, ctx.locale),
};

export const FILE_PROCEDURES = Object.keys(FILE_HANDLERS);

export interface FileDispatcher {
  (procedure: string, rawInput: unknown, meta: CallMeta): Promise<ApiResult<FileExport>>;
}

export function createFileDispatcher(deps: CallDeps): FileDispatcher {
  const log = deps.log ?? ((m, e) => console.error(`[kredslob] ${m}`, e ?? ''));
  return async (procedure, rawInput, meta) => {
    try {
      // why: looked up by any name; undefined for a procedure that has no file form
      const handler = FILE_HANDLERS[procedure as ProcedureName] as ((input: unknown, ctx: HandlerContext) => Promise<FileExport>) | undefined;
      if (!handler) throw new AppError('UNKNOWN_PROCEDURE', { procedure });
      const { input, ctx } = await prepareCall(deps, procedure, rawInput, meta);
      return { ok: true, data: await handler(input, ctx) };
    } catch (err) {
      const body = failureBody(err, meta.locale, rawInput);
      if (body.code === 'INTERNAL') log(`${procedure} failed`, err);
      return { ok: false, error: body };
    }
  };
}
