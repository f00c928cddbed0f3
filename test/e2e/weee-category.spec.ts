/** The device page's WEEE category: the warehouse overrides it and sets it back; the trail says so; others only read it. */
import { CATEGORY_FACTS } from '../../shared/categories';
import { Api } from './api';
import { expect, test } from './fixtures';
import { DevicePage } from './pages/DevicePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';

test('the warehouse changes a device’s WEEE category and back, each on the trail; a contact and a collected device show no choice', async ({ page, request }) => {
  const api = new Api(request);
  const device = await api.laptopInStock('E2E-WEEE-1');
  const fallback = CATEGORY_FACTS[device.category].weee;

  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(WAREHOUSE);
  const devicePage = new DevicePage(page);
  await devicePage.goto(`/#/devices/${device.id}`);
  const weee = page.getByTestId('device-weee');
  const select = page.getByRole('combobox', { name: 'Skift WEEE-kategori' });
  await expect(weee).toHaveText('2 – Skærme og udstyr med skærm');
  await expect(select).toHaveValue('');
  await expect(select.locator('option').first()).toHaveText(`kategoriens standard (${fallback})`);

  await select.selectOption({ label: '6 – Småt IT- og teleudstyr' });
  await expect(weee).toHaveText('6 – Småt IT- og teleudstyr (ændret i forhold til kategorien)');
  await expect(devicePage.trailEvents.last()).toContainText('WEEE-kategori 2 → 6');

  await select.selectOption({ label: `kategoriens standard (${fallback})` });
  await expect(weee).toHaveText('2 – Skærme og udstyr med skærm');
  await expect(devicePage.trailEvents.last()).toContainText('WEEE-kategori 6 → kategoriens standard');
  const trail = (await api.call(WAREHOUSE, 'devices.get', { id: device.id })).trail.slice(-2);
  expect(trail).toMatchObject([
    { type: 'weee_category_set', from: 2, to: 6 },
    { type: 'weee_category_set', from: 6, to: null },
  ]);

  // Gone to the recycler: the category is settled.
  const collected = (await api.call(WAREHOUSE, 'devices.search', { status: 'collected', limit: 1 })).items[0];
  if (!collected) throw new Error('the demo data has a collected device');
  await devicePage.goto(`/#/devices/${collected.id}`);
  await expect(weee).toBeVisible();
  await expect(select).toHaveCount(0);

  // The administration's IT contact reads the category but cannot change it.
  const contact = `user-${device.departmentId.replace(/^dep-/, '')}-1`;
  await page.getByRole('button', { name: 'Skift profil' }).click();
  await picker.choose(contact);
  await devicePage.goto(`/#/devices/${device.id}`);
  await expect(weee).toHaveText('2 – Skærme og udstyr med skærm');
  await expect(select).toHaveCount(0);
});
