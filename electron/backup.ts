/**
 * Filer → Tag sikkerhedskopi…: the user picks a folder, the store writes a consistent copy into a new,
 * timestamped subfolder of it while the app keeps running, and the user is told how it went.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, MessageBoxOptions, OpenDialogOptions } from 'electron';
import { translate, type Locale, type MessageKey, type Params } from '../shared/i18n';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `kredslob-backup-YYYYMMDD-HHMMSS` in local time: the time the user sees on their clock. */
export function backupFolderName(at: Date): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `kredslob-backup-${date}-${time}`;
}

/** A folder name not yet taken in `parent` (two backups in the same second get "-2", "-3", ...). */
export function freshBackupDir(parent: string, at: Date): string {
  const base = path.join(parent, backupFolderName(at));
  let candidate = base;
  for (let n = 2; fs.existsSync(candidate); n++) candidate = `${base}-${n}`;
  return candidate;
}

export interface BackupDeps {
  dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>;
  /** The window the dialogs belong to (modal on it), or null. */
  window: BaseWindow | null;
  /** core.store.backup: writes the copy into an empty or new folder. */
  backup: (targetDir: string) => Promise<void>;
  now?: () => Date;
  /** The language of the dialogs (Danish unless said). */
  locale?: Locale;
}

export type BackupOutcome = { status: 'cancelled' } | { status: 'done'; dir: string } | { status: 'failed'; error: string };

export async function takeBackup(deps: BackupDeps): Promise<BackupOutcome> {
  const { dialog, window } = deps;
  const t = (key: MessageKey, params?: Params) => translate(deps.locale ?? 'da', key, params);
  const openOptions: OpenDialogOptions = {
    title: t('desktop.backup.chooseTitle'),
    buttonLabel: t('desktop.backup.chooseButton'),
    properties: ['openDirectory', 'createDirectory'],
  };
  const tell = (options: MessageBoxOptions) =>
    window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);

  const choice = window ? await dialog.showOpenDialog(window, openOptions) : await dialog.showOpenDialog(openOptions);
  const parent = choice.filePaths[0];
  if (choice.canceled || !parent) return { status: 'cancelled' };

  let target: string | undefined;
  try {
    target = freshBackupDir(parent, (deps.now ?? (() => new Date()))());
    await deps.backup(target);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    await tell({
      type: 'error',
      title: t('desktop.backup.title'),
      message: t('desktop.backup.failed'),
      detail: t('desktop.backup.failedDetail', { dir: target ?? parent, reason: error }),
      buttons: [t('desktop.ok')],
    });
    return { status: 'failed', error };
  }
  await tell({
    type: 'info',
    title: t('desktop.backup.title'),
    message: t('desktop.backup.done'),
    detail: t('desktop.backup.doneDetail', { dir: target }),
    buttons: [t('desktop.ok')],
  });
  return { status: 'done', dir: target };
}
