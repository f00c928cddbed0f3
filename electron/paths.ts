/** Where the built pieces sit relative to the bundled main process (dist/electron/main.cjs). */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppPaths {
  /** dist/renderer/index.html */
  indexPath: string;
  /** Its file: URL: the only page our windows may show and the only IPC caller we trust. */
  indexUrl: string;
  /** dist/electron/preload.cjs */
  preloadPath: string;
}

/** `mainDir` is the folder of the running main bundle, i.e. `dist/electron`. */
export function appPaths(mainDir: string): AppPaths {
  const distDir = path.resolve(mainDir, '..');
  const indexPath = path.join(distDir, 'renderer', 'index.html');
  return {
    indexPath,
    indexUrl: pathToFileURL(indexPath).href,
    preloadPath: path.join(distDir, 'electron', 'preload.cjs'),
  };
}
