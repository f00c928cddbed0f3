/**
 * Cancelling a reservation puts the device back on the marketplace. Expiry is covered by the unit tests
 * (core/devices/journey.test.ts, "an expired reservation puts the device back on the marketplace"): the
 * server checks expiry only at start-up and once a minute, with a real clock and no API to move it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { MarketplacePage } from './pages/MarketplacePage';
import { MyReservationsPage } from './pages/MyReservationsPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const SUF = 'Sundheds- og Omsorgsforvaltningen (SUF)';

/** Signs in as a SUF contact, reserves the first device on the marketplace and returns its asset tag. */
async function reserveFirstListed(page: Page): Promise<string> {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-suf-1');
  const shell = new AppShell(page);
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await expect(market.rows.first()).toBeVisible();
  const tag = (await market.rows.first().getAttribute('data-asset-tag')) ?? '';
  expect(tag).toMatch(/^KK-\d+$/);
  await market.open(tag);
  const device = new DevicePage(page);
  await expect(device.assetTag).toHaveText(tag);
  await device.press('Reservér');
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationDepartment).toHaveText(SUF);

  // While reserved, it is gone from the marketplace.
  await shell.open('Genbrugsbørs');
  await market.search(tag);
  await expect(page.getByText('Ingen enheder matcher søgningen')).toBeVisible();
  await expect(market.row(tag)).toHaveCount(0);
  return tag;
}

test('a reservation cancelled from "Mine reservationer" puts the device back on the marketplace', async ({ page }) => {
  const tag = await reserveFirstListed(page);
  const shell = new AppShell(page);
  const reservations = new MyReservationsPage(page);

  await shell.open('Mine reservationer');
  await expect(reservations.row(tag)).toContainText('Aktiv');
  await reservations.cancel(tag);
  await expect(reservations.done).toContainText(`Reservationen på ${tag} er annulleret.`);
  await expect(reservations.row(tag)).toContainText('Annulleret');
  await expect(reservations.row(tag).getByRole('button')).toHaveCount(0);

  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await market.search(tag);
  await expect(market.rows).toHaveCount(1);
  await expect(market.row(tag)).toBeVisible();
  await market.open(tag);
  const device = new DevicePage(page);
  await expect(device.status).toHaveText('På genbrugsbørsen');
  await expect(device.reservation).toHaveCount(0);
  await expect(device.action('Reservér')).toBeVisible();
  await expect(device.trailEvents.last()).toHaveAttribute('data-event-type', 'reservation_cancelled');
});

test('a reservation cancelled on the device page frees the device for another administration', async ({ page }) => {
  const tag = await reserveFirstListed(page);
  const shell = new AppShell(page);
  const market = new MarketplacePage(page);
  const device = new DevicePage(page);

  await shell.open('Mine reservationer');
  await new MyReservationsPage(page).row(tag).getByRole('link', { name: tag, exact: true }).click();
  await device.press('Annullér reservation');
  await expect(device.actionDone).toContainText(`Reservationen på ${tag} er annulleret.`);
  await expect(device.status).toHaveText('På genbrugsbørsen');
  await expect(device.reservation).toHaveCount(0);

  // A TMF contact now finds it on the marketplace and can reserve it.
  await shell.switchProfile('user-tmf-1');
  await shell.open('Genbrugsbørs');
  await market.search(tag);
  await expect(market.row(tag)).toBeVisible();
  await market.open(tag);
  await device.press('Reservér');
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationDepartment).toHaveText('Teknik- og Miljøforvaltningen (TMF)');
});
