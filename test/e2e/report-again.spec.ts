/** A reused device comes back as surplus from its own administration's page ("Anmeld overskud igen"). */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const BUF_CONTACT = 'user-buf-1';
const WAREHOUSE = 'user-warehouse-1';

test('a BUF contact reports a reused BUF device as surplus again, after confirming where it is collected', async ({ page, request }) => {
  const api = new Api(request);
  const { items } = await api.call(WAREHOUSE, 'devices.search', { status: 'reused', departmentId: 'dep-buf', sort: 'updated_desc', limit: 1 });
  const reused = items[0];
  if (!reused) throw new Error('the demo data has no reused BUF device');

  // The warehouse may not start a new cycle for an administration: no such button for it.
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
  const device = new DevicePage(page);
  await device.goto(`/#/devices/${reused.id}`);
  await expect(device.status).toHaveText('Genbrugt');
  await expect(device.action('Anmeld overskud igen')).toHaveCount(0);

  await new AppShell(page).switchProfile(BUF_CONTACT);
  await device.goto(`/#/devices/${reused.id}`);
  await device.press('Anmeld overskud igen');
  const form = page.getByRole('form', { name: 'Anmeld overskud igen' });
  await expect(form).toContainText(`${reused.assetTag} kommer tilbage som overskud`);

  // Nothing happens until a site is chosen; the field says what is missing.
  const site = form.getByLabel('Lokation (hvor enheden står)');
  await site.selectOption('');
  await form.getByRole('button', { name: 'Ja, anmeld overskud igen' }).click();
  await expect(site).toBeFocused();
  await expect(device.status).toHaveText('Genbrugt');

  await site.selectOption({ index: 1 });
  const siteName = ((await site.locator('option:checked').textContent()) ?? '').trim();
  await form.getByRole('button', { name: 'Ja, anmeld overskud igen' }).click();
  await expect(device.actionDone).toHaveText(`${reused.assetTag} er anmeldt som overskud igen. IT-lageret henter den på ${siteName}.`);
  await expect(device.actionDone).toBeFocused();
  await expect(device.status).toHaveText('Anmeldt');
  await expect(form).toBeHidden();
});
