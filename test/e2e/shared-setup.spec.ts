/**
 * A new shared server (issue 13, `npm run server` on an empty store without the demo): the first visitor sees
 * *Sæt Kredsløb op*, which asks for the setup code the server printed at its start. Without it nothing is
 * created; with it the first administrator is created with a password, is signed in, and signs in again with it.
 */
import type { ApiResult } from '../../shared/errors';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SetupWizardPage } from './pages/SetupWizardPage';
import { SignInPage } from './pages/SignInPage';

const CODE = 'KBHS-ETUP-2026-TEST';
test.use({ sharedMode: true, serverEnv: { KREDSLOB_DEMO: '0', KREDSLOB_SETUP_CODE: CODE } });

test('a new shared server is set up only with the code it printed, and its first admin then signs in with a password', async ({ page, app, request }) => {
  // The operator reads the code in the server's log.
  expect(app.output()).toContain(`Setup code for the first administrator: ${CODE}`);

  const wizard = new SetupWizardPage(page);
  await page.goto('/');
  await expect(wizard.heading).toBeVisible();
  // The code comes first, in a group of its own, with the focus on load (the code is the first thing to type),
  // and Tab goes from it to the organisation's name.
  await expect(wizard.field('Adgang til opsætningen', 'Opsætningskode')).toBeVisible();
  await expect(wizard.form.locator('input').first()).toHaveAttribute('id', 'setup-setupCode');
  await expect(wizard.setupCode).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(wizard.field('Organisation', 'Organisationens navn')).toBeFocused();
  await wizard.fill({
    organisationName: 'Roskilde Kommune',
    adminName: 'Mette Lund',
    adminEmail: 'mette.lund@roskilde.dk',
    departmentCode: 'økf',
    departmentName: 'Økonomiforvaltningen',
    departmentNameEn: 'Finance Administration',
    warehouseName: 'IT-lageret',
  });
  // Both are required here (not "valgfri"): left empty, each says so at its field before anything is sent.
  await wizard.submit();
  await expect(page.locator('.field', { has: page.getByLabel('Opsætningskode', { exact: true }) }).locator('.field-error')).toHaveText('Skal udfyldes.');
  await expect(wizard.fieldError('Første administrator', 'Adgangskode')).toHaveText('Skal udfyldes.');
  await wizard.field('Første administrator', 'Adgangskode').fill('lange-hemmelige-ord');

  // A guessed code: refused at its field, and the server is still empty.
  await wizard.setupCode.fill('ABCD-EFGH-JKMN-PQRS');
  await wizard.submit();
  await expect(wizard.errorSummary).toContainText('Opsætningskoden passer ikke, så intet er gemt.');
  await expect(page.locator('.field', { has: page.getByLabel('Opsætningskode', { exact: true }) }).locator('.field-error')).toHaveText('Koden passer ikke. Skriv koden fra serverens log.');
  const status = (await (await request.post('/api/setup.status', { data: {} })).json()) as ApiResult<{ needed: boolean }>; // why: the transport's documented reply shape
  expect(status).toEqual({ ok: true, data: { needed: true } });

  // The code as a person types it from the log, in small letters.
  await wizard.setupCode.fill(CODE.toLowerCase());
  await wizard.submit();
  const shell = new AppShell(page);
  await expect(shell.currentUser).toContainText('Mette Lund');

  const signIn = new SignInPage(page);
  await signIn.signOut();
  await signIn.signIn('mette.lund@roskilde.dk', 'lange-hemmelige-ord', 'Mette Lund');
});
