/**
 * Printing QR labels: a pre-printed batch on "QR-mærkater" (reserve, print, print again without new tags),
 * one device's label from its page, and the labels of devices selected in "Alle enheder". Each PDF is
 * caught as the download a person gets and read back with poppler's pdftotext.
 */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AllDevicesPage } from './pages/AllDevicesPage';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { LabelsPage } from './pages/LabelsPage';
import { readPdf } from './pdf';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';
const BUF_CONTACT = 'user-buf-1';
const L7651 = 'Avery L7651 – 65 pr. A4-ark, 38,1 × 21,2 mm';
const DK11209 = 'Brother DK-11209 – enkelt mærkat, 62 × 29 mm';

/** "KK-0000401" → 401, and back. */
const tagNumber = (tag: string) => Number(tag.slice(3));
const tagOf = (n: number) => `KK-${String(n).padStart(7, '0')}`;
const tagRange = (first: string, count: number) => Array.from({ length: count }, (_, i) => tagOf(tagNumber(first) + i));

async function signIn(page: import('@playwright/test').Page, userId: string): Promise<void> {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(userId);
}

test('the warehouse reserves and prints 65 labels, prints them again without new tags, and the next batch follows on', async ({ page }) => {
  await signIn(page, WAREHOUSE);
  await new AppShell(page).open('QR-mærkater');
  const labels = new LabelsPage(page);

  const download = await labels.reserveAndPrint(65, L7651, 1);
  const [first, last] = await labels.shownRange();
  expect(tagNumber(last) - tagNumber(first)).toBe(64);
  await expect(labels.batchCount).toHaveText('(65 mærkater)');
  const pdf = await readPdf(download);
  expect(pdf.name).toBe(`kredslob-maerkater-${first}-${last}-avery-l7651.pdf`);
  // One A4 sheet, every tag printed under its code, in sheet order.
  expect(pdf.tags).toEqual(tagRange(first, 65));
  await expect(labels.downloaded).toContainText(`${pdf.name} er hentet (1 side)`);
  await expect(labels.form).toContainText('Udskriv i 100 % (faktisk størrelse)');

  // A paper jam: the same tags again, on a fresh sheet.
  const again = await readPdf(await labels.reprint());
  expect(again.name).toBe(pdf.name);
  expect(again.tags).toEqual(pdf.tags);
  expect(await labels.shownRange()).toEqual([first, last]);

  // The next batch starts right after the first: printing again reserved nothing.
  const next = await readPdf(await labels.reserveAndPrint(3, L7651, 63));
  expect(next.tags).toEqual(tagRange(tagOf(tagNumber(last) + 1), 3));
  expect(await labels.shownRange()).toEqual([tagOf(tagNumber(last) + 1), tagOf(tagNumber(last) + 3)]);

  // The batch is remembered: after a reload "Udskriv igen" still prints it.
  await page.reload();
  await expect(labels.range).toHaveText(`${tagOf(tagNumber(last) + 1)} – ${tagOf(tagNumber(last) + 3)}`);
  await expect(labels.print.start).toHaveValue('63');
});

test('a form with a start position the sheet does not have reserves nothing and says what is wrong', async ({ page }) => {
  await signIn(page, WAREHOUSE);
  const labels = new LabelsPage(page);
  await labels.goto();
  const before = await readPdf(await labels.reserveAndPrint(1, L7651, 1));

  let downloads = 0;
  page.on('download', () => downloads++);
  await labels.fill(0, L7651, 66);
  await labels.form.getByRole('button', { name: 'Reservér og udskriv' }).click();
  await expect(labels.form.getByRole('alert')).toContainText('Nogle felter mangler eller er ikke udfyldt korrekt.');
  await expect(labels.print.start).toHaveAccessibleDescription(/Der er ingen mærkat nr\. 66 på Avery L7651\. Vælg et startnummer fra 1 til 65\./);
  await expect(labels.count).toHaveAccessibleDescription(/mindst 1/);
  await expect(labels.count).toBeFocused();
  await page.screenshot({ path: test.info().outputPath('labels-errors.png'), fullPage: true });

  // A good count with the bad start: the start alone stops it, before a tag is reserved.
  await labels.count.fill('10');
  await labels.form.getByRole('button', { name: 'Reservér og udskriv' }).click();
  await expect(labels.count).not.toHaveAttribute('aria-invalid');
  await expect(labels.print.start).toBeFocused();
  await expect(labels.print.start).toHaveAccessibleDescription(/Der er ingen mærkat nr\. 66 på Avery L7651/);
  // Still the first batch: nothing was reserved.
  expect(await labels.shownRange()).toEqual([before.tags[0], before.tags[0]]);

  // Corrected, the next tag is the one right after the first batch.
  const fixed = await readPdf(await labels.reserveAndPrint(2, L7651, 65));
  expect(fixed.tags).toEqual(tagRange(tagOf(tagNumber(before.tags[0] ?? '') + 1), 2));
  expect(downloads).toBe(1);
});

