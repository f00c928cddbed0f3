/**
 * Filer → Tag sikkerhedskopi…: the user picks a folder, the store writes a consistent copy into a new,
 * timestamped subfolder of it while the app keeps running, and the user is told how it went.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BaseWindow, Dialog, MessageBoxOptions, OpenDialogOptions } from 'electron';

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
}

export type BackupOutcome = { status: 'cancelled' } | { status: 'done'; dir: string } | { status: 'failed'; error: string };

export async function takeBackup(deps: BackupDeps): Promise<BackupOutcome> {
  const { dialog, window } = deps;
  const openOptions: OpenDialogOptions = {
    title: 'Vælg en mappe til sikkerhedskopien',
    buttonLabel: 'Gem sikkerhedskopi her',
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
      title: 'Sikkerhedskopi',
      message: 'Sikkerhedskopien kunne ikke tages.',
      detail: `${target ? `Mappe: ${target}\n` : ''}Årsag: ${error}\n\nDine data er ikke berørt. Prøv en anden mappe, fx på et andet drev.`,
      buttons: ['OK'],
    });
    return { status: 'failed', error };
  }
  await tell({
    type: 'info',
    title: 'Sikkerhedskopi',
    message: 'Sikkerhedskopien er gemt.',
    detail: `Mappe: ${target}`,
    buttons: ['OK'],
  });
  return { status: 'done', dir: target };
}
