/**
 * The desktop app's window when it is connected to a server (issue 13), in Chromium: the page gets the bridge the
 * preload would give it, naming this test's server, as main does for a connected desktop (electron/connection.ts,
 * unit-tested with Electron mocked). The renderer must then talk HTTP to that server, say so in its mode line, open
 * "Forbind til server" from the desktop menu's event, and show main's refusal of an address at the field.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

/** What the page sent to main on the connection channel, and main's answer to send back. */
interface BridgeLog {
  requests: unknown[];
}

/** The preload's bridge for a desktop connected to `server`; main's connection answer is `refusal` (or success). */
async function asConnectedDesktop(page: Page, server: string, refusal: { message: string; serverUrl: string }): Promise<void> {
  await page.addInitScript(
    ({ server, refusal }) => {
      const listeners = new Map<string, Set<(payload: unknown) => void>>();
      const log: BridgeLog = { requests: [] };
      Object.assign(window, {
        __bridgeLog: log,
        __desktopMenu: (event: string) => listeners.get(event)?.forEach((l) => l(null)),
        kredslob: {
          server,
          invoke: () => Promise.reject(new Error('a connected desktop has no core to call over IPC')),
          saveFile: () => Promise.reject(new Error('a connected desktop saves files over HTTP')),
          on(event: string, listener: (payload: unknown) => void) {
            if (!listeners.has(event)) listeners.set(event, new Set());
            listeners.get(event)?.add(listener);
            return () => listeners.get(event)?.delete(listener);
          },
          async connection(request: unknown) {
            log.requests.push(request);
            return { ok: false, error: { code: 'VALIDATION', message: refusal.message, fields: { serverUrl: refusal.serverUrl } } };
          },
        },
      });
    },
    { server, refusal },
  );
}

test('a connected desktop says "Forbundet til <host>", works over HTTP, and opens "Forbind til server" from the menu', async ({ page, app }) => {
  const host = new URL(app.baseURL).host;
  const refusal = { message: 'Tjek felterne', serverUrl: 'Adressen skal begynde med https:// (http:// kun til en server på denne pc, fx http://localhost:5299).' };
  await asConnectedDesktop(page, app.baseURL, refusal);
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  const mode = page.getByTestId('connection-mode');
  await expect(mode).toHaveText(`Forbundet til ${host}`);
  await picker.choose('user-warehouse-1');
  // Signed in over HTTP: the calls went to the server named by the bridge, not over IPC (which would fail).
  await new AppShell(page).open('Alle enheder');
  await expect(page.getByTestId('device-row').first()).toBeVisible();
  await expect(mode).toHaveText(`Forbundet til ${host}`);

  await page.evaluate(() => (window as unknown as { __desktopMenu(e: string): void }).__desktopMenu('desktop.openConnection'));
  const dialog = page.getByRole('dialog', { name: 'Forbind til server' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('connection-current')).toHaveText(`Denne pc er forbundet til ${host}.`);
  const address = dialog.getByLabel('Serverens adresse');
  await expect(address).toHaveValue(app.baseURL);
  await address.fill('http://kredslob.kk.dk');
  await dialog.getByRole('button', { name: 'Forbind' }).click();
  await expect(address).toHaveAccessibleDescription(new RegExp(refusal.serverUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(dialog.getByRole('button', { name: 'Brug lokal database' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __bridgeLog: BridgeLog }).__bridgeLog.requests)).toEqual([{ action: 'connect', url: 'http://kredslob.kk.dk' }]);
  await page.screenshot({ path: test.info().outputPath('desktop-connection-dialog-da.png') });
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await expect(dialog).toHaveCount(0);
});

test('in a browser the mode line names the server the page came from, in Danish and English', async ({ page, app }) => {
  const host = new URL(app.baseURL).host;
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await expect(page.getByTestId('connection-mode')).toHaveText(`Forbundet til ${host}`);
  await picker.choose('user-buf-1');
  const shell = new AppShell(page);
  await shell.switchLanguage('English');
  await expect(page.getByTestId('connection-mode')).toHaveText(`Connected to ${host}`);
  // Nothing to press in a browser: the connection is the page's own.
  await expect(page.getByRole('button', { name: `Connected to ${host}` })).toHaveCount(0);
});
