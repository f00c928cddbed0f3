/**
 * The server goes away in the middle of a scan burst (issue 13): the browser's calls to /api/ are cut at the
 * network, as when a cable is pulled or the reverse proxy has no server behind it. The scans that could not be
 * sent are shown as NOT done, each with its tag and the reason; the others are done; a banner says the server
 * cannot be reached and goes away by itself when it can. "Send igen" then sends the scans that were not sent,
 * in the order they were scanned. Nothing was queued behind the person's back.
 */
import type { Page, Route } from '@playwright/test';
import type { Device, TrailEvent } from '../../shared/schemas';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { CheckInPage } from './pages/CheckInPage';
import { HandheldScanner } from './pages/HandheldScanner';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const WAREHOUSE = 'user-warehouse-1';
const BUF_CONTACT = 'user-buf-1';
const SHELF = 'Hylde B-02';

async function reportDevices(api: Api, n: number): Promise<Device[]> {
  const stamp = Date.now();
  const devices: Device[] = [];
  for (let i = 0; i < n; i++) {
    devices.push(
      await api.call(BUF_CONTACT, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: `Udfald ${i + 1}`, serial: `OUT-${stamp}-${i}`, locationId: 'dep-buf-site-1' }),
    );
  }
  return devices;
}

/**
 * Cuts every /api/ call at the network from the check-in of `fromTag` on, until `restore` is called: the
 * first scans of the burst reach the server, the rest meet a dead network.
 */
async function cutTheNetworkFrom(page: Page, fromTag: string): Promise<{ restore(): Promise<void>; cut(): number }> {
  let down = false;
  let cutCalls = 0;
  const handler = async (route: Route) => {
    if (!down && route.request().postData()?.includes(`"${fromTag}"`)) down = true;
    if (!down) return route.continue();
    cutCalls++;
    return route.abort('internetdisconnected');
  };
  await page.route('**/api/**', handler);
  return { restore: () => page.unroute('**/api/**', handler), cut: () => cutCalls };
}

test('check-in: scans the server could not get are shown as not done, and "Send igen" completes them in order once it is back', async ({ page }) => {
  const api = new Api(page.request);
  const tags = (await reportDevices(api, 12)).map((d) => d.assetTag);
  const [reached, lost] = [tags.slice(0, 5), tags.slice(5)];
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
  await new AppShell(page).open('Modtag på lager');
  const station = new CheckInPage(page);
  await station.choose('B', SHELF);
  await station.scanField.focus();
  const network = await cutTheNetworkFrom(page, lost[0]!);

  await new HandheldScanner(page).scanAll(tags);

  await expect(station.pending).toHaveText('I kø: 0', { timeout: 30_000 });
  await expect(station.done).toHaveText('Udført: 5');
  await expect(page.getByTestId('server-unreachable')).toHaveRole('alert');
  await expect(page.getByTestId('server-unreachable')).toContainText('Serveren kan ikke nås');
  await expect(station.unsent).toContainText('7 scanninger blev ikke sendt, fordi serveren ikke kunne nås. De er IKKE udført.');
  expect(await station.unsentTags()).toEqual([...lost].reverse());
  for (const tag of lost) {
    await expect(station.row(tag)).toHaveAttribute('data-state', 'failed');
    await expect(station.row(tag)).toContainText('Ikke sendt');
    await expect(station.row(tag)).toContainText(`${tag}: Serveren kan ikke nås.`);
  }
  expect(await station.tagsIn('done')).toEqual([...reached].reverse());
  // Not a refusal to acknowledge and forget: an unsent scan waits for "Send igen", under its own banner.
  await expect(station.failures).toHaveCount(0);
  expect(network.cut()).toBeGreaterThanOrEqual(lost.length);
  await page.screenshot({ path: test.info().outputPath('server-unreachable-da.png'), fullPage: true });

  // What the server holds: the first five checked in, the rest still only reported.
  for (const tag of tags) {
    const { device } = await api.call(WAREHOUSE, 'devices.get', { assetTag: tag });
    expect(device.status, tag).toBe(reached.includes(tag) ? 'in_stock' : 'reported');
  }

  await network.restore();
  // The banner goes by itself: the app asks the server again every few seconds while it is away.
  await expect(page.getByTestId('server-unreachable')).toHaveCount(0, { timeout: 15_000 });
  await expect(station.unsent).toBeVisible();

  await station.resend();

  await expect(station.done).toHaveText('Udført: 12', { timeout: 30_000 });
  await expect(station.unsent).toHaveCount(0);
  expect(await station.unsentTags()).toEqual([]);
  await expect(station.result).toContainText(`Modtaget på lager: ${lost.at(-1)}`);
  const checkedInAt: number[] = [];
  for (const tag of tags) {
    const { device, trail } = await api.call(WAREHOUSE, 'devices.get', { assetTag: tag });
    expect(device.status, tag).toBe('in_stock');
    const checkIns = trail.filter((e: TrailEvent) => e.type === 'checked_in');
    expect(checkIns, `${tag} was checked in once`).toHaveLength(1);
    checkedInAt.push(Date.parse(checkIns[0]?.at ?? ''));
  }
  for (let i = 1; i < checkedInAt.length; i++) expect(checkedInAt[i], `${tags[i]} after ${tags[i - 1]}`).toBeGreaterThanOrEqual(checkedInAt[i - 1] ?? 0);
});

test('in English: the banner and the unsent scan say so, and the banner stays while the server is away', async ({ page }) => {
  const api = new Api(page.request);
  const [device] = await reportDevices(api, 1);
  const tag = device?.assetTag ?? '';
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(WAREHOUSE);
  const shell = new AppShell(page);
  await shell.open('Modtag på lager');
  await shell.switchLanguage('English');
  const station = new CheckInPage(page);
  await station.choose('A', 'Hylde A-01');
  await station.scanField.focus();
  const network = await cutTheNetworkFrom(page, tag);

  await new HandheldScanner(page).scan(tag);

  await expect(station.unsent).toContainText('1 scan was not sent because the server could not be reached. It is NOT done.');
  await expect(station.row(tag)).toContainText('Not sent');
  await expect(station.result).toHaveRole('alert');
  await expect(station.result).toContainText(`${tag}: The server cannot be reached.`);
  await expect(page.getByTestId('server-unreachable')).toContainText('The server cannot be reached. What you do now is not saved.');
  // The header does not go on saying "Connected to" under that banner (wt-account).
  const host = new URL(page.url()).host;
  await expect(page.getByTestId('connection-mode')).toHaveText(`No connection to ${host}`);
  // Still away after two rounds of asking again: the banner stays.
  await page.waitForTimeout(11_000);
  await expect(page.getByTestId('server-unreachable')).toBeVisible();
  expect(network.cut()).toBeGreaterThanOrEqual(3);

  await network.restore();
  await station.resend();
  await expect(station.done).toHaveText('Done: 1');
  await expect(page.getByTestId('server-unreachable')).toHaveCount(0);
  await expect(page.getByTestId('connection-mode')).toHaveText(`Connected to ${host}`);
});
