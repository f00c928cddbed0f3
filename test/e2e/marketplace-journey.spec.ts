/**
 * Issue 11's journey, end to end in one story: a BUF contact reports a 16 GB, 14" laptop with two photos (one a
 * renamed text file, refused by name); a KFF contact, whose administration requires approval, filters the
 * marketplace by RAM and screen size and saves a wanted request; the warehouse lists the laptop; the KFF contact
 * sees the notification and reserves from it, which waits for approval; KFF's approver approves; the warehouse
 * hands it over with a drawn signature, and the receipt's PDF names the receiver.
 */
import { WIPE } from '../../core/testing/fixtures';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { HandOverPage } from './pages/HandOverPage';
import { MarketplacePage } from './pages/MarketplacePage';
import { MyReservationsPage } from './pages/MyReservationsPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';
import { WantedPage } from './pages/WantedPage';
import { readPdf } from './pdf';
import { writePhotoFiles } from './photo-files';

const MODEL = 'ThinkPad T14 Gen 4 Rejse';

test('photos, filters, a wanted request, its notification, an approved reservation and a signed hand-over receipt', async ({ page, request }) => {
  test.setTimeout(180_000);
  const files = await writePhotoFiles();
  const api = new Api(request);
  const shell = new AppShell(page);
  const picker = new ProfilePickerPage(page);

  // A BUF contact reports the laptop with two photos; the renamed text file is refused by name, nothing of it kept.
  await picker.goto();
  await picker.choose('user-buf-1');
  await shell.open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.fill({ category: 'Bærbar computer', manufacturer: 'Lenovo', model: MODEL, serial: `JOURNEY11-${Date.now()}`, location: 'BUF, Gyldenløvesgade 15' });
  await page.getByLabel('RAM (GB)').fill('16');
  await report.screenInch.fill('14');
  await report.attachPhotos([files.camera, files.renamedText]);
  const tag = await report.submitAndReadTag();
  await expect(report.photosSaved).toHaveText('Fotos gemt: 1.');
  await expect(report.photoRefusals).toHaveText(['Fotoet noter.jpg blev ikke gemt: filen er ikke et JPEG-, PNG- eller WebP-billede.']);

  // The warehouse checks it in and wipes it (other specs click through these steps).
  const { items } = await api.call('user-warehouse-1', 'devices.search', { text: tag, limit: 1 });
  const id = items[0]!.id;
  await api.call('user-warehouse-1', 'devices.checkIn', { assetTag: tag, condition: 'A', locationId: 'loc-shelf-A1' });
  await api.call('user-warehouse-1', 'devices.recordSanitization', { deviceId: id, ...WIPE });

  // A KFF contact filters the marketplace by RAM and screen size (nothing of ours is listed yet), then asks for it.
  await shell.switchProfile('user-kff-2');
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await market.choose('ram', '16');
  await market.choose('screen', '14-15.99');
  const query = await market.urlQuery();
  expect([query.get('ram'), query.get('screen')]).toEqual(['16', '14-15.99']);
  await expect(market.row(tag)).toHaveCount(0);
  await shell.open('Efterlysninger');
  const wanted = new WantedPage(page);
  await wanted.create({ category: 'Bærbar computer', ramMinGb: 16, screenMinInch: 14, screenMaxInch: 15.9, quantity: 1, text: 'Til biblioteket' });
  await expect(wanted.row('Til biblioteket')).toContainText('0 af 1 reserveret');

  // The warehouse lists it from its page.
  await shell.switchProfile('user-warehouse-1');
  const device = new DevicePage(page);
  await device.goto(`/#/devices/${id}`);
  await device.press('Sæt på genbrugsbørsen');
  await expect(device.status).toHaveText('På genbrugsbørsen');

  // The KFF contact finds it under the same filters, with its photo, and is told about it.
  await shell.switchProfile('user-kff-2');
  await shell.open('Genbrugsbørs');
  await market.choose('ram', '16');
  await market.choose('screen', '14-15.99');
  await expect(market.row(tag)).toHaveCount(1);
  await expect(market.thumbnail(tag)).toBeVisible();
  const bell = new NotificationsPage(page);
  await bell.expectUnread(1);
  await bell.open();
  await bell.follow(tag);
  await expect(device.assetTag).toHaveText(tag);
  await device.press('Reservér');
  await expect(device.actionDone).toContainText(`${tag} er reserveret til din forvaltning og afventer godkendelse`);
  await expect(device.status).toHaveText('Afventer godkendelse');

  // KFF's approver approves it.
  await shell.switchProfile('user-kff-1');
  await shell.open('Mine reservationer');
  const reservations = new MyReservationsPage(page);
  await reservations.approve(tag);
  await expect(reservations.result).toHaveText(`Reservationen på ${tag} er godkendt.`);
  await expect(reservations.row(tag)).toContainText('Aktiv');

  // The warehouse hands it over; the receiver signs on screen, and the receipt names them.
  await shell.switchProfile('user-warehouse-1');
  await shell.open('Udlevér');
  const station = new HandOverPage(page);
  await station.collectedBy('Maja Lund', 'Biblioteker');
  await station.drawSignature();
  await station.scan(tag);
  await expect(station.result).toContainText(`Udleveret: ${tag}`);
  const receipt = await readPdf(await station.downloadReceipt());
  const text = receipt.text.replace(/\s+/g, ' ');
  for (const seen of [`Udleveringskvittering ${tag}`, 'Modtaget af Maja Lund', 'Modtagende enhed Biblioteker', 'Kultur- og Fritidsforvaltningen', 'Underskrevet på skærmen']) {
    expect(text, seen).toContain(seen);
  }

  // The request counts the reservation it led to.
  await shell.switchProfile('user-kff-2');
  await shell.open('Efterlysninger');
  await expect(wanted.row('Til biblioteket')).toContainText('1 af 1 reserveret');
});
