/**
 * The warehouse's scanning journey (issue 7): pre-printed labels, a device reported with one of them, checked
 * in with a handheld scanner while the focus is elsewhere, moved to a shelf and the move undone, then a
 * stock-take of a shelf with one missing and one unexpected device. The camera part of the journey is in
 * camera.spec.ts; the 20-scan bursts are in scan-bursts.spec.ts.
 */
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { transitionFor } from '../../shared/lifecycle';
import type { Device } from '../../shared/schemas';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CheckInPage } from './pages/CheckInPage';
import { DevicePage } from './pages/DevicePage';
import { HandheldScanner } from './pages/HandheldScanner';
import { MoveStationPage } from './pages/MoveStationPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';
import { StockTakePage } from './pages/StockTakePage';

const BUF_CONTACT = 'user-buf-1';
const WAREHOUSE = 'user-warehouse-1';
const BUF_SITE_ID = 'dep-buf-site-1';
const WAREHOUSE_NAME = 'Centrallager IT, Sydhavnen';
const CHECK_IN_SHELF = { id: 'loc-shelf-A1', name: 'Hylde A-01' };
const MOVE_SHELF = { id: 'loc-shelf-C3', name: 'Hylde C-03' };
const COUNTED_SHELF = { id: 'loc-shelf-A2', name: 'Hylde A-02' };
/** The states a shelf holds (the lifecycle's move action): the devices a stock-take expects. */
const HELD = new Set<string>(transitionFor('move').from);

/** A monitor reported by BUF (through the API) and checked in on `shelfId`. */
async function monitorOn(api: Api, shelfId: string, serial: string): Promise<Device> {
  const d = await api.call(BUF_CONTACT, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial, locationId: BUF_SITE_ID });
  return api.call(WAREHOUSE, 'devices.checkIn', { assetTag: d.assetTag, condition: 'A', locationId: shelfId });
}

/** The tags of the devices recorded on a shelf in a state the warehouse holds (the demo data puts some there). */
async function tagsOnShelf(api: Api, shelfId: string): Promise<string[]> {
  const { items } = await api.call(WAREHOUSE, 'devices.search', { locationId: shelfId, limit: 500 });
  return items.filter((d) => HELD.has(d.status)).map((d) => d.assetTag);
}

async function locationOf(api: Api, assetTag: string): Promise<string> {
  return (await api.call(WAREHOUSE, 'devices.get', { assetTag })).device.locationId;
}

async function signIn(page: Page, userId: string): Promise<AppShell> {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(userId);
  return new AppShell(page);
}

