/**
 * The desktop app's main process: one instance, one window, and either the core running in this process and
 * reached from the renderer over one IPC channel, or (connected to a shared server, issue 13) no core: the
 * renderer talks HTTP to the server that connection.ts names. Bundled by esbuild to dist/electron/main.cjs.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { startCore, type Core } from '../core/app';
import { OPEN_CONNECTION_EVENT } from '../shared/desktop';
import { CONNECTION_CHANNEL, PROVIDER_SIGN_IN_CHANNEL } from './channels';
import { signInThroughProvider } from './provider-sign-in';
import { changeConnection, desktopMode, probeServer, readConnection, type DesktopConnection, type DesktopMode } from './connection';
import { takeBackup } from './backup';
import { safeStorageTrailKeySource } from './trail-key';
import { hardenSession, installWebContentsGuards } from './hardening';
import { bindIpc, createSenderCheck, fail, localeOf, sendEvent, type SenderCheck } from './ipc';
import { createUnreadWatcher, showDesktopNote } from './desktop-notifications';
import { bindSaveFile } from './save-file';
import { buildMenuTemplate } from './menu';
import { appPaths, desktopConfigFile } from './paths';
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
/** Local until the saved setting is read; read by the session's hooks and the app:// handler at each request. */
let mode: DesktopMode = desktopMode({ kind: 'local' });
let started = false;
/** The identity-provider sign-in waiting for the person's browser, if any. */
let providerSignIn: AbortController | null = null;
/** Removes the IPC handlers bound to the running core. */
let unbindCore: (() => void) | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Kredsløb',
    show: false,
    webPreferences: secureWebPreferences(preloadPath, mode.rendererArguments),
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

function dataFolder(): string {
  return process.env.KREDSLOB_DATA_DIR ? path.resolve(process.env.KREDSLOB_DATA_DIR) : path.join(app.getPath('userData'), 'data');
}

/** Starts the embedded core and answers the renderer's calls with it; false (the app exiting) when it cannot start. */
async function startLocalCore(isTrustedSender: SenderCheck): Promise<boolean> {
  const dataDir = dataFolder();
  let running: Core;
  try {
    running = await startCore({ dataDir, demo: process.env.KREDSLOB_DEMO !== '0', trailKey: safeStorageTrailKeySource(safeStorage, app.getPath('userData'), dataDir) });
  } catch (err) {
    console.error('[kredslob] start failed', err);
    const failure = describeStartupFailure(err, dataDir, uiLocale());
    dialog.showErrorBox(failure.title, failure.message);
    app.exit(1); // why: a failed start is a failure for scripts and shortcuts too, not a normal quit
    return false;
  }
  core = running;
  coreClosed = false;
  const unbindIpc = bindIpc(ipcMain, running.dispatch, isTrustedSender, createUnreadWatcher(showDesktopNote));
  const unbindSave = bindSaveFile({
    ipcMain,
    files: running.files,
    isTrustedSender,
    async askPath(sender, fileName) {
      const options = { defaultPath: path.join(app.getPath('downloads'), fileName), filters: [{ name: path.extname(fileName).slice(1).toUpperCase(), extensions: [path.extname(fileName).slice(1)] }] };
      const win = BrowserWindow.fromWebContents(sender);
      const chosen = await (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options));
      return chosen.canceled || !chosen.filePath ? undefined : chosen.filePath;
    },
  });
  unbindCore = () => {
    unbindIpc();
    unbindSave();
  };
  return true;
}

/** Stops the embedded core (connecting to a server): its IPC handlers go first, then the store is flushed and freed. */
async function stopLocalCore(): Promise<void> {
  const running = core;
  unbindCore?.();
  unbindCore = null;
  core = null;
  await running?.close();
}

function setMenu(): void {
  const store = core?.store;
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isPackaged: app.isPackaged,
        onConnect: () => {
          if (mainWindow) sendEvent(mainWindow.webContents, OPEN_CONNECTION_EVENT, null);
        },
        onBackup: store ? () => void takeBackup({ dialog, window: mainWindow, backup: (dir) => store.backup(dir), locale: uiLocale() }) : undefined,
        onAbout: showAbout,
      }, uiLocale()),
    ),
  );
}

/**
 * Into the mode of `connection`: the core runs only while local, the menu follows, and the window is opened anew
 * (its renderer arguments name the server, and its page starts with no session of the other mode).
 */
async function enterMode(connection: DesktopConnection, isTrustedSender: SenderCheck): Promise<boolean> {
  const next = desktopMode(connection);
  if (!next.startsCore) await stopLocalCore();
  mode = next;
  if (next.startsCore && !core && !(await startLocalCore(isTrustedSender))) return false;
  setMenu();
  const previous = mainWindow;
  createWindow();
  previous?.destroy();
  return true;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, indexUrl, () => mode.serverOrigin);
  serveApp(session.defaultSession.protocol, rendererDir, () => ({ header: mode.contentSecurityPolicy, meta: mode.contentSecurityPolicyMeta }));
  const isTrustedSender = createSenderCheck(indexUrl, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
  const configFile = desktopConfigFile(app.getPath('userData'));
  const saved = readConnection(configFile);
  if (saved.problem) console.error('[kredslob] the connection setting cannot be used; using the local database', saved.problem);
  if (!(await enterMode(saved.connection, isTrustedSender))) return;
  started = true;
  ipcMain.handle(CONNECTION_CHANNEL, async (event, request: unknown, rawMeta: unknown) => {
    const locale = localeOf(rawMeta);
    if (!isTrustedSender(event)) return fail('UNTRUSTED_SENDER', locale);
    const changed = await changeConnection(request, locale, { file: configFile, probe: (origin) => probeServer(origin) });
    // why: after the answer has reached the page; the page asking is the window that is replaced
    if (changed.ok) setImmediate(() => void enterMode(changed.data, isTrustedSender).catch((err: unknown) => console.error('[kredslob] switching mode failed', err)));
    return changed;
  });
  ipcMain.handle(PROVIDER_SIGN_IN_CHANNEL, async (event, rawMeta: unknown) => {
    const locale = localeOf(rawMeta);
    if (!isTrustedSender(event)) return fail('UNTRUSTED_SENDER', locale);
    const origin = mode.serverOrigin;
    if (origin === undefined) return fail('OIDC_NOT_CONFIGURED', locale);
    // A second click starts afresh: the first flow's listener closes and its wait ends as cancelled.
    providerSignIn?.abort();
    const current = (providerSignIn = new AbortController());
    const result = await signInThroughProvider({ origin, locale, openExternal: (url) => shell.openExternal(url), signal: current.signal });
    if (providerSignIn === current) providerSignIn = null;
    // The person signed in in their browser: bring the app back in front of it.
    if (result.ok) focusMainWindow();
    return result;
  });
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
    if (started && BrowserWindow.getAllWindows().length === 0) createWindow();
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
