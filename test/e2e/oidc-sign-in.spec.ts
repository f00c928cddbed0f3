/**
 * Sign-in through the municipality's identity provider (issue 13, wt-oidc): the server is started with a mock
 * OpenID Connect provider (core/testing/mock-idp.ts). An admin maps a group to a role on Organisation →
 * Login-grupper; a person of that group presses "Log ind med KK Login" and lands in the app signed in with the
 * mapped role and administration; a person of no mapped group is told so on the sign-in page.
 */
import { USERS } from '../../core/demo/reference-data';
import { expect, SHARED_DEMO_PASSWORD } from './fixtures';
import { test } from './oidc-fixtures';
import { AppShell } from './pages/AppShell';
import { OrganisationPage } from './pages/OrganisationPage';
import { SignInPage } from './pages/SignInPage';

test.use({ sharedMode: true });

test('a person of a mapped group signs in with "Log ind med KK Login" and works with the role the admin gave the group; one of no group is told so', async ({ page, idp }) => {
  const signInPage = new SignInPage(page);
  const admin = USERS.find((u) => u.id === 'user-admin-1')!; // why: the demo's admin, always there
  await signInPage.goto();
  await signInPage.signIn(admin.email, SHARED_DEMO_PASSWORD, admin.name);
  await new AppShell(page).open('Organisation');
  const org = new OrganisationPage(page);
  await org.tab('Login-grupper');
  await expect(page.getByText('Ingen login-grupper endnu')).toBeVisible();
  const add = page.getByRole('button', { name: 'Tilføj login-gruppe', exact: true });
  // The open form takes the add button's place (one form at a time) with the focus in its first field; cancelling
  // brings the button back, with the focus (as on the other tabs, organisation-forms.spec.ts).
  await org.press('Tilføj login-gruppe');
  await expect(org.form('oidc-group')).toBeVisible();
  await expect(org.field('oidc-group', 'Gruppe')).toBeFocused();
  await expect(add).toHaveCount(0);
  await org.cancel('oidc-group');
  await expect(org.form('oidc-group')).toHaveCount(0);
  await expect(add).toBeFocused();
  await org.press('Tilføj login-gruppe');
  await expect(add).toHaveCount(0);
  await org.field('oidc-group', 'Gruppe').fill('KK-IT-BUF');
  await org.field('oidc-group', 'Rolle').selectOption({ label: 'IT-kontaktperson' });
  await org.field('oidc-group', 'Forvaltning').selectOption({ label: 'Børne- og Ungdomsforvaltningen (BUF)' });
  await org.save('oidc-group');
  await expect(org.result).toContainText('KK-IT-BUF er gemt.');
  await expect(page.getByTestId('oidc-groups').locator('tr[data-group="KK-IT-BUF"]')).toContainText('IT-kontaktperson');
  await expect(add).toBeFocused();
  await signInPage.signOut();

  await page.getByRole('link', { name: 'Log ind med KK Login' }).click();
  await expect(page.getByTestId('current-user')).toContainText('Mette Holm');
  await expect(page.getByTestId('current-user')).toContainText('IT-kontaktperson');
  await expect(page.getByTestId('current-user')).toContainText('BUF');
  // The session is the HttpOnly cookie: the page's scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain('kredslob_session');
  await page.reload();
  await expect(page.getByTestId('current-user')).toContainText('Mette Holm');
  await signInPage.signOut();

  idp.person = { sub: 'kk-4712', email: 'jonas.berg@kk.dk', name: 'Jonas Berg', groups: ['KK-Kantine'] };
  await page.getByRole('link', { name: 'Log ind med KK Login' }).click();
  await expect(page.getByTestId('sign-in-oidc-refusal')).toHaveText('Du er ikke medlem af en gruppe, der giver adgang til Kredsløb. Kontakt en administrator.');
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
});
