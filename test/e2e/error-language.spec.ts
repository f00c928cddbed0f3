/** An error already on screen is said again in the language the person switches to. */
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

test('the error of a device that does not exist follows a switch to English and back', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-warehouse-1');
  await page.goto('/#/devices/no-such-device');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Enheden blev ikke fundet: no-such-device.');

  const shell = new AppShell(page);
  await shell.switchLanguage('English');
  await expect(alert).toContainText('The device was not found: no-such-device.');
  await expect(alert).not.toContainText('Enheden');

  await shell.switchLanguage('Dansk');
  await expect(alert).toContainText('Enheden blev ikke fundet: no-such-device.');
});
