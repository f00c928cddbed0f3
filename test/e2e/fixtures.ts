/**
 * Each test gets its own server (the HTTP transport serving the built UI) on a free port with a fresh
 * data folder seeded with the demo municipality, and its own secret. The browser context opens the printed
 * link first, as a person would, and so holds the secret's cookie; the `request` fixture sends the secret as
 * the X-Kredslob-Secret header, as a script would.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';
import fs from 'node:fs';
import { startServer, type AppServer } from '../support/web-server';

export { SHARED_DEMO_PASSWORD, type AppServer } from '../support/web-server';

export const test = base.extend<{ app: AppServer; serverEnv: Readonly<Record<string, string>>; sharedMode: boolean }>({
  /** More environment for the server (first-start.spec.ts: `test.use({ serverEnv: { KREDSLOB_DEMO: '0' } })`). */
  serverEnv: [{}, { option: true }],
  /** Shared mode (issue 13): `npm run server` with the demo, every person signing in with SHARED_DEMO_PASSWORD. */
  sharedMode: [false, { option: true }],
  app: async ({ serverEnv, sharedMode }, use) => {
    const server = await startServer({ env: serverEnv, shared: sharedMode });
    await use(server);
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    fs.rmSync(server.configDir, { recursive: true, force: true });
  },
  baseURL: async ({ app }, use) => {
    await use(app.baseURL);
  },
  context: async ({ context, app, sharedMode }, use) => {
    if (!sharedMode) await openPrintedLink(context, app);
    await use(context);
  },
  request: async ({ playwright, app }, use) => {
    const request = await playwright.request.newContext({ baseURL: app.baseURL, extraHTTPHeaders: { 'x-kredslob-secret': app.secret } });
    await use(request);
    await request.dispose();
  },
});

/** Opens the server's printed link in `context`, which leaves the secret's cookie there, as a person's first visit does. */
export async function openPrintedLink(context: BrowserContext, app: AppServer): Promise<void> {
  const page = await context.newPage();
  await page.goto(app.link);
  await page.close();
}

export { expect };
