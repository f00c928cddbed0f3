/**
 * Reservation approval (issue 11). In the demo, Kultur- og Fritidsforvaltningen (KFF) requires its reservations
 * to be approved within 3 days by its first IT contact (user-kff-1). A KFF contact's reservation waits as
 * "Afventer godkendelse" and holds the device; the approver approves it (reserved) or rejects it with a reason
 * (back on the marketplace). The timeout is covered by core/reservations/service.test.ts (it needs a clock).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { DevicePage } from './pages/DevicePage';
import { MarketplacePage } from './pages/MarketplacePage';
import { MyReservationsPage } from './pages/MyReservationsPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const KFF = 'Kultur- og Fritidsforvaltningen (KFF)';

/** Signs in as KFF's second contact, reserves the first device on the marketplace; returns its asset tag. */
async function requestFirstListed(page: Page): Promise<string> {
  const picker = new ProfilePickerPage(page);
  await picker.goto();
  await picker.choose('user-kff-2');
  const shell = new AppShell(page);
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await expect(market.rows.first()).toBeVisible();
  const tag = (await market.rows.first().getAttribute('data-asset-tag')) ?? '';
  await market.open(tag);
  const device = new DevicePage(page);
  await device.press('Reservér');
  await expect(device.actionDone).toContainText(`${tag} er reserveret til din forvaltning og afventer godkendelse`);
  await expect(device.status).toHaveText('Afventer godkendelse');
  await expect(device.reservationDepartment).toHaveText(KFF);
  await expect(device.reservationStatus).toHaveText('Afventer godkendelse');

  // The request holds the device: it is gone from the marketplace.
  await shell.open('Genbrugsbørs');
  await market.searchAndWait(tag);
  await expect(market.row(tag)).toHaveCount(0);

  // The contact who asked sees it waiting in "Mine reservationer", with no approve button of their own.
  await shell.open('Mine reservationer');
  const reservations = new MyReservationsPage(page);
  await expect(reservations.row(tag)).toContainText('Afventer godkendelse');
  await expect(reservations.toApprove).toHaveCount(0);
  return tag;
}

test('with approval on, a reservation waits for the approver, who approves it: the device is reserved', async ({ page }) => {
  const tag = await requestFirstListed(page);
  const shell = new AppShell(page);
  const reservations = new MyReservationsPage(page);

  await shell.switchProfile('user-kff-1');
  await shell.open('Mine reservationer');
  await expect(reservations.approvalRow(tag)).toBeVisible();
  await reservations.approve(tag);
  await expect(reservations.result).toHaveText(`Reservationen på ${tag} er godkendt.`);
  await expect(reservations.approvalRow(tag)).toHaveCount(0);
  await expect(reservations.row(tag)).toContainText('Aktiv');

  await reservations.row(tag).getByRole('link', { name: tag, exact: true }).click();
  const device = new DevicePage(page);
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationStatus).toHaveText('Aktiv');
  await expect(device.trailEvents.last()).toHaveAttribute('data-event-type', 'reservation_approved');
});

test('a rejected reservation puts the device back on the marketplace, with the reason in its trail', async ({ page }) => {
  const tag = await requestFirstListed(page);
  const shell = new AppShell(page);
  const reservations = new MyReservationsPage(page);

  await shell.switchProfile('user-kff-1');
  await shell.open('Mine reservationer');
  await reservations.reject(tag, 'Vi har fået nye maskiner');
  await expect(reservations.result).toHaveText(`Reservationen på ${tag} er afvist, og enheden er tilbage på genbrugsbørsen.`);
  await expect(reservations.row(tag)).toContainText('Afvist');
  await expect(reservations.row(tag).getByRole('button')).toHaveCount(0);

  // Another administration finds it on the marketplace again.
  await shell.switchProfile('user-tmf-1');
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await market.search(tag);
  await expect(market.row(tag)).toBeVisible();
  await market.open(tag);
  const device = new DevicePage(page);
  await expect(device.status).toHaveText('På genbrugsbørsen');
  await expect(device.trailEvents.last()).toHaveAttribute('data-event-type', 'reservation_rejected');
  await expect(device.trailEvents.last()).toContainText('Vi har fået nye maskiner');
});

test("an admin's Mine reservationer chooses any administration, approves there and can turn approval off", async ({ page }) => {
  const tag = await requestFirstListed(page);
  const shell = new AppShell(page);
  const reservations = new MyReservationsPage(page);

  await shell.switchProfile('user-admin-1');
  await shell.open('Mine reservationer');
  await reservations.chooseDepartment(KFF);
  await expect(reservations.row(tag)).toContainText('Afventer godkendelse');
  await expect(page.getByTestId('approval-state')).toHaveText('Reservationer skal godkendes inden for 3 dage.');
  await reservations.approve(tag);
  await expect(reservations.result).toHaveText(`Reservationen på ${tag} er godkendt.`);

  await reservations.setApprovalRequired(false);
  await expect(page.getByTestId('approval-saved')).toHaveText(`Godkendelse for ${KFF} er gemt.`);
  await expect(page.getByTestId('approval-state')).toHaveText('Reservationer gælder med det samme.');
});

test('the approver decides on the device page too (where a notification leads); the one who asked sees no such buttons there', async ({ page }) => {
  const tag = await requestFirstListed(page);
  const shell = new AppShell(page);
  const reservations = new MyReservationsPage(page);
  await reservations.row(tag).getByRole('link', { name: tag, exact: true }).click();
  const device = new DevicePage(page);
  await expect(device.status).toHaveText('Afventer godkendelse');
  await expect(page.getByTestId('approval-actions')).toHaveCount(0);
  const id = device.deviceId();

  await shell.switchProfile('user-kff-1');
  await device.goto(`/#/devices/${id}`);
  const decide = page.getByTestId('approval-actions');
  // "Afvis" opens the reason form; cancelling it leaves the request as it was.
  await decide.getByRole('button', { name: 'Afvis' }).click();
  await expect(page.getByRole('button', { name: 'Afvis reservationen' })).toBeVisible();
  await page.getByRole('button', { name: 'Annullér', exact: true }).click();
  await decide.getByRole('button', { name: 'Godkend' }).click();
  await expect(device.actionDone).toHaveText(`Reservationen på ${tag} er godkendt.`);
  await expect(device.actionDone).toBeFocused();
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationStatus).toHaveText('Aktiv');
  await expect(page.getByTestId('approval-actions')).toHaveCount(0);
  await expect(device.trailEvents.last()).toHaveAttribute('data-event-type', 'reservation_approved');
});

test('Indstillinger shows one approval card: choosing an administration there keeps the focus on the chooser and shows its rule', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-admin-1');
  await new AppShell(page).open('Indstillinger');
  await expect(page.getByRole('heading', { name: 'Godkendelse af reservationer' })).toHaveCount(1);
  const card = page.getByTestId('approval-settings');
  const chooser = card.getByLabel('Forvaltning', { exact: true });
  await chooser.focus();
  await chooser.selectOption({ label: KFF });
  await expect(chooser).toBeFocused();
  await expect(card.getByTestId('approval-state')).toHaveText('Reservationer skal godkendes inden for 3 dage.');
  await expect(card.getByLabel('Reservationer skal godkendes')).toBeChecked();
});
