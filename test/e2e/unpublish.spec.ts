/** "Tag af genbrugsbørsen" asks why, and the reason lands in the device's trail. */
import { Api } from './api';
import { expect, test } from './fixtures';
import { DevicePage } from './pages/DevicePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';

test('taking a device off the marketplace records the reason given, and a too long reason is refused at its field', async ({ page, request }) => {
  const api = new Api(request);
  const { items } = await api.call(WAREHOUSE, 'marketplace.search', { sort: 'updated_desc', limit: 1 });
  const listed = items[0];
  if (!listed) throw new Error('the demo data has no listed device');

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
  const device = new DevicePage(page);
  await device.goto(`/#/devices/${listed.id}`);
  await device.press('Tag af genbrugsbørsen');
  const form = page.getByRole('form', { name: 'Tag af genbrugsbørsen' });
  const reason = form.getByRole('textbox', { name: /^Begrundelse/ });

  await reason.fill('x'.repeat(501));
  await form.getByRole('button', { name: 'Tag af genbrugsbørsen' }).click();
  await expect(reason).toBeFocused();
  await expect(reason).toHaveAccessibleDescription(/højst 500/);
  await expect(device.status).toHaveText('På genbrugsbørsen');

  await reason.fill('Skærmen er revnet');
  await form.getByRole('button', { name: 'Tag af genbrugsbørsen' }).click();
  await expect(device.actionDone).toHaveText(`${listed.assetTag} er taget af genbrugsbørsen.`);
  await expect(device.status).toHaveText('På lager');
  await expect(device.trailEvents.last()).toContainText('Begrundelse: Skærmen er revnet');
});
