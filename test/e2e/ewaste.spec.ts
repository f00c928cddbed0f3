/** E-affald: the warehouse routes suggested devices and one device by tag; each gets its own trail event. */
import { Api } from './api';
import { expect, test } from './fixtures';
import { EwastePage } from './pages/EwastePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';

test('the warehouse routes two suggestions and one device by tag to e-waste, each on its own trail', async ({ page, request }) => {
  const api = new Api(request);
  await api.defectiveInStock(['E2E-DEF-1', 'E2E-DEF-2']);
  const before = await api.call(WAREHOUSE, 'ewaste.suggestions', {});
  expect(before.total).toBeGreaterThanOrEqual(2);

  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(WAREHOUSE);
  const ewaste = new EwastePage(page);
  await ewaste.goto();
  // why poll: the list fills in after its call returns, and the heading goto waits for is there before it
  await expect.poll(() => ewaste.tagsSuggested()).toEqual(before.items.map((i) => i.device.assetTag));
  const suggested = await ewaste.tagsSuggested();
  const [first = '', second = ''] = suggested;

  await ewaste.routeSelected([first, second]);
  await expect(ewaste.outcomes).toContainText(`${first} er sendt til elektronikaffald.`);
  await expect(ewaste.outcomes).toContainText(`${second} er sendt til elektronikaffald.`);
  await expect(ewaste.row(first)).toHaveCount(0);

  // One device on the marketplace, routed by its tag with a reason and a note.
  const { items } = await api.call(WAREHOUSE, 'devices.search', { status: 'listed', limit: 1 });
  const listed = items[0];
  if (!listed) throw new Error('the demo data has a device on the marketplace');
  await ewaste.routeOne(listed.assetTag, 'Beslutning', 'Udgået model');
  await expect(ewaste.outcomes).toContainText(`${listed.assetTag} er sendt til elektronikaffald.`);

  for (const tag of [first, second, listed.assetTag]) {
    const detail = await api.call(WAREHOUSE, 'devices.get', { assetTag: tag });
    expect(detail.device.status).toBe('ewaste_queued');
    expect(detail.trail.at(-1)).toMatchObject({ type: 'routed_to_ewaste', actor: { id: WAREHOUSE } });
  }
  const routedByTag = await api.call(WAREHOUSE, 'devices.get', { assetTag: listed.assetTag });
  expect(routedByTag.trail.at(-1)).toMatchObject({ reason: 'decision', note: 'Udgået model' });

  // Routing it again is refused by the lifecycle table, by name.
  await ewaste.routeOne(listed.assetTag, 'Beslutning');
  await expect(ewaste.outcomes).toContainText(`Du kan ikke bruge "Send til elektronikaffald" på ${listed.assetTag}`);
});
