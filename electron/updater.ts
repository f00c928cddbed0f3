/**
 * Automatic updates, for the per-user NSIS install only. IT deploys the per-machine MSI through Intune/SCCM
 * and updates it by deploying the next MSI, so an MSI install must never replace itself; neither may a
 * development run or a Linux package. The feed is electron-updater's generic provider on an internal web
 * server: its URL is written into the installer at build time (KREDSLOB_UPDATE_URL, electron-builder.yml),
 * and the same variable set on a PC at run time points that PC elsewhere (a test ring, say).
 * An update downloads in the background and is installed when the user quits: no dialog, no restart forced.
 * A failed check is logged and tried again later; it never stops the app.
 */
import fs from 'node:fs';
import path from 'node:path';

/** Between checks while the app stays open (it often does, all day on a warehouse PC). */
export const UPDATE_CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;

/** What this file needs of electron-updater's autoUpdater. */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface InstallFacts {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  /** app.getPath('exe') */
  exePath: string;
  /** The files next to the executable. */
  listDir?: (dir: string) => readonly string[];
}

export type UpdateDecision = { update: true } | { update: false; reason: 'development' | 'not-windows' | 'msi-or-portable' };

/**
 * Whether this copy of the app updates itself. The NSIS installer leaves "Uninstall <product>.exe" beside
 * the executable; the MSI (which Windows Installer uninstalls) and an unpacked folder do not.
 */
export function updateDecision(facts: InstallFacts): UpdateDecision {
  if (!facts.isPackaged) return { update: false, reason: 'development' };
  if (facts.platform !== 'win32') return { update: false, reason: 'not-windows' };
  const listDir = facts.listDir ?? ((dir: string) => fs.readdirSync(dir));
  let names: readonly string[];
  try {
    names = listDir(path.dirname(facts.exePath));
  } catch {
    return { update: false, reason: 'msi-or-portable' };
  }
  return names.some((name) => /^Uninstall .+\.exe$/i.test(name)) ? { update: true } : { update: false, reason: 'msi-or-portable' };
}

/** The run-time feed override, if it is an http(s) URL without credentials; anything else is ignored. */
export function feedUrlOverride(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}

export interface AutoUpdateOptions extends InstallFacts {
  env: Readonly<Record<string, string | undefined>>;
  /** Loads electron-updater only when it is needed (it reads app-update.yml and starts timers). */
  loadUpdater: () => Promise<Updater>;
  log: (message: string, err?: unknown) => void;
  /** For tests; the app uses Node's timers. */
  setInterval?: (fn: () => void, ms: number) => unknown;
}

/** Starts background update checks when this is an NSIS install; says what it decided. */
export async function startAutoUpdate(options: AutoUpdateOptions): Promise<UpdateDecision> {
  const decision = updateDecision(options);
  if (!decision.update) return decision;
  const updater = await options.loadUpdater();
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  const override = feedUrlOverride(options.env.KREDSLOB_UPDATE_URL);
  if (override) updater.setFeedURL({ provider: 'generic', url: override });
  else if (options.env.KREDSLOB_UPDATE_URL) options.log('KREDSLOB_UPDATE_URL is not an http(s) URL; using the URL built into the installer');
  updater.on('error', (err) => options.log('update failed', err));
  const check = (): void => {
    updater.checkForUpdates().catch((err: unknown) => options.log('update check failed', err));
  };
  check();
  if (options.setInterval) options.setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  // why: a pending check must not keep the app alive after its last window closed
  else setInterval(check, UPDATE_CHECK_INTERVAL_MS).unref();
  return decision;
}