test('pre-printed tag → report → check-in by wedge burst → move and undo → stock-take with a missing and an unexpected device', async ({ page }) => {
  const api = new Api(page.request);
  const scanner = new HandheldScanner(page);

  // (a) Three pre-printed tags and their label sheet.
  const { tags } = await api.call(WAREHOUSE, 'tags.allocate', { count: 3 });
  expect(tags).toHaveLength(3);
  const sheet = await api.call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7160', tags });
  expect(Buffer.from(sheet.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(sheet).toMatchObject({ pages: 1, labels: 3 });
  const [tag = '', unusedTag = '', spareTag = ''] = tags;

  // (b) A BUF contact reports a monitor and scans the label into "Fortrykt inventarnummer".
  const shell = await signIn(page, BUF_CONTACT);
  await shell.open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.fill({ category: 'Skærm', manufacturer: 'Dell', model: 'P2422H', serial: `JOURNEY-${Date.now()}`, location: 'BUF, Gyldenløvesgade 15' });
  await report.assetTag.focus();
  await scanner.scan(tag);
  await expect(report.assetTag).toHaveValue(tag);
  await report.submit();
  await expect(report.reportedTag).toHaveText(tag);

  // (c) The warehouse checks it in with a scan made while the focus is on the condition list.
  await shell.switchProfile(WAREHOUSE);
  await shell.open('Modtag på lager');
  const checkIn = new CheckInPage(page);
  await checkIn.choose('B', CHECK_IN_SHELF.name);
  await checkIn.condition.focus();
  await scanner.scan(tag);
  await expect(checkIn.done).toHaveText('Udført: 1');
  await expect(checkIn.result).toContainText(`Modtaget på lager: ${tag}`);
  await expect(checkIn.condition).toHaveValue('B');
  await expect(checkIn.scanField).toHaveValue('');
  // Check-in has no inverse: the station offers no undo.
  await expect(checkIn.undoButton).toHaveCount(0);
  expect(await locationOf(api, tag)).toBe(CHECK_IN_SHELF.id);

  // (d) Moved to another shelf on the move station, then the move is undone.
  await shell.open('Flyt til hylde');
  const move = new MoveStationPage(page);
  await expect(move.undoButton).toBeDisabled();
  await move.chooseShelf(MOVE_SHELF.name);
  await move.scanField.focus();
  await scanner.scan(tag);
  await expect(move.scanRow(tag)).toHaveAttribute('data-state', 'done');
  await expect(move.result).toContainText(
    `Flyttet: ${tag} – Dell P2422H fra ${WAREHOUSE_NAME} · ${CHECK_IN_SHELF.name} til ${WAREHOUSE_NAME} · ${MOVE_SHELF.name}`,
  );
  expect(await locationOf(api, tag)).toBe(MOVE_SHELF.id);

  await expect(move.undoButton).toContainText(`Fortryd sidste scanning (${tag})`);
  await move.undoButton.click();
  await expect(move.undoRow(tag)).toHaveAttribute('data-state', 'done');
  await expect(move.result).toContainText(`Fortrudt: ${tag} er flyttet tilbage til ${WAREHOUSE_NAME} · ${CHECK_IN_SHELF.name}`);
  await expect(move.scanRow(tag)).toHaveAttribute('data-undone', 'true');
  await expect(move.scanRow(tag)).toContainText('Fortrudt');
  await expect(move.undoButton).toBeDisabled();
  await expect(move.done).toHaveText('Udført: 0');
  await expect(move.scanField).toBeFocused();
  expect(await locationOf(api, tag)).toBe(CHECK_IN_SHELF.id);
  await page.screenshot({ path: '/tmp/stock-move-da.png', fullPage: true });

  // The trail keeps both moves; the second says it takes the first back.
  await move.scanRow(tag).getByRole('link', { name: tag }).click();
  const device = new DevicePage(page);
  await expect(device.assetTag).toHaveText(tag);
  const moves = (await device.trailEntries()).filter((e) => e.type === 'moved');
  expect(moves).toHaveLength(2);
  expect(moves[0]?.text).toContain(`Fra: ${CHECK_IN_SHELF.name}`);
  expect(moves[0]?.text).not.toContain('Fortryder den forrige flytning');
  expect(moves[1]?.text).toContain(`Fra: ${MOVE_SHELF.name}`);
  expect(moves[1]?.text).toContain('Fortryder den forrige flytning');

  // (e) A stock-take of a shelf: one device recorded there is not scanned, and the journey's device (recorded
  // on another shelf) is found there, with an unused pre-printed tag among the scans.
  const missing = await monitorOn(api, COUNTED_SHELF.id, `MISSING-${Date.now()}`);
  const onShelf = (await tagsOnShelf(api, COUNTED_SHELF.id)).filter((t) => t !== missing.assetTag);
  await shell.open('Lageroptælling');
  const count = new StockTakePage(page);
  await count.start(COUNTED_SHELF.name);
  await count.scanField.focus();
  await scanner.scanAll([...onShelf, tag, unusedTag, tag]);
  const counted = onShelf.length + 2;
  await expect(count.total).toHaveText(`${counted} enheder talt`);
  await expect(count.result).toContainText(`${tag} er allerede talt. Den tælles én gang.`);

  // A wrong scan is taken back with Ctrl+Z while the tag field is empty.
  await scanner.scan(spareTag);
  await expect(count.total).toHaveText(`${counted + 1} enheder talt`);
  await expect(count.scanField).toBeFocused();
  await count.pressUndoShortcut();
  await expect(count.scanRow(spareTag)).toHaveAttribute('data-undone', 'true');
  await expect(count.total).toHaveText(`${counted} enheder talt`);

  // A reload in the middle of the count loses nothing.
  await page.reload();
  await expect(count.total).toHaveText(`${counted} enheder talt`);

  await count.finishButton.click();
  await expect(count.report).toContainText(`Optælling af ${WAREHOUSE_NAME} · ${COUNTED_SHELF.name}`);
  await expect(count.count('expected')).toHaveText(String(onShelf.length + 1));
  await expect(count.count('found')).toHaveText(String(onShelf.length));
  await expect(count.count('missing')).toHaveText('1');
  await expect(count.count('unexpected')).toHaveText('1');
  await expect(count.count('unknown')).toHaveText('1');
  expect(await count.reportTags('missing')).toEqual([missing.assetTag]);
  expect(await count.reportTags('unexpected')).toEqual([tag]);
  await expect(count.reportRow('unexpected', tag)).toContainText(`${WAREHOUSE_NAME} · ${CHECK_IN_SHELF.name}`);
  expect(await count.reportTags('unknown')).toEqual([unusedTag]);
  expect((await count.reportTags('found')).sort()).toEqual([...onShelf].sort());
  await page.screenshot({ path: '/tmp/stock-report-da.png', fullPage: true });

  // The CSV opens in Danish Excel: BOM, ";" between cells, CRLF, one row per device or unknown tag.
  const download = await count.exportCsv();
  expect(download.suggestedFilename()).toMatch(/^lageroptaelling-Hylde-A-02-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toBe('Resultat;Inventarnummer;Kategori;Producent;Model;Serienummer;Status;Registreret på');
  expect(lines).toContain(`Mangler;${missing.assetTag};Skærm;Dell;P2422H;${missing.serial};På lager;Hylde A-02`);
  expect(lines.find((l) => l.startsWith(`Uventet;${tag};Skærm;Dell;P2422H;`))).toMatch(/;På lager;Centrallager IT, Sydhavnen · Hylde A-01$/);
  expect(lines).toContain(`Ukendt;${unusedTag}`);
  expect(lines.filter((l) => l.startsWith('Fundet;'))).toHaveLength(onShelf.length);
  expect(lines.at(-1)).toBe('');

  // "Udskriv" opens the print dialog; on paper the menu and the buttons are left out.
  await page.evaluate(() => {
    const w = window as unknown as { printed: number }; // why: a counter the test adds to the page
    w.printed = 0;
    window.print = () => void w.printed++;
  });
  await count.printButton().click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1); // why: the counter added above
  await page.emulateMedia({ media: 'print' });
  await expect(count.moveHereButton).toBeHidden();
  await expect(shell.menu()).toBeHidden();
  await expect(count.part('missing')).toBeVisible();
  await page.screenshot({ path: '/tmp/stock-report-print-da.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The unexpected device is recorded as moved here, with its own trail event, and the report now finds it.
  await count.moveHereButton.click();
  await expect(count.movedBanner).toContainText('1 af 1 er registreret som flyttet hertil.');
  await expect(count.movedBanner).toContainText(`${tag} er registreret som flyttet hertil.`);
  await expect(count.count('unexpected')).toHaveText('0');
  await expect(count.count('found')).toHaveText(String(onShelf.length + 1));
  expect(await count.reportTags('found')).toContain(tag);
  const { device: movedHere, trail } = await api.call(WAREHOUSE, 'devices.get', { assetTag: tag });
  expect(movedHere.locationId).toBe(COUNTED_SHELF.id);
  expect(trail.at(-1)).toMatchObject({ type: 'moved', fromLocationId: CHECK_IN_SHELF.id, locationId: COUNTED_SHELF.id });
});

test('in English: the move station undoes with Ctrl+Z from the shelf list, and the stock-take report reads in English', async ({ page }) => {
  const api = new Api(page.request);
  const scanner = new HandheldScanner(page);
  const moved = await monitorOn(api, CHECK_IN_SHELF.id, `EN-MOVE-${Date.now()}`);
  const stray = await monitorOn(api, 'loc-shelf-D4', `EN-STRAY-${Date.now()}`);
  const onShelf = await tagsOnShelf(api, 'loc-shelf-B1');
  const shell = await signIn(page, WAREHOUSE);
  await shell.switchLanguage('English');

  await shell.menuEntry('Move to shelf', 'Main menu').click();
  const move = new MoveStationPage(page);
  await move.chooseShelf('Hylde B-01');
  // The focus is on the shelf list, not in a text field: the scan moves the device and Ctrl+Z takes it back.
  await move.shelf.focus();
  await scanner.scan(moved.assetTag);
  await expect(move.result).toContainText(`Moved: ${moved.assetTag} – Dell P2422H from ${WAREHOUSE_NAME} · Hylde A-01 to ${WAREHOUSE_NAME} · Hylde B-01`);
  await expect(move.undoButton).toContainText(`Undo last scan (${moved.assetTag})`);
  await move.shelf.focus();
  await move.pressUndoShortcut();
  await expect(move.result).toContainText(`Undone: ${moved.assetTag} is moved back to ${WAREHOUSE_NAME} · Hylde A-01`);
  await expect(move.scanRow(moved.assetTag)).toContainText('Undone');
  await expect(page.getByText('Shortcut: Ctrl+Z (⌘Z on a Mac) when you are not typing in a field.')).toBeVisible();
  expect(await locationOf(api, moved.assetTag)).toBe(CHECK_IN_SHELF.id);
  await page.screenshot({ path: '/tmp/stock-move-en.png', fullPage: true });

  await shell.menuEntry('Stock-take', 'Main menu').click();
  const count = new StockTakePage(page);
  await count.start('Hylde B-01');
  await count.scanField.focus();
  const [notScanned, ...scanned] = onShelf;
  await scanner.scanAll([...scanned, stray.assetTag, 'KK-9999999']);
  await expect(count.total).toHaveText(`${scanned.length + 2} devices counted`);
  await count.finishButton.click();
  await expect(count.report).toContainText(`Count of ${WAREHOUSE_NAME} · Hylde B-01`);
  await expect(count.count('missing')).toHaveText(notScanned ? '1' : '0');
  await expect(count.reportRow('unexpected', stray.assetTag)).toContainText(`${WAREHOUSE_NAME} · Hylde D-04`);
  await expect(count.part('unknown')).toContainText('KK-9999999');
  await expect(count.moveHereButton).toBeVisible();
  await page.screenshot({ path: '/tmp/stock-report-en.png', fullPage: true });
});
