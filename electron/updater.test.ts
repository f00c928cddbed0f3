import { describe, expect, it, vi } from 'vitest';
import { feedUrlOverride, startAutoUpdate, UPDATE_CHECK_INTERVAL_MS, updateDecision, type AutoUpdateOptions, type Updater } from './updater';

const NSIS_DIR = ['Kredsløb.exe', 'Uninstall Kredsløb.exe', 'resources', 'ffmpeg.dll'];
const MSI_DIR = ['Kredsløb.exe', 'resources', 'ffmpeg.dll'];

// why: electron-updater talks to the network and replaces the installed app; the test records what it is asked to do
function fakeUpdater(check: () => Promise<unknown> = async () => null) {
  const listeners = new Map<string, (err: Error) => void>();
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(check),
    on: (event: string, listener: (err: Error) => void) => listeners.set(event, listener),
  } satisfies Updater;
  return { updater, listeners };
}

function options(overrides: Partial<AutoUpdateOptions> & { files?: string[] } = {}) {
  const { updater, listeners } = fakeUpdater();
  const loadUpdater = vi.fn(async () => updater);
  const log = vi.fn();
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const opts: AutoUpdateOptions = {
    platform: 'win32',
    isPackaged: true,
    exePath: 'C:\\Users\\anna\\AppData\\Local\\Programs\\kredslob\\Kredsløb.exe',
    listDir: () => overrides.files ?? NSIS_DIR,
    env: {},
    loadUpdater,
    log,
    setInterval: (fn, ms) => timers.push({ fn, ms }),
    ...overrides,
  };
  return { opts, updater, listeners, loadUpdater, log, timers };
}

describe('which installs update themselves', () => {
  it('the per-user NSIS install does', () => {
    expect(updateDecision(options().opts)).toEqual({ update: true });
  });

  it('the per-machine MSI does not: IT updates it by deploying the next MSI', () => {
    expect(updateDecision(options({ files: MSI_DIR }).opts)).toEqual({ update: false, reason: 'msi-or-portable' });
  });

  it('a development run and the Linux packages do not', () => {
    expect(updateDecision(options({ isPackaged: false }).opts)).toEqual({ update: false, reason: 'development' });
    expect(updateDecision(options({ platform: 'linux' }).opts)).toEqual({ update: false, reason: 'not-windows' });
  });

  it('an unreadable install folder counts as not updatable', () => {
    const { opts } = options({ listDir: () => { throw new Error('EACCES'); } });
    expect(updateDecision(opts)).toEqual({ update: false, reason: 'msi-or-portable' });
  });
});

describe('startAutoUpdate', () => {
  it('does not even load electron-updater for an MSI install', async () => {
    const { opts, loadUpdater } = options({ files: MSI_DIR });
    await startAutoUpdate(opts);
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('in an NSIS install checks at once and every 6 hours, downloading quietly and installing on quit', async () => {
    const { opts, updater, timers } = options();
    await startAutoUpdate(opts);
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.setFeedURL).not.toHaveBeenCalled(); // the URL built into the installer (app-update.yml)
    expect(timers.map((t) => t.ms)).toEqual([UPDATE_CHECK_INTERVAL_MS]);
    timers[0]!.fn();
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
  });

  it('uses KREDSLOB_UPDATE_URL set on the PC as the generic feed instead', async () => {
    const { opts, updater } = options({ env: { KREDSLOB_UPDATE_URL: 'https://intranet.kk.dk/kredslob/updates/' } });
    await startAutoUpdate(opts);
    expect(updater.setFeedURL).toHaveBeenCalledExactlyOnceWith({ provider: 'generic', url: 'https://intranet.kk.dk/kredslob/updates/' });
  });

  it('a failing check or update is logged and the app carries on', async () => {
    const { updater, listeners } = fakeUpdater(async () => {
      throw new Error('getaddrinfo ENOTFOUND intranet.kk.dk');
    });
    const log = vi.fn();
    const { opts } = options({ loadUpdater: async () => updater, log });
    await expect(startAutoUpdate(opts)).resolves.toEqual({ update: true });
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith('update check failed', expect.any(Error)));
    listeners.get('error')?.(new Error('sha512 checksum mismatch'));
    expect(log).toHaveBeenCalledWith('update failed', expect.objectContaining({ message: 'sha512 checksum mismatch' }));
  });
});

describe('feedUrlOverride', () => {
  it.each([
    ['https://intranet.kk.dk/kredslob/', 'https://intranet.kk.dk/kredslob/'],
    ['http://10.0.0.5/kredslob', 'http://10.0.0.5/kredslob'],
    ['file:///C:/updates', null],
    ['https://user:pw@intranet.kk.dk/', null],
    ['not a url', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (value, expected) => {
    expect(feedUrlOverride(value)).toBe(expected);
  });
});
