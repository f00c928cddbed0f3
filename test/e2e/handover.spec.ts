/**
 * Hand-over with acceptance (issue 11): the warehouse names who collects a reserved device and the receiving
 * unit, the receiver signs on screen with the mouse, and the hand-over receipt (PDF) names the receiver; the same
 * receipt is available again from the device page.
 */
import type { Page } from '@playwright/test';
import { WIPE } from '../../core/testing/fixtures';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { HandOverPage } from './pages/HandOverPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { readPdf } from './pdf';

const BUF_CONTACT = 'user-buf-1';
const SUF_CONTACT = 'user-suf-1';
const WAREHOUSE = 'user-warehouse-1';

/** A BUF laptop checked in, wiped, listed and reserved by SUF: ready to be handed over. */
async function reservedLaptop(api: Api, serial: string) {
  const d = await api.call(BUF_CONTACT, 'devices.report', {
    category: 'laptop',
    manufacturer: 'Lenovo',
    model: 'ThinkPad T14',
    serial,
    locationId: 'dep-buf-site-1',
  });
  await api.call(WAREHOUSE, 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: 'loc-shelf-B2' });
  await api.call(WAREHOUSE, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
  await api.call(WAREHOUSE, 'devices.publish', { deviceId: d.id });
  await api.call(SUF_CONTACT, 'reservations.create', { deviceId: d.id, locationId: 'dep-suf-site-1' });
  return d;
}

async function openHandOver(page: Page): Promise<HandOverPage> {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose(WAREHOUSE);
  await new AppShell(page).open('Udlevér');
  return new HandOverPage(page);
}

test('a reserved device handed over with a drawn signature: the receipt names the receiver, the unit and the wipe, also from the device page', async ({ page }) => {
  const api = new Api(page.request);
  const serial = `HO-${Date.now()}`;
  const d = await reservedLaptop(api, serial);
  const station = await openHandOver(page);

  // Scanned before anyone is named: refused at the fields, nothing handed over.
  await station.scan(d.assetTag);
  await expect(station.result).toHaveRole('alert');
  await expect(station.result).toContainText(`Udfyld de markerede felter, før du scanner ${d.assetTag}.`);
  await expect(page.getByText('Skriv navnet på den, der afhenter udstyret.')).toBeVisible();
  await expect(page.getByText('Vælg den enhed, der modtager udstyret.')).toBeVisible();
  expect((await api.call(WAREHOUSE, 'devices.get', { id: d.id })).device.status).toBe('reserved');

  await station.collectedBy('Jonas Holm', 'Hjemmepleje');
  // On screen without a drawing is refused too: the receiver has not signed yet.
  await station.onScreen.check();
  await station.scan(d.assetTag);
  await expect(page.getByText('Lad modtageren tegne sin underskrift, eller vælg underskrift på papir.')).toBeVisible();

  await station.drawSignature();
  await station.scan(d.assetTag);
  await expect(station.result).toHaveRole('status');
  await expect(station.result).toContainText(`Udleveret: ${d.assetTag}`);

  // The trail event names the receiver, the unit and the stored signature.
  const detail = await api.call(WAREHOUSE, 'devices.get', { id: d.id });
  const event = detail.trail.at(-1);
  expect(event).toMatchObject({ type: 'handed_over', pickedUpBy: 'Jonas Holm', unitName: 'Hjemmepleje' });
  expect(event?.type === 'handed_over' ? event.signature : undefined).toMatch(/^[0-9a-f]{64}$/);

  const receipt = await readPdf(await station.downloadReceipt());
  expect(receipt.name).toBe(`udleveringskvittering-${d.assetTag}.pdf`);
  const text = receipt.text.replace(/\s+/g, ' ');
  for (const seen of [`Udleveringskvittering ${d.assetTag}`, 'Modtaget af Jonas Holm', 'Modtagende enhed Hjemmepleje', serial, 'Rensning (Purge)', 'Underskrevet på skærmen', event?.id ?? '?']) {
    expect(text, seen).toContain(seen);
  }
  await expect(station.receipt).toContainText(`udleveringskvittering-${d.assetTag}.pdf`);

  // Later, from the device page: the same receipt.
  const device = new DevicePage(page);
  await device.goto(`/#/devices/${d.id}`);
  const again = await readPdf(await device.downloadHandOverReceipt());
  expect(again.text.replace(/\s+/g, ' ')).toContain('Modtaget af Jonas Holm');
});
