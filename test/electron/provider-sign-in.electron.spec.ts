/**
 * "Log ind med KK Login" in the real desktop app connected to a shared-mode server (issue 13): the app's main
 * process opens the server's sign-in in the person's browser and waits on its loopback address; the browser
 * signs in at the identity provider (a mock, core/testing/mock-idp.ts) and comes back there; the app gets its
 * session and is signed in, and a person of no mapped group is told so. Here "the person's browser" is a
 * Playwright request context standing in for shell.openExternal, following the same redirects a browser does.
 * Skipped, saying why, where the Electron binary is missing; the same flow runs in Chromium with the main
 * process's module (test/e2e/desktop-oidc.spec.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type ElectronApplication } from '@playwright/test';
import { startMockIdp, type MockIdp } from '../../core/testing/mock-idp';
import { mapGroupToBufContacts } from '../support/oidc-groups';
import { electronBinaryOrSkip } from './electron-binary';
import { DesktopRun } from './launch';

const binary = electronBinaryOrSkip('the desktop sign-in through the identity provider is skipped; it runs in Chromium with the main process module (test/e2e/desktop-oidc.spec.ts)');

const run = new DesktopRun();
let idp: MockIdp | undefined;
test.afterEach(async () => {
  await run.end();
  await idp?.close();
  idp = undefined;
});

/**
 * Makes the main process's shell.openExternal note the address instead of opening a browser, and returns a
 * function that waits for the next address noted and follows it as the person's browser would: through the
 * server, the identity provider and back to the app's loopback address. Returns that last page's text.
 */
async function browserStandIn(desktop: ElectronApplication): Promise<() => Promise<string>> {
  await desktop.evaluate(({ shell }) => {
    const opened: string[] = [];
    Object.assign(globalThis, { kredslobOpened: opened });
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  let seen = 0;
  return async () => {
    let url: string | undefined;
    await expect
      .poll(async () => {
        url = await desktop.evaluate((_electron, index) => (globalThis as unknown as { kredslobOpened: string[] }).kredslobOpened[index], seen);
        return url;
      }, { message: 'the app opens the sign-in in the browser' })
      .toBeDefined();
    seen++;
    const browser = await playwrightRequest.newContext();
    try {
      const page = await browser.get(url!); // why: the poll above passed only once it was defined
      expect(new URL(page.url()).hostname, 'the browser ends on the app’s loopback address').toBe('127.0.0.1');
      return await page.text();
    } finally {
      await browser.dispose();
    }
  };
}

test('the desktop app connected to the server signs in through the provider in the browser, and says a refusal', async () => {
  test.setTimeout(180_000);
  idp = await startMockIdp({ person: { sub: 'kk-4711', email: 'mette.holm@kk.dk', name: 'Mette Holm', groups: ['KK-IT-BUF', 'KK-Alle'] } });
  const server = await run.server({
    shared: true,
    env: { KREDSLOB_OIDC_ISSUER: idp.issuer, KREDSLOB_OIDC_CLIENT_ID: idp.clientId, KREDSLOB_OIDC_CLIENT_SECRET: idp.clientSecret, KREDSLOB_OIDC_NAME: 'KK Login' },
  });
  await mapGroupToBufContacts(server.baseURL, 'KK-IT-BUF');
  // The desk was connected to this server earlier ("Forbind til server", connect.electron.spec.ts).
  const configHome = run.folder('kredslob-electron-config-');
  fs.mkdirSync(path.join(configHome, 'Kredslob'));
  fs.writeFileSync(path.join(configHome, 'Kredslob', 'desktop-settings.json'), JSON.stringify({ server: server.baseURL }));
  const app = await run.launch(binary!, { KREDSLOB_DATA_DIR: run.folder('kredslob-electron-data-'), XDG_CONFIG_HOME: configHome }); // why: the test skips where binary is null
  const page = await app.firstWindow();
  const followInBrowser = await browserStandIn(app);

  await expect(page.getByTestId('connection-mode')).toHaveText(`Forbundet til ${new URL(server.baseURL).host}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ind med KK Login' }).click();
  await expect(page.getByTestId('sign-in-oidc-waiting')).toHaveText('Log ind i browservinduet, der er åbnet. Kredsløb fortsætter her, når du er logget ind.');
  expect(await followInBrowser()).toContain('Du er logget ind i Kredsløb');
  await expect(page.getByTestId('current-user')).toContainText('Mette Holm');
  await expect(page.getByTestId('current-user')).toContainText('IT-kontaktperson');
  expect(idp.authorizeRequests).toHaveLength(1);

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  idp.person = { sub: 'kk-4712', email: 'jonas.berg@kk.dk', name: 'Jonas Berg', groups: ['KK-Kantine'] };
  await page.getByRole('button', { name: 'Log ind med KK Login' }).click();
  expect(await followInBrowser()).toContain('Log ind i Kredsløb mislykkedes');
  await expect(page.getByTestId('sign-in-oidc-refusal')).toHaveText('Du er ikke medlem af en gruppe, der giver adgang til Kredsløb. Kontakt en administrator.');
  await expect(page.getByRole('button', { name: 'Log ind med KK Login' })).toBeEnabled();
});
