/**
 * First start without demo data (issue 12): KREDSLOB_DEMO=0 on an empty data folder shows the setup wizard instead
 * of an empty profile picker; the first person creates the organisation, the admin and the warehouse and lands
 * signed in as that admin, changes a setting on Indstillinger, and the admin audit list has it. Once a tag is
 * issued the tag format is fixed.
 */
import type { ProcedureOutput } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { SetupWizardPage } from './pages/SetupWizardPage';

test.use({ serverEnv: { KREDSLOB_DEMO: '0' } });

test('the first person sets Kredsløb up, is signed in as its admin, and changes a setting that the audit list records', async ({ page, request }) => {
  const wizard = new SetupWizardPage(page);
  await page.goto('/');
  await expect(wizard.heading).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Vælg din profil' })).toHaveCount(0);

  // The first field has the focus on load, so the person types at once (not first Tab past the language switch).
  await expect(wizard.field('Organisation', 'Organisationens navn')).toBeFocused();
  await page.keyboard.type('Roskilde Kommune');
  await expect(wizard.field('Organisation', 'Organisationens navn')).toHaveValue('Roskilde Kommune');

  // Sent half-filled: every missing field says so, the first of them has the focus, and nothing is created.
  await wizard.submit();
  await expect(wizard.errorSummary).toBeVisible();
  await expect(wizard.field('Første administrator', 'Navn')).toBeFocused();
  await expect(wizard.fieldError('Første administrator', 'Navn')).toHaveText('Skal udfyldes.');
  await expect(wizard.fieldError('Lageret', 'Lagerets navn')).toHaveText('Skal udfyldes.');
  const status = (await (await request.post('/api/setup.status', { data: {} })).json()) as ApiResult<ProcedureOutput<'setup.status'>>; // why: the transport's documented reply shape
  expect(status).toEqual({ ok: true, data: { needed: true } });

  await wizard.fill({
    organisationName: 'Roskilde Kommune',
    organisationShortName: 'Roskilde',
    adminName: 'Mette Lund',
    adminEmail: 'mette.lund@roskilde.dk',
    departmentCode: 'økf',
    departmentName: 'Økonomiforvaltningen',
    departmentNameEn: 'Finance Administration',
    warehouseName: 'IT-lageret',
    warehouseAddress: 'Køgevej 80, 4000 Roskilde',
  });
  await wizard.submit();

  const shell = new AppShell(page);
  await expect(shell.currentUser).toContainText('Mette Lund');
  await expect(shell.currentUser).toContainText('ØKF');

  // A second setup (another browser, a script) is refused now that someone exists.
  const again = (await (await request.post('/api/setup.initialize', {
    data: { organisationName: 'X', department: { code: 'AB', name: 'A', nameEn: 'A' }, admin: { name: 'Y', email: 'y@example.dk' }, warehouse: { name: 'L' } },
  })).json()) as ApiResult<unknown>; // why: the transport's documented reply shape
  expect(again.ok ? undefined : again.error.code).toBe('SETUP_DONE');

  await shell.open('Indstillinger');
  const settings = new SettingsPage(page);
  await expect(settings.field('Organisationens navn')).toHaveValue('Roskilde Kommune');
  await expect(settings.field('Præfiks')).toHaveValue('KK');
  // A figure out of range is named at its field, and nothing is saved.
  await settings.field('En reservation holder').fill('0');
  await settings.field('Præfiks').fill('R2');
  await settings.save();
  await expect(settings.fieldError('En reservation holder')).toHaveText('For lille eller for kort (mindst 1).');
  await expect(settings.fieldError('Præfiks')).toHaveText('Præfikset skal være 2 til 5 store bogstaver A–Z, fx KK.');
  await expect(settings.saved).toHaveCount(0);

  await settings.field('En reservation holder').fill('14');
  await settings.categoryField('Dage på genbrugsbørsen pr. kategori', 'Skærm').fill('30');
  await settings.field('Præfiks').fill('rk');
  await settings.field('Antal cifre').fill('6');
  await expect(settings.form).toContainText('Nye inventarnumre ser sådan ud: RK-001234');
  await settings.save();
  await expect(settings.saved).toHaveText('Indstillingerne er gemt.');
  await expect(settings.field('Præfiks')).toHaveValue('RK');
  // The app reads and shows tags in the new format at once, without a reload.
  await shell.open('Anmeld overskud');
  await expect(page.getByLabel(/^Fortrykt inventarnummer/)).toHaveAttribute('placeholder', 'RK-001234');

  // The audit list (no screen on this branch yet) has the change, made by the new admin.
  const api = new Api(request);
  const profiles = (await (await request.post('/api/session.profiles', { data: {} })).json()) as ApiResult<ProcedureOutput<'session.profiles'>>; // why: as above
  const admin = profiles.ok ? profiles.data.users[0] : undefined;
  expect(admin?.name).toBe('Mette Lund');
  const { items } = await api.call(admin?.id ?? '', 'admin.audit', { subject: 'settings' });
  expect(items).toHaveLength(1);
  expect(items[0]?.actor.name).toBe('Mette Lund');
  expect(items[0]?.changes).toEqual([
    { field: 'reservationDays', from: '7', to: '14' },
    { field: 'tagPrefix', from: 'KK', to: 'RK' },
    { field: 'tagWidth', from: '7', to: '6' },
    { field: 'offerDays.monitor', from: '60', to: '30' },
  ]);

  // The first tag issued has the new format, and from then on the format is fixed.
  const { tags } = await api.call(admin?.id ?? '', 'tags.allocate', { count: 1 });
  expect(tags).toEqual(['RK-000001']);
  await shell.open('Indstillinger');
  await expect(settings.tagLocked).toHaveText('Formatet ligger fast, fordi der er udstedt inventarnumre (senest RK-000001).');
  await expect(settings.field('Præfiks')).toBeDisabled();
});
