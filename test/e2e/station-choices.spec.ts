/**
 * A scan at a station refused because a choice it needs is missing (Modtag på lager: stand and shelf; Udlevér: who
 * collects and the receiving unit) names the missing fields, and the focus goes to the first of them: that is the
 * next thing to do, as after any refused form. Walked with the keyboard alone, in Danish.
 */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CheckInPage } from './pages/CheckInPage';
import { HandOverPage } from './pages/HandOverPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';

test.beforeEach(async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
});

test('Modtag på lager: a scan before stand and shelf are chosen puts the focus on the first of them, and the scan after them checks in', async ({ page }) => {
  const api = new Api(page.request);
  const device = await api.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14', serial: `KEYS-${Date.now()}`, locationId: 'dep-buf-site-1' });
  // why: the shelf chosen last is remembered in this browser; this walk starts from a station with none
  await page.evaluate(() => localStorage.clear());
  await new AppShell(page).open('Modtag på lager');
  const station = new CheckInPage(page);
  const fieldError = (label: string) => page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.field-error');

  await expect(station.scanField).toBeFocused();
  await page.keyboard.type(device.assetTag);
  await page.keyboard.press('Enter');
  await expect(station.result).toHaveText(`${device.assetTag} er ikke modtaget: vælg stand og hylde, og scan den igen.`);
  await expect(fieldError('Stand')).toHaveText('Skal udfyldes.');
  await expect(station.condition).toBeFocused();

  // Stand chosen, the shelf still not: the next refusal takes the person to the shelf.
  await station.condition.selectOption({ label: 'A' });
  await station.scanField.focus();
  await page.keyboard.type(device.assetTag);
  await page.keyboard.press('Enter');
  await expect(fieldError('Hylde')).toHaveText('Skal udfyldes.');
  await expect(station.shelf).toBeFocused();

  await station.shelf.selectOption({ label: 'Hylde A-01' });
  await page.keyboard.press('Tab');
  await expect(station.scanField).toBeFocused();
  await page.keyboard.type(device.assetTag);
  await page.keyboard.press('Enter');
  await expect(station.result).toContainText(`Modtaget på lager: ${device.assetTag}`);
  // Checked in: the next action is the next scan.
  await expect(station.scanField).toBeFocused();
});

test('Udlevér: a scan before who collects is named puts the focus in that field', async ({ page }) => {
  await new AppShell(page).open('Udlevér');
  const station = new HandOverPage(page);
  await expect(station.scanField).toBeFocused();
  await page.keyboard.type('KK-0000001');
  await page.keyboard.press('Enter');
  await expect(station.result).toHaveText('Udfyld de markerede felter, før du scanner KK-0000001.');
  await expect(page.getByLabel('Afhentes af (navn)', { exact: true })).toBeFocused();
});
