/** Where the built pieces sit relative to the bundled main process (dist/electron/main.cjs). */
import path from 'node:path';
import { APP_INDEX_URL } from './protocol';

export interface AppPaths {
  /** dist/renderer: the only folder app://kredslob/ serves. */
  rendererDir: string;
  /** app://kredslob/index.html: the only page our windows may show and the only IPC caller we trust. */
  indexUrl: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
}

/** The desktop app's own settings (the "Forbind til server" choice, connection.ts), beside its trail keys: not in the store. */
export function desktopConfigFile(userDataDir: string): string {
  return path.join(userDataDir, 'desktop-settings.json');
}

/** `mainDir` is the folder of the running main bundle, i.e. `dist/electron`. */
export function appPaths(mainDir: string): AppPaths {
  const distDir = path.resolve(mainDir, '..');
  return {
    rendererDir: path.join(distDir, 'renderer'),
    indexUrl: APP_INDEX_URL,
    preloadPath: path.join(distDir, 'electron', 'preload.cjs'),
  };
}
