// Before the end-to-end tests: use Debian's Chromium where it is installed (CI here cannot download
// browsers); elsewhere make sure Playwright's own Chromium is there, installing it once if not.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { chromium } from '@playwright/test';

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
if (system) {
  console.log(`e2e browser: ${system}`);
} else if (fs.existsSync(chromium.executablePath())) {
  console.log(`e2e browser: Playwright's Chromium (${chromium.executablePath()})`);
} else {
  console.log("e2e browser: no Chromium found; installing Playwright's own (npx playwright install chromium)");
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
