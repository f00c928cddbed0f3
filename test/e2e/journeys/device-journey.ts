/**
 * The journey a laptop takes through Kredsløb, written once and run by both transports: in Chromium over
 * HTTP (test/e2e/journey.spec.ts) and in the desktop app over IPC (test/electron/journey.electron.spec.ts).
 *
 * The journey a laptop takes through Kredsløb: reported by BUF, checked in by the warehouse, refused on the
 * marketplace until its data is sanitized, listed, reserved by SUF, refused to TMF, handed over to SUF.
 */
import { expect, type Page } from '@playwright/test';
import type { ApiResult } from '../../../shared/errors';
import { AppShell } from '../pages/AppShell';
import { CheckInPage } from '../pages/CheckInPage';
import { DevicePage, VERIFIED_PURGE } from '../pages/DevicePage';
import { HandOverPage } from '../pages/HandOverPage';
import { MarketplacePage } from '../pages/MarketplacePage';
import { ProfilePickerPage } from '../pages/ProfilePickerPage';
import { ReportDevicePage } from '../pages/ReportDevicePage';

const SUF = 'Sundheds- og Omsorgsforvaltningen (SUF)';
const BUF_SITE = 'BUF, Gyldenløvesgade 15';
const SHELF = 'Hylde B-02';

export interface JourneyEnv {
  /** Opens the app at the profile picker. */
  start(): Promise<void>;
  /** Calls a procedure as `userId` through the transport under test; status is null where there is none (IPC). */
  callApi(userId: string, procedure: string, input: unknown): Promise<{ status: number | null; body: ApiResult<unknown> }>;
  /** Shared mode (issue 13): start working as `userId` by signing in (signing out whoever works now); returns the name shown. Absent: the profile picker. */
  signInAs?(userId: string, first: boolean): Promise<string>;
}

