/**
 * Saving a large file in the desktop app (a 100,000-row statistics export): the renderer asks on
 * 'kredslob:save-file' with a file procedure's call; main checks it exactly like a call (the core's file
 * dispatcher), asks where to save with the native dialog, and streams the file there, pushing progress to
 * the renderer. The file is written beside the target as "<name>.part" and renamed when complete, so a
 * failure or a closed window never leaves a truncated file under the name the person chose.
 */
import fs from 'node:fs';
import type { IpcMain, WebContents } from 'electron';
import type { FileDispatcher } from '../core/api/files';
import { FILE_PROGRESS_EVENT } from '../shared/contract';
import type { ApiResult } from '../shared/errors';
import { SAVE_FILE_CHANNEL } from './channels';
import { fail, localeOf, MAX_PROCEDURE_LENGTH, parseMeta, sendEvent, type SenderCheck } from './ipc';

export type SavedFile = { saved: true; fileName: string; rows: number } | { saved: false };

export interface SaveFileDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  files: FileDispatcher;
  isTrustedSender: SenderCheck;
  /** The native save dialog for `sender`'s window, proposing `fileName`; undefined when the person cancels. */
  askPath(sender: WebContents, fileName: string): Promise<string | undefined>;
  log?: (message: string, err: unknown) => void;
}

/** Handles 'kredslob:save-file'; returns the function that removes the handler. */
export function bindSaveFile(deps: SaveFileDeps): () => void {
  const log = deps.log ?? ((m, e) => console.error(`[kredslob save-file] ${m}`, e));
  deps.ipcMain.handle(SAVE_FILE_CHANNEL, async (event, procedure: unknown, input: unknown, rawMeta: unknown): Promise<ApiResult<SavedFile>> => {
    const locale = localeOf(rawMeta);
    if (!deps.isTrustedSender(event)) return fail('UNTRUSTED_SENDER', locale);
    if (typeof procedure !== 'string' || procedure.length === 0 || procedure.length > MAX_PROCEDURE_LENGTH) return fail('BAD_REQUEST', locale, 'procedure_name');
    const meta = parseMeta(rawMeta, locale);
    if (!meta) return fail('BAD_REQUEST', locale, 'call_meta');
    const opened = await deps.files(procedure, input, meta);
    if (!opened.ok) return opened;
    const file = opened.data;
    const target = await deps.askPath(event.sender, file.fileName);
    if (target === undefined) return { ok: true, data: { saved: false } };
    const part = `${target}.part`;
    const out = fs.createWriteStream(part);
    try {
      await file.write(out, (done) => sendEvent(event.sender, FILE_PROGRESS_EVENT, { done, total: file.rows }));
      await new Promise<void>((resolve, reject) => {
        out.once('error', reject);
        out.end(resolve);
      });
      await fs.promises.rename(part, target);
    } catch (err) {
      log(`writing ${target} failed`, err);
      out.destroy();
      await fs.promises.rm(part, { force: true });
      return fail('INTERNAL', locale);
    }
    return { ok: true, data: { saved: true, fileName: target, rows: file.rows } };
  });
  return () => deps.ipcMain.removeHandler(SAVE_FILE_CHANNEL);
}
