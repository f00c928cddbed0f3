/**
 * The desktop app end to end: the real Electron binary running dist/electron/main.cjs on a fresh data
 * folder. Skipped, saying why, where the Electron binary was not downloaded at install time.
 */
import { expect, test, type Page } from '@playwright/test';
import { electronBinaryOrSkip } from './electron-binary';
import { DesktopRun } from './launch';
import type { ApiResult } from '../../shared/errors';
import { deviceJourney } from '../e2e/journeys/device-journey';

const binary = electronBinaryOrSkip('desktop journeys skipped; the same journeys run in Chromium over HTTP');

const run = new DesktopRun();
test.afterEach(() => run.end());

/** The app on a fresh data folder. */
async function launch(): Promise<Page> {
  const app = await run.launch(binary!, { KREDSLOB_DATA_DIR: run.folder('kredslob-electron-') }); // why: the tests skip where binary is null
  return app.firstWindow();
}

test('a warehouse worker picks their profile and sees all devices', async () => {
  const page = await launch();
  const profile = page.getByTestId('profile-user-warehouse-1');
  await expect(profile).toBeVisible();
  await profile.click();
  await page.getByRole('link', { name: 'Alle enheder' }).or(page.getByRole('button', { name: 'Alle enheder' })).first().click();
  await expect(page.getByTestId('device-row').first()).toBeVisible();
  expect(await page.getByTestId('device-row').count()).toBeGreaterThan(0);
});

test('the page gets the bridge and nothing of Node', async () => {
  const page = await launch();
  await page.waitForLoadState('domcontentloaded');
  const seen = await page.evaluate(() => ({
    bridge: Object.keys(window.kredslob ?? {}).sort(),
    // why: these globals must not exist in a sandboxed, context-isolated page; reading them is the check
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(seen).toEqual({ bridge: ['invoke', 'on'], require: 'undefined', process: 'undefined' });
});

test('the UI comes from app://kredslob/ with the CSP, and the page can reach no local file', async () => {
  const page = await launch();
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toMatch(/^app:\/\/kredslob\/index\.html(#.*)?$/);
  const seen = await page.evaluate(async () => {
    const attempt = async (url: string) => {
      try {
        return (await fetch(url)).status;
      } catch {
        return 'refused';
      }
    };
    const index = await fetch('app://kredslob/index.html');
    return {
      csp: index.headers.get('content-security-policy') ?? '',
      traversal: await attempt('app://kredslob/..%2F..%2Fpackage.json'),
      sourceMap: await attempt('app://kredslob/assets/index.js.map'),
      file: await attempt('file:///etc/passwd'),
    };
  });
  expect(seen.csp).toContain("object-src 'none'");
  expect(seen.traversal).toBe(404);
  expect(seen.sourceMap).toBe(404);
  // connect-src 'self' refuses it in the page; were it let through, the session's file: handler answers 403
  expect(seen.file).toBe('refused');
});

test('the device journey runs the same in the desktop app, over IPC', async () => {
  test.setTimeout(120_000);
  const page = await launch();
  await deviceJourney(page, {
    start: () => expect(page.getByRole('heading', { level: 1, name: 'Vælg din profil' })).toBeVisible(),
    callApi: (userId, procedure, input) =>
      page.evaluate(
        async ({ userId, procedure, input }) => {
          const bridge = window.kredslob!;
          const signIn = (await bridge.invoke('session.signIn', { userId }, { locale: 'da' })) as ApiResult<{ token: string }>;
          if (!signIn.ok) return { status: null, body: signIn };
          return { status: null, body: await bridge.invoke(procedure, input, { token: signIn.data.token, locale: 'da' }) };
        },
        { userId, procedure, input },
      ),
  });
});
