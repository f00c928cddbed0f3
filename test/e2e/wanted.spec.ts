/**
 * Wanted requests (issue 11): a contact saves what their administration needs, the warehouse lists a device that
 * matches, and the contact sees the unread count in the header, opens the notification and reserves from it.
 */
import { WIPE } from '../../core/testing/fixtures';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { WantedPage } from './pages/WantedPage';

test('a saved wanted request tells the contact when a matching device is listed, and they reserve it from the notification', async ({ page, request }) => {
  // A 16 GB laptop in stock and wiped, and a 8 GB one: only the first matches the request.
  const api = new Api(request);
  const inStock = async (serial: string, ramGb: number) => {
    const d = await api.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 3', serial, specs: { ramGb, screenInch: 14 }, locationId: 'dep-buf-site-1' });
    await api.call('user-warehouse-1', 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: 'loc-shelf-A1' });
    await api.call('user-warehouse-1', 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    return d;
  };
  const match = await inStock('WANT-16', 16);
  const small = await inStock('WANT-8', 8);

  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-suf-1');
  const shell = new AppShell(page);
  const bell = new NotificationsPage(page);
  await bell.expectUnread(0);

  await shell.open('Efterlysninger');
  const wanted = new WantedPage(page);
  await wanted.create({ category: 'Bærbar computer', ramMinGb: 16, quantity: 1, text: 'Til hjemmeplejen' });
  await expect(wanted.row('mindst 16 GB RAM')).toContainText('0 af 1 reserveret');
  await expect(wanted.row('mindst 16 GB RAM')).toContainText('Åben');

  // The warehouse lists both devices from their pages.
  await shell.switchProfile('user-warehouse-1');
  const device = new DevicePage(page);
  for (const d of [small, match]) {
    await device.goto(`/#/devices/${d.id}`);
    await device.press('Sæt på genbrugsbørsen');
    await expect(device.status).toHaveText('På genbrugsbørsen');
  }

  await shell.switchProfile('user-suf-1');
  await bell.expectUnread(1);
  await bell.open();
  await expect(bell.items).toHaveCount(1);
  await expect(bell.item(match.assetTag)).toContainText('passer til jeres efterlysning');
  await bell.follow(match.assetTag);
  await expect(device.assetTag).toHaveText(match.assetTag);
  await bell.expectUnread(0);
  await device.press('Reservér');
  await expect(device.status).toHaveText('Reserveret');

  await shell.open('Efterlysninger');
  await expect(wanted.row('mindst 16 GB RAM')).toContainText('1 af 1 reserveret');
  await expect(wanted.row('mindst 16 GB RAM')).toContainText('Antal nået');
});

test('a request can ask for a grade or better, a documented wipe and one administration; opened from the marketplace it starts from its filters', async ({ page, request }) => {
  const api = new Api(request);
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-suf-1');
  // The marketplace's URL with grades A–B, wiped and BUF: the form starts from them.
  await page.goto('/#/wanted?category=laptop&grade=A,B&wiped=1&department=dep-buf');
  const wanted = new WantedPage(page);
  await expect(wanted.form.getByLabel('Stand mindst')).toHaveValue('B');
  await expect(wanted.form.getByLabel('Datasletning')).toHaveValue('yes');
  await expect(wanted.form.getByLabel('Fra forvaltning')).toHaveValue('dep-buf');
  await wanted.create({ condition: 'A eller bedre', text: 'Kun de bedste' });
  const row = wanted.row('Kun de bedste');
  await expect(row).toContainText('Bærbar computer, stand A eller bedre, data slettet og dokumenteret, fra Børne- og Ungdomsforvaltningen (BUF): Kun de bedste');
  const saved = (await api.call('user-suf-1', 'wanted.list', {})).items.find((r) => r.request.text === 'Kun de bedste');
  expect(saved?.request.filter).toEqual({ category: 'laptop', conditions: ['A'], wiped: true, departmentId: 'dep-buf' });
});
