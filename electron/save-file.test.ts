/**
 * kredslob:save-file with the real core behind it (demo data) and Electron's IPC and dialog stood in for:
 * the file lands where the person chose with progress on the way, a cancel saves nothing, a refused call
 * saves nothing and never opens the dialog, and a failure leaves no file behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startCore, type Core } from '../core/app';
import type { FileDispatcher } from '../core/api/files';
import { tempDir } from '../core/testing/harness';
import { SAVE_FILE_CHANNEL } from './channels';
import { createSenderCheck, EVENT_CHANNEL } from './ipc';
import { bindSaveFile } from './save-file';

const INDEX = 'app://kredslob/index.html';
const YEAR = { from: '2025-01-01', to: '2026-01-01', groupBy: 'month', file: 'devices_csv' };

let core: Core;
let dir: string;
let token: string;

beforeAll(async () => {
  dir = tempDir();
  core = await startCore({ dataDir: path.join(dir, 'data') });
  const signedIn = await core.dispatch('session.signIn', { userId: 'user-sustainability-1' }, { locale: 'da' });
  token = (signedIn as { ok: true; data: { token: string } }).data.token; // why: the demo's sustainability profile signs in
});
afterAll(async () => {
  await core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function setup(answer: string | undefined, files: FileDispatcher = core.files) {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => handlers.set(channel, h), removeHandler: (channel: string) => handlers.delete(channel) };
  const sent: unknown[] = [];
  // why: a window's webContents is compared by identity and sent events; a real one needs a running Electron
  const contents = { id: 1, isDestroyed: () => false, send: (channel: string, message: unknown) => channel === EVENT_CHANNEL && sent.push(message) } as unknown as WebContents;
  const askPath = vi.fn(async (_sender: WebContents, _name: string) => answer);
  // why: bindSaveFile uses only handle/removeHandler of ipcMain
  bindSaveFile({ ipcMain: ipcMain as unknown as IpcMain, files, isTrustedSender: createSenderCheck(INDEX, () => [contents]), askPath, log: () => {} });
  const save = (input: unknown, meta: unknown = { token, locale: 'da' }, url = INDEX) =>
    handlers.get(SAVE_FILE_CHANNEL)!({ sender: contents, senderFrame: { url, parent: null } } as unknown as IpcMainInvokeEvent, 'stats.export', input, meta);
  return { save, askPath, sent };
}

describe('kredslob:save-file', () => {
  it('asks where with the file name, writes the whole file there and reports progress in rows', async () => {
    const target = path.join(dir, 'valgt.csv');
    const { save, askPath, sent } = setup(target);
    const result = (await save(YEAR)) as { ok: true; data: { saved: true; fileName: string; rows: number } };
    expect(askPath).toHaveBeenCalledOnce();
    expect(askPath.mock.calls[0]![1]).toBe('kredslob-statistik-enheder-2025-01-01-2025-12-31.csv');
    expect(result.ok).toBe(true);
    expect(result.data.fileName).toBe(target);
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.split('\r\n').length - 2).toBe(result.data.rows);
    expect(sent.at(-1)).toEqual({ event: 'file-progress', payload: { done: result.data.rows, total: result.data.rows } });
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });

  it('saves nothing when the person cancels the dialog', async () => {
    const { save } = setup(undefined);
    expect(await save(YEAR)).toEqual({ ok: true, data: { saved: false } });
  });

  it('refuses a malformed call or a stranger without opening the dialog', async () => {
    const { save, askPath } = setup(path.join(dir, 'never.csv'));
    const bad = (await save({ ...YEAR, file: 'pdf' })) as { ok: false; error: { code: string; fields: Record<string, string> } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('VALIDATION');
    expect(Object.keys(bad.error.fields)).toEqual(['file']);
    expect(((await save(YEAR, { locale: 'da' })) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    expect(((await save(YEAR, { token, locale: 'da' }, 'https://evil.example/')) as { error: { code: string } }).error.code).toBe('UNTRUSTED_SENDER');
    expect(askPath).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dir, 'never.csv'))).toBe(false);
  });

  it('leaves no file, not even a part, when writing fails halfway', async () => {
    const target = path.join(dir, 'halvt.csv');
    const failing: FileDispatcher = async () => ({
      ok: true,
      data: {
        fileName: 'x.csv',
        contentType: 'text/csv',
        rows: 2,
        async write(out) {
          out.write('first row\r\n');
          throw new Error('disk full');
        },
      },
    });
    const { save } = setup(target, failing);
    const result = (await save(YEAR)) as { ok: false; error: { code: string } };
    expect(result.error.code).toBe('INTERNAL');
    expect(fs.existsSync(target)).toBe(false);
    expect(fs.existsSync(`${target}.part`)).toBe(false);
  });
});
