/** Where the Electron binary is, for the `_electron` journeys; null where it was not installed (they then skip). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The Electron binary, if it is installed. Since Electron 42, require('electron') downloads the binary when it
 * is missing (there is no install-time download to skip any more), so this reads where the package keeps it
 * instead: path.txt names the executable inside its dist folder.
 */
export function electronBinary(): string | null {
  try {
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const executable = fs.readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageDir, 'dist', executable);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
