/**
 * "Alle enheder" as the warehouse uses it: a reserved device names the administration it is going to, and the
 * table stays usable in a 1366 px window in Danish (it scrolls sideways in a focusable region if it must).
 */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AllDevicesPage } from './pages/AllDevicesPage';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';
const SUF_CONTACT = 'user-suf-1';

test('a reserved device shows the reserving administration, marked as reserved, not its owner', async ({ page, request }) => {
  const api = new Api(request);
  const { items } = await api.call(WAREHOUSE, 'marketplace.search', { sort: 'updated_desc', limit: 50 });
  const device = items.find((d) => d.departmentId !== 'dep-suf');
  if (!device) throw new Error('the demo data has no listed device owned outside SUF');
  await api.call(SUF_CONTACT, 'reservations.create', { deviceId: device.id, locationId: 'dep-suf-site-1' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
  await new AppShell(page).open('Alle enheder');
  const all = new AllDevicesPage(page);
  // A full first page of the demo's devices (long Danish category, status and site names) fits without scrolling.
  await expect(all.rows.first()).toBeVisible();
  expect(await all.tableRegion.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

  await all.search(device.assetTag);
  await expect(all.rows).toHaveCount(1);
  await expect(all.administration(device.assetTag)).toHaveText('SUF (reserveret)');

  // The region takes focus, so a keyboard user can scroll it sideways where a longer text does not fit.
  await all.tableRegion.focus();
  await expect(all.tableRegion).toBeFocused();
});
