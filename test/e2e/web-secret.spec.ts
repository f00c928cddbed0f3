/**
 * The web mode's door: a browser that has not opened the printed link sees which link to open and no one's
 * name; the link leaves an HttpOnly cookie and disappears from the address; "Skift profil" ends the session.
 */
import { expect, test } from './fixtures';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

test('without the printed link the page says which link to open and lists no one; the link lets the person in', async ({ browser, app }) => {
  const context = await browser.newContext({ baseURL: app.baseURL, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByText('Åbn Kredsløb med linket, der blev vist i terminalen, da Kredsløb startede')).toBeVisible();
  await expect(page.locator('[data-testid^="profile-"]')).toHaveCount(0);

  await page.goto(app.link);
  await expect(page.getByTestId('profile-user-admin-1')).toBeVisible();
  expect(page.url()).toBe(`${app.baseURL}/`);
  const cookies = await context.cookies();
  expect(cookies).toEqual([expect.objectContaining({ value: app.secret, httpOnly: true, sameSite: 'Strict' })]);
  expect(await page.evaluate(() => document.cookie)).toBe(''); // out of reach of the page's scripts
  await context.close();
});

test('"Skift profil" ends the session in the core, so the token left in the tab no longer works', async ({ page }) => {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-warehouse-1');
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('kredslob.session') ?? '{}') as { token?: string }).token);
  expect(token).toBeTruthy();
  const me = () => page.request.post('/api/session.me', { data: {}, headers: { authorization: `Bearer ${token}` } });
  expect((await me()).status()).toBe(200);

  await page.getByRole('button', { name: 'Skift profil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vælg din profil' })).toBeVisible();
  await expect.poll(async () => (await me()).status()).toBe(401);
});
