import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialog } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startCore, type Core } from '../core/app';
import { backupFolderName, takeBackup } from './backup';

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-backup-test-'));
  cleanup.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function runningCore(): Promise<Core> {
  const core = await startCore({ dataDir: tempDir() }); // with the demo data
  cleanup.push(() => core.close());
  return core;
}

/** The OS dialogs are external: this one "chooses" `folder` (or cancels) and records the messages shown. */
function fakeDialog(folder: string | null) {
  const messages: Array<{ type?: string; message: string; detail?: string }> = [];
  const dialog = {
    showOpenDialog: vi.fn(async () => ({ canceled: folder === null, filePaths: folder === null ? [] : [folder] })),
    showMessageBox: vi.fn(async (options: { type?: string; message: string; detail?: string }) => {
      messages.push(options);
      return { response: 0, checkboxChecked: false };
    }),
  };
  // why: the real dialog module only exists inside Electron; takeBackup calls only these two methods
  return { dialog: dialog as unknown as Pick<Dialog, 'showOpenDialog' | 'showMessageBox'>, messages, raw: dialog };
}

const AT = new Date(2025, 2, 1, 9, 30, 5); // 1 March 2025 09:30:05 local time

describe('Tag sikkerhedskopi…', () => {
  it('names the folder kredslob-backup-YYYYMMDD-HHMMSS in local time', () => {
    expect(backupFolderName(AT)).toBe('kredslob-backup-20250301-093005');
  });

  it('asks for a folder (which may be created in the dialog) and writes a copy that opens with all devices', async () => {
    const core = await runningCore();
    const parent = tempDir();
    const { dialog, messages, raw } = fakeDialog(parent);
    const outcome = await takeBackup({ dialog, window: null, backup: (dir) => core.store.backup(dir), now: () => AT });

    expect(raw.showOpenDialog.mock.calls[0]).toEqual([expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] })]);
    const expected = path.join(parent, 'kredslob-backup-20250301-093005');
    expect(outcome).toEqual({ status: 'done', dir: expected });
    expect(messages).toEqual([expect.objectContaining({ type: 'info', message: 'Sikkerhedskopien er gemt.' })]);
    expect(messages[0]?.detail).toContain(expected);

    const restored = await startCore({ dataDir: expected, demo: false });
    cleanup.push(() => restored.close());
    expect(await restored.store.deviceCount()).toBe(await core.store.deviceCount());
    expect(await restored.store.deviceCount()).toBeGreaterThan(0);
  });

  it('a second backup in the same second goes to its own folder', async () => {
    const core = await runningCore();
    const parent = tempDir();
    const first = await takeBackup({ ...fakeDialog(parent), window: null, backup: (dir) => core.store.backup(dir), now: () => AT });
    const second = await takeBackup({ ...fakeDialog(parent), window: null, backup: (dir) => core.store.backup(dir), now: () => AT });
    expect(first).toMatchObject({ status: 'done' });
    expect(second).toEqual({ status: 'done', dir: path.join(parent, 'kredslob-backup-20250301-093005-2') });
  });

  it('does nothing when the user cancels the folder dialog', async () => {
    const backup = vi.fn(async () => {});
    const { dialog, messages } = fakeDialog(null);
    expect(await takeBackup({ dialog, window: null, backup })).toEqual({ status: 'cancelled' });
    expect(backup).not.toHaveBeenCalled();
    expect(messages).toEqual([]);
  });

  it('tells the user in an error box when the copy cannot be written', async () => {
    const core = await runningCore();
    const notAFolder = path.join(tempDir(), 'a-file');
    fs.writeFileSync(notAFolder, 'x');
    const { dialog, messages } = fakeDialog(notAFolder);
    const outcome = await takeBackup({ dialog, window: null, backup: (dir) => core.store.backup(dir), now: () => AT });
    expect(outcome.status).toBe('failed');
    expect(messages).toEqual([expect.objectContaining({ type: 'error', message: 'Sikkerhedskopien kunne ikke tages.' })]);
    expect(messages[0]?.detail).toMatch(/Årsag: /);
  });
});
