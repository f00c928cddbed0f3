/**
 * The device journey against `npm run server` in shared mode (issue 13): every person signs in with their e-mail
 * and password on the sign-in screen and signs out with "Log ud"; there is no profile picker.
 */
import type { Page } from '@playwright/test';
import type { ApiResult } from '../../shared/errors';
import { USERS } from '../../core/demo/reference-data';
import { expect, SHARED_DEMO_PASSWORD, test } from './fixtures';
import { deviceJourney } from './journeys/device-journey';
import { SignInPage } from './pages/SignInPage';
import { AppShell } from './pages/AppShell';
import { OrganisationPage } from './pages/OrganisationPage';
import { AccountPage } from './pages/AccountPage';
import { SettingsPage } from './pages/SettingsPage';

test.use({ sharedMode: true });

// The same journey on both stores a shared server runs on: a data folder, and PostgreSQL (DATABASE_URL).
for (const sharedStore of ['file', 'postgres'] as const) {
  test.describe(`on the ${sharedStore === 'file' ? 'file' : 'PostgreSQL'} store`, () => {
    test.use({ sharedStore });
    test('shared mode: the BUF laptop journey with real sign-in, and no profile picker', async ({ page }) => journey(page));
  });
}

async function journey(page: Page): Promise<void> {
  const api = async <T,>(procedure: string, input: unknown, token?: string): Promise<{ status: number; body: ApiResult<T> }> => {
    const res = await page.request.post(`/api/${procedure}`, {
      data: input,
      headers: { 'accept-language': 'da', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return { status: res.status(), body: (await res.json()) as ApiResult<T> };
  };
  const tokenOf = async (email: string) => {
    const { body } = await api<{ token: string }>('auth.signIn', { email, password: SHARED_DEMO_PASSWORD });
    if (!body.ok) throw new Error(body.error.message);
    return body.data.token;
  };
  // The profile list is refused in shared mode: people are known by their e-mail (the demo's, on this server).
  const profiles = await api('session.profiles', {});
  expect([profiles.status, profiles.body.ok ? '' : profiles.body.error.code]).toEqual([403, 'SHARED_MODE']);
  const person = (id: string) => {
    const u = USERS.find((x) => x.id === id);
    if (!u) throw new Error(`no person ${id}`);
    return u;
  };

  const signInPage = new SignInPage(page);
  await deviceJourney(page, {
    start: () => signInPage.goto(),
    async signInAs(userId, first) {
      if (!first) await signInPage.signOut();
      const u = person(userId);
      return signInPage.signIn(u.email, SHARED_DEMO_PASSWORD, u.name);
    },
    async callApi(userId, procedure, input) {
      return api(procedure, input, await tokenOf(person(userId).email));
    },
  });

  // The admin reads the sign-in log under Organisation → Log ind og ud: the journey's sign-ins and sign-outs, newest first.
  await signInPage.signOut();
  await signInPage.signIn(person('user-admin-1').email, SHARED_DEMO_PASSWORD, person('user-admin-1').name);
  await page.goto('/#/organisation?tab=signIns');
  const log = page.getByTestId('sign-in-log');
  await expect(log.locator('tr[data-event="signed_in"]').first()).toContainText(person('user-admin-1').name);
  await expect(log.locator('tr[data-event="signed_out"]').filter({ hasText: person('user-buf-1').name })).toHaveCount(1);
}

test("an admin sets a person's password on Organisation → Personer: a short one is refused at its field, and the person signs in with the new one", async ({ page }) => {
  const signInPage = new SignInPage(page);
  const admin = USERS.find((u) => u.id === 'user-admin-1')!;
  const contact = USERS.find((u) => u.id === 'user-suf-1')!;
  await signInPage.goto();
  await signInPage.signIn(admin.email, SHARED_DEMO_PASSWORD, admin.name);
  await new AppShell(page).open('Organisation');
  const org = new OrganisationPage(page);
  await org.tab('Personer');
  await org.press(`Sæt adgangskode for ${contact.name}`);
  await expect(org.field('password', 'Ny adgangskode')).toBeFocused();
  await org.field('password', 'Ny adgangskode').fill('for-kort');
  await org.save('password');
  await expect(org.fieldError('password', 'Ny adgangskode')).toHaveText('Adgangskoden skal have mindst 12 tegn.');
  await org.field('password', 'Ny adgangskode').fill('ny-lang-adgangskode-2026');
  await org.save('password');
  await expect(org.result).toContainText(`Adgangskoden for ${contact.name} er gemt.`);
  // The form closes and the focus is back on the button that opened it, in the person's row.
  await expect(page.getByRole('button', { name: `Sæt adgangskode for ${contact.name}`, exact: true })).toBeFocused();

  await signInPage.signOut();
  await signInPage.signIn(contact.email, 'ny-lang-adgangskode-2026', contact.name);
});

// A person's own password on Min konto (issue 13, wt-account), by keyboard alone.
test('a person changes their own password on Min konto: a wrong current password is refused at its field, then the new one signs in', async ({ page }) => {
  const signInPage = new SignInPage(page);
  const contact = USERS.find((u) => u.id === 'user-kff-1')!;
  await signInPage.goto();
  // Every text input is drawn alike: the password field is as tall as the e-mail field above it.
  const heights = await Promise.all(['E-mail', 'Adgangskode'].map(async (l) => (await page.getByLabel(l, { exact: true }).boundingBox())?.height));
  expect(heights[1]).toBeGreaterThan(30);
  expect(heights[1]).toBe(heights[0]);
  await signInPage.signIn(contact.email, SHARED_DEMO_PASSWORD, contact.name);

  const account = new AccountPage(page);
  await account.openFromHeader();
  await expect(page.getByTestId('account-facts')).toContainText(contact.email);
  await page.getByRole('button', { name: 'Skift adgangskode', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(account.field('Nuværende adgangskode')).toBeFocused();
  await page.keyboard.type('ikke-den-rigtige-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('min-nye-adgangskode-2026');
  await page.keyboard.press('Tab');
  await page.keyboard.type('min-nye-adgangskode-2062');
  await page.keyboard.press('Enter');
  // The two new passwords differ: said at the repeat, which gets the focus; nothing was sent.
  await expect(account.fieldError('Gentag ny adgangskode')).toHaveText('Skriv den samme nye adgangskode i begge felter.');
  await expect(account.field('Gentag ny adgangskode')).toBeFocused();
  await account.retype('min-nye-adgangskode-2026');
  await page.keyboard.press('Enter');
  await expect(account.fieldError('Nuværende adgangskode')).toHaveText('Den nuværende adgangskode er forkert.');
  await expect(account.field('Nuværende adgangskode')).toBeFocused();
  await expect(account.fieldError('Gentag ny adgangskode')).toHaveCount(0);
  await account.retype(SHARED_DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(account.result).toHaveText('Din adgangskode er skiftet. Brug den nye, næste gang du logger ind.');
  await expect(account.result).toBeFocused();
  await expect(account.form).toHaveCount(0);

  await signInPage.signOut();
  await page.getByLabel('E-mail').fill(contact.email);
  await page.getByLabel('Adgangskode').fill(SHARED_DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveCount(0);
  await page.reload();
  await signInPage.signIn(contact.email, 'min-nye-adgangskode-2026', contact.name);
});

// Session idle time on Indstillinger (issue 13, wt-account): typed in hours or minutes, kept in minutes, bounded.
test('an admin sets how long a session may stay idle on Indstillinger → Sikkerhed, in hours or minutes, within 15 minutes to 7 days', async ({ page }) => {
  const signInPage = new SignInPage(page);
  const admin = USERS.find((u) => u.id === 'user-admin-1')!;
  await signInPage.goto();
  await signInPage.signIn(admin.email, SHARED_DEMO_PASSWORD, admin.name);
  await new AppShell(page).open('Indstillinger');
  const settings = new SettingsPage(page);
  const idle = settings.field('Log ud efter inaktivitet');
  const unit = settings.form.getByRole('combobox', { name: 'Enhed' });
  await expect(idle).toHaveValue('8');
  await expect(unit).toHaveValue('hours');
  // Required in shared mode: marked so, and left empty it says so at the field (and nothing is saved).
  await expect(idle).toHaveAttribute('aria-required', 'true');
  await expect(settings.form.locator('label[for="settings-sessionIdleMinutes"]')).toHaveClass(/label-required/);
  await expect(settings.form.locator('label[for="settings-sessionIdleMinutes"]')).not.toContainText('valgfri');
  await idle.fill('');
  await settings.form.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(settings.fieldError('Log ud efter inaktivitet')).toHaveText('Skal udfyldes.');
  await expect(settings.saved).toHaveCount(0);
  await unit.selectOption('minutes');
  await idle.fill('10');
  await settings.form.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(settings.fieldError('Log ud efter inaktivitet')).toHaveText('Vælg mellem 15 minutter og 7 dage (168 timer).');
  await unit.selectOption('hours');
  await idle.fill('1,5');
  await settings.form.getByRole('button', { name: 'Gem indstillinger' }).click();
  await expect(settings.saved).toBeVisible();
  await page.reload();
  // 1,5 hours is kept as 90 minutes, and shown so.
  await expect(idle).toHaveValue('90');
  await expect(unit).toHaveValue('minutes');
});
