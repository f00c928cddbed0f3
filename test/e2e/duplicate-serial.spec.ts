/** A serial number already on record is not taken silently: the person sees the device that has it and decides. */
import { Api } from './api';
import { expect, test } from './fixtures';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { AppShell } from './pages/AppShell';
import { ReportDevicePage } from './pages/ReportDevicePage';

test('reporting a serial number already on record names the device that has it; "another device" reports it anyway', async ({ page, request }) => {
  const api = new Api(request);
  const known = await api.call('user-buf-1', 'devices.report', {
    category: 'monitor',
    manufacturer: 'Dell',
    model: 'P2422H',
    serial: 'CN0DUPE42',
    locationId: 'dep-buf-site-1',
  });
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-buf-1');
  await new AppShell(page).open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.fill({ category: 'Skærm', manufacturer: 'Dell', model: 'P2422H', serial: 'cn0dupe42', location: 'BUF, Gyldenløvesgade 15' });
  await report.submit();

  await expect(report.serial).toBeFocused();
  await expect(report.serial).toHaveAccessibleDescription(/Serienummeret findes allerede på en anden enhed\./);
  await expect(page.getByRole('alert').first()).toContainText(`Serienummeret CN0DUPE42 er allerede registreret på ${known.assetTag} (status "Anmeldt").`);
  const choice = page.getByTestId('duplicate-serial');
  await expect(choice).toContainText(`${known.assetTag} (Dell P2422H) har samme serienummer.`);
  await expect(report.reportedTag).toHaveCount(0);

  // The next Tab from the serial field reaches the device that has it, then the choice.
  await page.keyboard.press('Tab');
  await expect(choice.getByRole('link', { name: `Se ${known.assetTag}` })).toBeFocused();
  await expect(choice.getByRole('link', { name: `Se ${known.assetTag}` })).toHaveAttribute('href', `#/devices/${known.id}`);

  // Another serial: the choice goes away with the refusal it was about.
  await report.serial.fill('CN0DUPE43');
  await expect(choice).toHaveCount(0);
  await report.serial.fill('CN0DUPE42');
  await report.submit();
  await choice.getByRole('button', { name: 'Det er en anden enhed – anmeld alligevel' }).click();
  await expect(report.reportedTag).toBeVisible();
  await expect(report.reportedTag).not.toHaveText(known.assetTag);
  await expect(page.getByRole('heading', { name: 'Enheden er anmeldt' })).toBeFocused();
});
