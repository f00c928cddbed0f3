/** Where the Electron binary is, for the `_electron` journeys; null where it was not installed (they then skip). */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from '@playwright/test';

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

/**
 * The Electron binary for the calling spec's journeys. Where it is missing, every test of that spec file is skipped
 * with "Electron binary not installed …: `what`", said once on the console too (not every reporter shows a skip's
 * reason). Call it at the top of the spec file, while Playwright loads it.
 */
export function electronBinaryOrSkip(what: string): string | null {
  const binary = electronBinary();
  const reason = `Electron binary not installed (install it with \`npx install-electron\`): ${what}`;
  if (binary === null) console.log(`[electron] ${reason}`);
  test.skip(binary === null, reason);
  return binary;
}
