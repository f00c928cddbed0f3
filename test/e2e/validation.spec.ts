/** What a person is told when input is wrong, in which language, and which menu entries their role gets. */
import { expect, test } from './fixtures';
import { AllDevicesPage } from './pages/AllDevicesPage';
import { AppShell } from './pages/AppShell';
import { CheckInPage } from './pages/CheckInPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';

test('an empty report shows an error at each required field and saves nothing', async ({ page }) => {
  const shell = new AppShell(page);
  const all = new AllDevicesPage(page);
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-warehouse-1');
  await shell.open('Alle enheder');
  const before = await all.totalCount();
  expect(before).toBeGreaterThan(0);

  await shell.switchProfile('user-buf-1');
  await shell.open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.submit();

  await expect(report.errorSummary).toBeVisible();
  await expect(report.errorSummary).toContainText('Nogle felter mangler eller er ikke udfyldt korrekt.');
  for (const field of [report.category, report.manufacturer, report.model, report.serial, report.location]) {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Skal udfyldes\./);
  }
  await expect(report.category).toBeFocused();
  await expect(report.reportedTag).toHaveCount(0);

  // Filling only some fields leaves errors only at the others.
  await report.manufacturer.fill('Lenovo');
  await report.submit();
  await expect(report.manufacturer).not.toHaveAttribute('aria-invalid', 'true');
  await expect(report.model).toHaveAccessibleDescription(/Skal udfyldes\./);
  await expect(report.reportedTag).toHaveCount(0);

  await shell.switchProfile('user-warehouse-1');
  await shell.open('Alle enheder');
  expect(await all.totalCount()).toBe(before);
});

// The administrator's list is grouped by administration, the contact's holds their own sites: both paths refuse an unchosen site.
for (const userId of ['user-admin-1', 'user-buf-1'] as const) {
  test(`a report with "Vælg lokation" left unchosen is refused at the location field (${userId})`, async ({ page }) => {
    const shell = new AppShell(page);
    const all = new AllDevicesPage(page);
    const report = new ReportDevicePage(page);
    await new ProfilePickerPage(page).goto();
    await new ProfilePickerPage(page).choose('user-warehouse-1');
    await shell.open('Alle enheder');
    const before = await all.totalCount();

    await shell.switchProfile(userId);
    await shell.open('Anmeld overskud');
    await report.category.selectOption({ label: 'Bærbar computer' });
    await report.manufacturer.fill('Lenovo');
    await report.model.fill('ThinkPad T14');
    await report.serial.fill(`E2E-NOLOC-${userId}`);
    await report.location.selectOption({ label: 'Vælg lokation' });
    await report.submit();
    await expect(report.errorSummary).toContainText('Skal udfyldes.');
    await expect(report.location).toHaveAttribute('aria-invalid', 'true');
    await expect(report.location).toHaveAccessibleDescription(/Skal udfyldes\./);
    await expect(report.location).toBeFocused();
    await expect(report.reportedTag).toHaveCount(0);

    await shell.switchProfile('user-warehouse-1');
    await shell.open('Alle enheder');
    expect(await all.totalCount()).toBe(before);
  });
}

test('a malformed scanned tag at check-in shows the asset tag format', async ({ page }) => {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-warehouse-1');
  const shell = new AppShell(page);
  await shell.open('Modtag på lager');
  const checkIn = new CheckInPage(page);
  await checkIn.choose('A', 'Hylde A-01');
  await checkIn.scan('KK-12X');

  await expect(checkIn.result).toHaveRole('alert');
  await expect(checkIn.result).toHaveText('KK-12X er ikke et inventarnummer. Et inventarnummer har formen KK-0001234.');
  await expect(checkIn.row('KK-12X')).toHaveAttribute('data-state', 'failed');
  await expect(checkIn.failures).toContainText('1 scanning fejlede');
  // The scan left the field when it ended: the next scan starts in an empty, focused field, never appended to this one.
  await expect(checkIn.scanField).toBeFocused();
  await expect(checkIn.scanField).toHaveValue('');
  await expect(checkIn.done).toHaveText('Udført: 0');
});

test('switching to English shows English labels', async ({ page }) => {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-buf-1');
  const shell = new AppShell(page);
  await shell.open('Anmeld overskud');
  await shell.switchLanguage('English');

  const menu = shell.menu('Main menu');
  await expect(menu.getByRole('link', { name: 'Reuse marketplace' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Report surplus' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'My reservations' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Report surplus' })).toBeVisible();
  await expect(page.getByLabel('Category', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Manufacturer')).toBeVisible();
  await expect(page.getByLabel('Serial number')).toBeVisible();
  await expect(page.getByLabel('Location (where the device is)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Switch profile' })).toBeVisible();
  await expect(page.getByText('Anmeld overskud')).toHaveCount(0);

  // Errors come in English too.
  await page.getByRole('button', { name: 'Report surplus' }).click();
  await expect(page.getByLabel('Category', { exact: true })).toHaveAccessibleDescription(/Required\./);

  await shell.switchLanguage('Dansk');
  await expect(shell.menu('Hovedmenu').getByRole('link', { name: 'Anmeld overskud' })).toBeVisible();
});

test('each role sees only the menu entries it can use', async ({ page }) => {
  const picker = new ProfilePickerPage(page);
  const shell = new AppShell(page);
  const entries = ['Genbrugsbørs', 'Anmeld overskud', 'Mine reservationer', 'Modtag på lager', 'Udlevér', 'Flyt til hylde', 'Lageroptælling', 'E-affald', 'Affaldspartier', 'Genanvendere', 'Emissionsfaktorer', 'Statistik', 'Alle enheder', 'QR-mærkater', 'Efterlysninger'];
  const expected: Record<string, string[]> = {
    'user-sustainability-1': ['Genbrugsbørs', 'E-affald', 'Affaldspartier', 'Emissionsfaktorer', 'Statistik', 'Alle enheder'],
    // What a role sees follows from the procedures it may call (renderer/screens.tsx): marketplace.search is open
    // to every role, devices.search (every device, any state) is not open to contacts, devices.report is open to
    // the warehouse too.
    'user-sof-1': ['Genbrugsbørs', 'Anmeld overskud', 'Mine reservationer', 'Efterlysninger'],
    'user-warehouse-1': ['Genbrugsbørs', 'Anmeld overskud', 'Modtag på lager', 'Udlevér', 'Flyt til hylde', 'Lageroptælling', 'E-affald', 'Affaldspartier', 'Emissionsfaktorer', 'Alle enheder', 'QR-mærkater'],
  };

  await picker.goto();
  for (const [userId, visible] of Object.entries(expected)) {
    if (await shell.currentUser.isVisible()) await shell.switchProfile(userId);
    else await picker.choose(userId);
    await expect(shell.menu().getByRole('link')).toHaveText(visible);
    for (const entry of entries.filter((e) => !visible.includes(e))) {
      await expect(shell.menuEntry(entry), `${userId} must not see "${entry}"`).toHaveCount(0);
    }
  }

  // A typed address to a screen the role does not use says so instead of showing it.
  await shell.switchProfile('user-sustainability-1');
  await page.goto('/#/check-in');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expect(page.getByTestId('scan-tag')).toHaveCount(0);
});
