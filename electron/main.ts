/**
 * The desktop app's main process: one instance, one window, the core running in this process and
 * reached from the renderer over one IPC channel. Bundled by esbuild to dist/electron/main.cjs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { startCore, type Core } from '../core/app';
import { takeBackup } from './backup';
import { safeStorageTrailKeySource } from './trail-key';
import { hardenSession, installWebContentsGuards } from './hardening';
import { bindIpc, createSenderCheck } from './ipc';
import { createUnreadWatcher, showDesktopNote } from './desktop-notifications';
import { bindSaveFile } from './save-file';
import { buildMenuTemplate } from './menu';
import { appPaths } from './paths';
import { APP_SCHEME_PRIVILEGES, serveApp } from './protocol';
import { secureWebPreferences } from './security';
import { describeStartupFailure } from './startup-error';
import { startAutoUpdate } from './updater';
import { toLocale, translate } from '../shared/i18n';

// why: this file runs as the CommonJS bundle dist/electron/main.cjs, where __dirname is dist/electron
const { rendererDir, indexUrl, preloadPath } = appPaths(__dirname);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
let coreClosed = false;
let closing: Promise<void> | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Kredsløb',
    show: false,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  win.loadURL(indexUrl).catch((err: unknown) => console.error('[kredslob] could not load the UI', indexUrl, rendererDir, err));
  mainWindow = win;
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** The desktop's language for menus and dialogs: the operating system's (Danish unless it is English). */
function uiLocale() {
  return toLocale(app.getLocale());
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: translate(uiLocale(), 'desktop.menu.about'),
    message: `Kredsløb ${app.getVersion()}`,
    detail: translate(uiLocale(), 'desktop.about.detail'),
    buttons: [translate(uiLocale(), 'desktop.ok')],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

async function start(): Promise<void> {
  const dataDir = process.env.KREDSLOB_DATA_DIR
    ? path.resolve(process.env.KREDSLOB_DATA_DIR)
    : path.join(app.getPath('userData'), 'data');
  hardenSession(session.defaultSession, indexUrl);
  serveApp(session.defaultSession.protocol, rendererDir);
  try {
    core = await startCore({ dataDir, demo: process.env.KREDSLOB_DEMO !== '0', trailKey: safeStorageTrailKeySource(safeStorage, app.getPath('userData'), dataDir) });
  } catch (err) {
    console.error('[kredslob] start failed', err);
    const failure = describeStartupFailure(err, dataDir, uiLocale());
    dialog.showErrorBox(failure.title, failure.message);
    app.exit(1); // why: a failed start is a failure for scripts and shortcuts too, not a normal quit
    return;
  }
  const store = core.store;
  const isTrustedSender = createSenderCheck(indexUrl, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  bindIpc(ipcMain, core.dispatch, isTrustedSender, createUnreadWatcher(showDesktopNote));
  bindSaveFile({
    ipcMain,
    files: core.files,
    isTrustedSender,
    async askPath(sender, fileName) {
      const options = { defaultPath: path.join(app.getPath('downloads'), fileName), filters: [{ name: path.extname(fileName).slice(1).toUpperCase(), extensions: [path.extname(fileName).slice(1)] }] };
      const win = BrowserWindow.fromWebContents(sender);
      const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
    },
  });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        onBackup: () => void takeBackup({ dialog, window: mainWindow, backup: (dir) => store.backup(dir), locale: uiLocale() }),
        onAbout: showAbout,
      }, uiLocale()),
    ),
  );
  createWindow();
  void startAutoUpdate({
    platform: process.platform,
    isPackaged: app.isPackaged,
    exePath: app.getPath('exe'),
    env: process.env,
    loadUpdater: async () => (await import('electron-updater')).autoUpdater,
    log: (message, err) => console.error(`[kredslob] ${message}`, err ?? ''),
  }).catch((err: unknown) => console.error('[kredslob] auto-update could not start', err));
}

// why: a fixed folder name, the same in development and in the installed app (and it holds the single-instance lock)
app.setPath('userData', path.join(app.getPath('appData'), 'Kredslob'));

// why: privileges can only be given before the app is ready; the window loads app://kredslob/, never file://
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  installWebContentsGuards(app, { indexUrl, openExternal: (url) => shell.openExternal(url) });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('before-quit', (event) => {
    if (!core || coreClosed) return;
    // why: hold the quit until the store has flushed and released its lock, then quit for real
    event.preventDefault();
    closing ??= core
      .close()
      .catch((err: unknown) => console.error('[kredslob] closing the store failed', err))
      .finally(() => {
        coreClosed = true;
        app.quit();
      });
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error('[kredslob] fatal', err);
      dialog.showErrorBox(translate(uiLocale(), 'startup.failedTitle'), err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}
