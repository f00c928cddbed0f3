import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium where it is installed (CI here cannot download browsers); Playwright's own elsewhere.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'test',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 3,
  retries: 0,
  reporter: [['list']],
  // why no trace: recording one (a screenshot stream and DOM snapshots of every action) cost about a third of the
  // suite's CPU on a 2-core machine, for every passing test, to keep it only for a failing one. A failure still
  // leaves its error, its page's error-context.md and a screenshot; `npx playwright test --trace retain-on-failure`
  // records traces again for a rerun.
  use: { trace: 'off', screenshot: 'only-on-failure', locale: 'da-DK', timezoneId: 'Europe/Copenhagen' },
  projects: [
    {
      name: 'chromium-http',
      testMatch: /e2e\/.*\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts$/ },
  ],
});