test('a device’s label prints from its page, on the stock chosen last time', async ({ page, request }) => {
  const api = new Api(request);
  const { items } = await api.call(WAREHOUSE, 'devices.search', { limit: 1 });
  const device = items[0];
  if (!device) throw new Error('the demo data has no devices');
  await signIn(page, WAREHOUSE);
  const devicePage = new DevicePage(page);
  await devicePage.goto(`/#/devices/${device.id}`);

  await devicePage.label.chooseStock(DK11209);
  // A label printer's roll has no start position.
  await expect(devicePage.label.start).toBeHidden();
  const pdf = await readPdf(await devicePage.label.download('Udskriv QR-mærkat'));
  expect(pdf.name).toBe(`kredslob-maerkater-${device.assetTag}-brother-dk11209.pdf`);
  expect(pdf.tags).toEqual([device.assetTag]);
  await expect(devicePage.label.downloaded).toContainText('(1 side)');

  // The choice is remembered for the next print.
  const labels = new LabelsPage(page);
  await labels.goto();
  await expect(labels.print.stock).toHaveValue('brother-dk11209');
});

test('three devices selected in Alle enheder print on one sheet, in asset-tag order', async ({ page }) => {
  await signIn(page, WAREHOUSE);
  await new AppShell(page).open('Alle enheder');
  const all = new AllDevicesPage(page);
  await expect(all.rows.first()).toBeVisible();
  const onPage = await all.rowTags();

  // "Select all on this page" and back.
  await all.selectPage.check();
  await expect(all.selectionCount).toHaveText(`${onPage.length} enheder valgt`);
  await all.selectPage.uncheck();
  await expect(all.selectionCount).toBeHidden();

  const chosen = [onPage[4], onPage[0], onPage[2]].map((t) => t ?? '');
  for (const tag of chosen) await all.select(tag);
  await expect(all.selectionCount).toHaveText('3 enheder valgt');
  await expect(all.selectPage).not.toBeChecked();
  // Ticking a box does not open the device.
  await expect(page.getByRole('heading', { level: 1, name: 'Alle enheder' })).toBeVisible();

  await all.selectionLabels.chooseStock(L7651);
  await all.selectionLabels.start.fill('10');
  await page.screenshot({ path: test.info().outputPath('labels-selection.png') });
  const pdf = await readPdf(await all.selectionLabels.download('Udskriv QR-mærkater'));
  const inOrder = [...chosen].sort();
  expect(pdf.tags).toEqual(inOrder);
  expect(pdf.name).toBe(`kredslob-maerkater-${inOrder[0]}-${inOrder[2]}-avery-l7651.pdf`);
});

test('a department contact has no QR-mærkater screen, but prints a device’s label', async ({ page, request }) => {
  await signIn(page, BUF_CONTACT);
  const shell = new AppShell(page);
  await expect(shell.menuEntry('Genbrugsbørs')).toBeVisible();
  await expect(shell.menuEntry('QR-mærkater')).toHaveCount(0);
  await page.goto('/#/labels');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();

  const api = new Api(request);
  const { items } = await api.call(BUF_CONTACT, 'marketplace.search', { limit: 1 });
  const device = items[0];
  if (!device) throw new Error('the demo marketplace is empty');
  const devicePage = new DevicePage(page);
  await devicePage.goto(`/#/devices/${device.id}`);
  const pdf = await readPdf(await devicePage.label.download('Udskriv QR-mærkat'));
  expect(pdf.tags).toEqual([device.assetTag]);
});

test('screenshots: QR-mærkater in Danish and English, and the device page’s label card', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, WAREHOUSE);
  const labels = new LabelsPage(page);
  await labels.goto();
  await labels.reserveAndPrint(65, L7651, 1);
  await page.screenshot({ path: test.info().outputPath('labels-screen-da.png'), fullPage: true });
  await new AppShell(page).switchLanguage('English');
  await expect(page.getByRole('heading', { level: 1, name: 'QR labels' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('labels-screen-en.png'), fullPage: true });
  await new AppShell(page).switchLanguage('Dansk');

  const { items } = await new Api(request).call(WAREHOUSE, 'devices.search', { limit: 1 });
  await new DevicePage(page).goto(`/#/devices/${items[0]?.id ?? ''}`);
  await page.getByTestId('device-label').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('labels-device-page.png'), fullPage: true });
});