export async function deviceJourney(page: Page, env: JourneyEnv): Promise<void> {
  const started = Date.now();
  const shell = new AppShell(page);
  const device = new DevicePage(page);
  const model = 'EliteBook 840 G6 E2E';

  const choose = (userId: string) => (env.signInAs ? env.signInAs(userId, true) : new ProfilePickerPage(page).choose(userId));
  const switchTo = (userId: string) => (env.signInAs ? env.signInAs(userId, false) : shell.switchProfile(userId));

  // A BUF contact reports the laptop and notes the asset tag.
  await env.start();
  const bufName = await choose('user-buf-1');
  await shell.open('Anmeld overskud');
  const tag = await new ReportDevicePage(page).report({
    category: 'Bærbar computer',
    manufacturer: 'HP',
    model,
    serial: 'E2E-SN-0001',
    location: BUF_SITE,
  });
  // The form gave way to the success panel: the focus is on its heading, not lost on the page body.
  await expect(page.getByRole('heading', { name: 'Enheden er anmeldt' })).toBeFocused();

  // The warehouse scans it in: condition B, a shelf.
  const warehouseName = await switchTo('user-warehouse-1');
  await shell.open('Modtag på lager');
  const checkIn = new CheckInPage(page);
  await checkIn.choose('B', SHELF);
  await checkIn.scan(tag);
  await expect(checkIn.result).toHaveRole('status');
  await expect(checkIn.result).toContainText(`Modtaget på lager: ${tag}`);
  await expect(checkIn.scanField).toHaveValue('');
  await checkIn.openScanned(tag);
  await expect(device.assetTag).toHaveText(tag);
  await expect(device.status).toHaveText('På lager');
  await expect(device.condition).toHaveText('B');
  // No weight was entered at the report: the laptop's is the category's typical one, and the page says so.
  await expect(page.getByTestId('device-weight')).toHaveText('1,6 kg (typisk)');
  const deviceUrl = page.url();

  // The wipe is the step the laptop needs next: it is the primary button, listing a secondary one that says why.
  await expect(device.action('Registrér datasletning')).toHaveClass(/button-primary/);
  await expect(device.action('Sæt på genbrugsbørsen')).toHaveClass(/button-secondary/);
  await expect(page.getByTestId('actions-wipe-first')).toHaveText('Registrér datasletningen først: "Sæt på genbrugsbørsen" kræver en verificeret datasletning.');

  // Listing an unsanitized laptop is refused, and nothing changes.
  await device.press('Sæt på genbrugsbørsen');
  await expect(device.actionError).toHaveRole('alert');
  await expect(device.actionError).toContainText(tag);
  await expect(device.actionError).toContainText(/datasletning/i);
  await expect(device.actionError).toBeFocused();
  await expect(device.status).toHaveText('På lager');
  await expect(device.status).toHaveAttribute('data-status', 'in_stock');

  // A verified Purge is recorded; then the laptop can be listed.
  await device.recordSanitization(VERIFIED_PURGE);
  await expect(device.actionDone).toContainText(`Datasletningen af ${tag} er registreret.`);
  await expect(device.actionDone).toBeFocused();
  await expect(device.page.getByTestId('sanitization-method')).toHaveText('Rensning (Purge)');
  await expect(device.sanitization).toContainText('Blancco Drive Eraser (version 7.9.1)');
  await expect(device.sanitization).toContainText('Kirsten Verificerer');
  // Wiped: listing is the step now, and the wipe goes back to being a secondary button.
  await expect(device.action('Sæt på genbrugsbørsen')).toHaveClass(/button-primary/);
  await expect(device.action('Registrér datasletning')).toHaveClass(/button-secondary/);
  await expect(page.getByTestId('actions-wipe-first')).toBeHidden();
  await device.press('Sæt på genbrugsbørsen');
  await expect(device.actionDone).toContainText(`${tag} er sat på genbrugsbørsen.`);
  await expect(device.actionDone).toBeFocused();
  await expect(device.status).toHaveText('På genbrugsbørsen');

  // A SUF contact finds it on the marketplace by its asset tag and reserves it.
  const sufName = await switchTo('user-suf-1');
  await shell.open('Genbrugsbørs');
  const market = new MarketplacePage(page);
  await market.search(tag);
  await expect(market.rows).toHaveCount(1);
  await expect(market.row(tag)).toContainText(model);
  await market.open(tag);
  await expect(device.assetTag).toHaveText(tag);
  await device.press('Reservér');
  await expect(device.actionDone).toContainText(`${tag} er reserveret til din forvaltning`);
  await expect(device.actionDone).toBeFocused();
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationDepartment).toHaveText(SUF);

  // A TMF contact opening the same device sees it is reserved by SUF and cannot reserve it.
  await switchTo('user-tmf-1');
  await device.goto(deviceUrl);
  await expect(shell.currentUser).toContainText('TMF');
  await expect(device.status).toHaveText('Reserveret');
  await expect(device.reservationDepartment).toHaveText(SUF);
  await expect(device.action('Reservér')).toHaveCount(0);

  // The UI hides "Reservér" for a reserved device, so TMF's attempt goes straight to the API.
  const refused = await env.callApi('user-tmf-1', 'reservations.create', { deviceId: device.deviceId(), locationId: 'dep-tmf-site-1' });
  if (refused.status !== null) expect(refused.status).toBe(409);
  expect(refused.body.ok).toBe(false);
  if (refused.body.ok) return;
  expect(refused.body.error.code).toBe('RESERVED_BY_OTHER');
  expect(refused.body.error.message).toContain(tag);
  expect(refused.body.error.message).toContain('reserveret af');
  expect(refused.body.error.message).toContain(SUF);

  // The warehouse hands it over when SUF picks it up.
  await switchTo('user-warehouse-1');
  await shell.open('Udlevér');
  const handOver = new HandOverPage(page);
  await handOver.collectedBy('Jonas Holm', 'Plejehjem');
  await handOver.scan(tag);
  await expect(handOver.result).toHaveRole('status');
  await expect(handOver.result).toContainText(`Udleveret: ${tag}`);
  await expect(handOver.result).toContainText(SUF);
  await handOver.openScanned(tag);

  // The device page tells the whole story.
  await expect(device.status).toHaveText('Genbrugt');
  await expect(device.status).toHaveAttribute('data-status', 'reused');
  await expect(device.owner).toHaveText(SUF);
  await expect(device.trailEvents).toHaveCount(6);
  const trail = await device.trailEntries();
  expect(trail.map((e) => e.type)).toEqual(['reported', 'checked_in', 'sanitized', 'listed', 'reserved', 'handed_over']);
  expect(trail.map((e) => e.actor)).toEqual([bufName, warehouseName, warehouseName, warehouseName, sufName, warehouseName]);
  expect(trail[0]?.location).toBe(BUF_SITE);
  for (const e of trail.slice(1)) expect(e.location).toContain(SHELF);
  const times = trail.map((e) => Date.parse(e.time));
  for (const [i, at] of times.entries()) {
    expect(at, `time of ${trail[i]?.type}`).toBeGreaterThanOrEqual(started - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    if (i > 0) expect(at).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
  }
  await expect(device.trailEvents.nth(0)).toContainText('Anmeldt som overskud');
  await expect(device.trailEvents.nth(2)).toContainText('Rensning (Purge)');
  await expect(device.trailEvents.nth(5)).toContainText(SUF);
  for (const item of await device.trailEvents.locator('time').all()) await expect(item).toHaveText(/\d/);
}
