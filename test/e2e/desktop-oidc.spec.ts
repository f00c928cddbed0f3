/**
 * The desktop app connected to a server signs in through the municipality's identity provider (issue 13). The
 * Electron binary cannot run here, so the page gets the preload's bridge as a connected desktop has it (its
 * `server`, and `signInWithProvider`), and the bridge's call runs the main process's real module
 * (electron/provider-sign-in.ts) in the test: its loopback listener, and "the person's browser" as a second tab
 * that follows the server's redirects through a mock OpenID Connect provider back to the app's loopback address.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { signInThroughProvider } from '../../electron/provider-sign-in';
import { mapGroupToBufContacts } from '../support/oidc-groups';
import { expect } from './fixtures';
import { test } from './oidc-fixtures';

/**
 * The app's page as the connected desktop shows it. `beforeBrowser` runs when main would open the person's
 * browser, before that tab goes to the address; the tab is returned in `browserTabs`.
 */
async function desktopPage(context: BrowserContext, origin: string, beforeBrowser: () => Promise<void>) {
  const browserTabs: Page[] = [];
  const page = await context.newPage();
  await page.exposeFunction('kredslobProviderSignIn', async (meta: { locale: 'da' | 'en' }) =>
    signInThroughProvider({
      origin,
      locale: meta.locale,
      openExternal: async (url) => {
        await beforeBrowser();
        const tab = await context.newPage();
        browserTabs.push(tab);
        await tab.goto(url);
      },
    }),
  );
  await page.addInitScript((server) => {
    const w = window as unknown as { kredslob: unknown; kredslobProviderSignIn: (meta: unknown) => Promise<unknown> }; // why: the preload's bridge, stood in for
    w.kredslob = {
      server,
      invoke: () => Promise.reject(new Error('a connected desktop calls the server over HTTP')),
      saveFile: () => Promise.reject(new Error('not used here')),
      connection: () => Promise.reject(new Error('not used here')),
      on: () => () => {},
      signInWithProvider: (meta: unknown) => w.kredslobProviderSignIn(meta),
    };
  }, origin);
  return { page, browserTabs };
}

test.use({ sharedMode: true });

test("the desktop app connected to the server signs in through the provider in the person's browser, and says a refusal", async ({ context, app, idp }) => {
  await mapGroupToBufContacts(app.baseURL, 'KK-IT-BUF');
  const origin = new URL(app.baseURL).origin;
  let waitingShown: () => void = () => {};
  const { page, browserTabs } = await desktopPage(context, origin, async () => {
    // While the person signs in in their browser, the app says where to look.
    await expect(page.getByTestId('sign-in-oidc-waiting')).toHaveText('Log ind i browservinduet, der er åbnet. Kredsløb fortsætter her, når du er logget ind.');
    await expect(page.getByRole('button', { name: 'Log ind med KK Login' })).toBeDisabled();
    waitingShown();
  });
  const shown = new Promise<void>((resolve) => (waitingShown = resolve));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  // A button, not the browser's link: the app's own page never leaves for the provider.
  await expect(page.getByRole('link', { name: 'Log ind med KK Login' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Log ind med KK Login' }).click();
  await shown;
  await expect(page.getByTestId('current-user')).toContainText('Mette Holm');
  await expect(page.getByTestId('current-user')).toContainText('IT-kontaktperson');
  // The browser tab ended on the app's loopback page; it got no session of its own.
  expect(browserTabs).toHaveLength(1);
  await expect(browserTabs[0]!.getByRole('heading', { level: 1 })).toHaveText('Du er logget ind i Kredsløb');
  expect(new URL(browserTabs[0]!.url()).hostname).toBe('127.0.0.1');
  expect((await context.cookies()).map((c) => c.name)).not.toContain('kredslob_session');
  // The app calls the server with its bearer token: a reload keeps the session (sessionStorage), as the desktop does.
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('Mette Holm');
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();

  idp.person = { sub: 'kk-4712', email: 'jonas.berg@kk.dk', name: 'Jonas Berg', groups: ['KK-Kantine'] };
  await page.getByRole('button', { name: 'Log ind med KK Login' }).click();
  await expect(page.getByTestId('sign-in-oidc-refusal')).toHaveText('Du er ikke medlem af en gruppe, der giver adgang til Kredsløb. Kontakt en administrator.');
  await expect(page.getByRole('button', { name: 'Log ind med KK Login' })).toBeEnabled();
  await expect(browserTabs[1]!.getByRole('heading', { level: 1 })).toHaveText('Log ind i Kredsløb mislykkedes');
});
