/**
 * Each test gets its own server (the HTTP transport serving the built UI) on a free port with a fresh
 * data folder holding the demo municipality, and its own secret. The folder is a copy of one the worker
 * seeded for its first test (test/support/demo-template.ts): seeding takes seconds, copying milliseconds.
 * The browser context opens the printed link first, as a person does, and so holds the secret's cookie;
 * the `request` fixture sends the secret as the X-Kredslob-Secret header, as a script would.
 */
import { test as base, expect, type BrowserContext } from '@playwright/test';
import { DemoTemplate, removeFolders } from '../support/demo-template';
import { startServer, type AppServer } from '../support/web-server';
import { PgDemo } from '../support/pg-demo';

export { SHARED_DEMO_PASSWORD, type AppServer } from '../support/web-server';

export const test = base.extend<
  { app: AppServer; serverEnv: Readonly<Record<string, string>>; sharedMode: boolean; sharedStore: 'file' | 'postgres' },
  { demoTemplate: DemoTemplate; pgDemo: PgDemo }
>({
  /** More environment for the server (first-start.spec.ts: `test.use({ serverEnv: { KREDSLOB_DEMO: '0' } })`). */
  serverEnv: [{}, { option: true }],
  /** Shared mode (issue 13): `npm run server` with the demo, every person signing in with SHARED_DEMO_PASSWORD. */
  sharedMode: [false, { option: true }],
  /** The shared-mode server's store: a data folder, or PostgreSQL (DATABASE_URL, a copy of the worker's demo database). */
  sharedStore: ['file', { option: true }],
  // why: Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none
  // eslint-disable-next-line no-empty-pattern
  demoTemplate: [async ({}, use) => {
    const template = new DemoTemplate();
    await use(template);
    template.remove();
  }, { scope: 'worker' }],
  // The worker's PostgreSQL cluster, started by the first test that asks for a database (none of the standalone ones).
  // why: Playwright reads a fixture's dependencies from its first parameter's destructuring; this one has none
  // eslint-disable-next-line no-empty-pattern
  pgDemo: [async ({}, use) => {
    const pg = new PgDemo();
    await use(pg);
    await pg.stop();
  }, { scope: 'worker' }],
  app: async ({ serverEnv, sharedMode, sharedStore, demoTemplate, pgDemo }, use) => {
    // More environment may change what a new server makes of an empty folder (no demo at all), and a shared-mode
    // server seeds its demo with passwords: those start from an empty folder, or a copy of the demo database.
    const folders = Object.keys(serverEnv).length === 0 && !sharedMode ? await demoTemplate.copy() : {};
    const database: Record<string, string> = sharedMode && sharedStore === 'postgres' ? { DATABASE_URL: await pgDemo.database() } : {};
    const server = await startServer({ env: { ...serverEnv, ...database }, shared: sharedMode, ...folders });
    await use(server);
    await server.stop();
    removeFolders(server);
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

/**
 * Opens the server's printed link in `context`, which leaves the secret's cookie there, as a person's first visit
 * does. The request shares the context's cookies, so it takes the cookie from the link's answer without loading
 * and starting the whole app in a page first (seconds on a busy machine); web-secret.spec.ts opens the link in a
 * page, as a person does, and checks the cookie and the address it leaves.
 */
export async function openPrintedLink(context: BrowserContext, app: AppServer): Promise<void> {
  const answer = await context.request.get(app.link, { maxRedirects: 0 });
  // Without the cookie every later step would fail far from here, naming some screen instead of the link.
  const cookies = await context.cookies(app.baseURL);
  if (!cookies.some((c) => c.value === app.secret)) throw new Error(`the printed link left no cookie (it answered ${answer.status()})`);
}

export { expect };
