/**
 * Photos: a contact reports a laptop with two photos, one a text file renamed .jpg. The refused one is named
 * with its reason, the other is saved, shown on the device page (upright, with alt text) and, once the warehouse
 * has listed the laptop, as a thumbnail on its row of the marketplace.
 */
import type { Locator } from '@playwright/test';
import { WIPE } from '../../core/testing/fixtures';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CheckInPage } from './pages/CheckInPage';
import { DevicePage } from './pages/DevicePage';
import { MarketplacePage } from './pages/MarketplacePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';
import { writePhotoFiles } from './photo-files';

/** The pixels the browser decoded: proves the image arrived and is a real picture, not just an <img> tag. */
const naturalSize = (img: Locator) => img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]);

test('a reported photo that is a renamed text file is refused by name; the other is shown on the device page and the marketplace', async ({ page, request }) => {
  const files = await writePhotoFiles();
  const api = new Api(request);
  const shell = new AppShell(page);
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-buf-1');
  await shell.open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.fill({ category: 'Bærbar computer', manufacturer: 'HP', model: 'EliteBook 840 G6 Foto', serial: 'FOTO-SN-1', location: 'BUF, Gyldenløvesgade 15' });
  await report.attachPhotos([files.camera, files.renamedText]);
  const tag = await report.submitAndReadTag();

  await expect(report.photosSaved).toHaveText('Fotos gemt: 1.');
  await expect(report.photoRefusals).toHaveText(['Fotoet noter.jpg blev ikke gemt: filen er ikke et JPEG-, PNG- eller WebP-billede.']);

  await page.getByRole('link', { name: 'Åbn enhedens side' }).click();
  const device = new DevicePage(page);
  await expect(device.assetTag).toHaveText(tag);
  await expect(device.photoImages).toHaveCount(1);
  const photo = device.photoImages.first();
  await expect(photo).toHaveAccessibleName('HP EliteBook 840 G6 Foto, foto 1 af 1');
  // The camera stored it 640×480 with "rotate 90°" in its EXIF: it is shown upright.
  await expect.poll(() => naturalSize(photo)).toEqual([480, 640]);
  await expect(device.trailEvents.last()).toContainText('Foto tilføjet');
  await expect(device.trailEvents.last()).toContainText('Fil: kontor-laptop.jpg');

  // The warehouse checks it in, wipes it and lists it (set up through the API; other specs click through it).
  const id = device.deviceId();
  await api.call('user-warehouse-1', 'devices.checkIn', { assetTag: tag, condition: 'B', locationId: 'loc-shelf-A1' });
  await api.call('user-warehouse-1', 'devices.recordSanitization', { deviceId: id, ...WIPE });
  await api.call('user-warehouse-1', 'devices.publish', { deviceId: id });

  await shell.switchProfile('user-suf-1');
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await market.search(tag);
  await expect(market.rows).toHaveCount(1);
  const thumb = market.thumbnail(tag);
  await expect(thumb).toHaveAccessibleName('Foto af HP EliteBook 840 G6 Foto');
  await expect.poll(() => naturalSize(thumb)).toEqual([300, 400]);
});

test('the warehouse photographs a device at check-in; the photo is on its page, and the reporter can no longer change it', async ({ page, request }) => {
  const files = await writePhotoFiles();
  const api = new Api(request);
  const reported = await api.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'Dell', model: 'Latitude 5420 Foto', serial: 'FOTO-SN-2', locationId: 'dep-buf-site-1' });
  const shell = new AppShell(page);
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-warehouse-1');
  await shell.open('Modtag på lager');
  const checkIn = new CheckInPage(page);
  await checkIn.choose('B', 'Hylde B-02');
  await checkIn.scan(reported.assetTag);
  await expect(checkIn.result).toContainText(`Modtaget på lager: ${reported.assetTag}`);
  await checkIn.attachPhotos(reported.assetTag, [files.camera]);
  await expect(page.getByTestId('photos-saved')).toHaveText('Fotos gemt: 1.');

  const device = new DevicePage(page);
  await device.goto(`/#/devices/${reported.id}`);
  await expect(device.photoImages).toHaveCount(1);
  await expect(device.photoImages.first()).toHaveAccessibleName('Dell Latitude 5420 Foto, foto 1 af 1');
  await expect(device.photos.getByRole('button', { name: 'Fjern foto 1' })).toBeVisible();

  // Once the warehouse has it, the reporting contact sees the photo but no controls to change it.
  await shell.switchProfile('user-buf-1');
  await device.goto(`/#/devices/${reported.id}`);
  await expect(device.photoImages).toHaveCount(1);
  await expect(device.photos.getByRole('button', { name: 'Fjern foto 1' })).toHaveCount(0);
  await expect(device.photos.getByLabel('Tilføj fotos')).toHaveCount(0);
});
