/**
 * Statistik, in the browser: the sustainability team opens the statistics, narrows them to workstations and
 * to this month, and each figure it clicks lists exactly that many devices; it downloads the month as CSV and
 * XLSX and the files hold the screen's rows, with a note typed as a formula kept as text. The devices are set up through
 * the API (reported, checked in, wiped, listed, reserved, handed over; one routed to e-waste), in categories
 * the demo municipality has none of (checked first), so every expected number is known here.
 */
import fs from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import type { Page } from '@playwright/test';
import { WIPE } from '../../core/testing/fixtures';
import { copenhagenDay } from '../../shared/days';
import type { Category } from '../../shared/schemas';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { StatsPage } from './pages/StatsPage';

const BUF_CONTACT = 'user-buf-1';
const SUF_CONTACT = 'user-suf-1';
const WAREHOUSE = 'user-warehouse-1';
const SUSTAINABILITY = 'user-sustainability-1';
const BUF_SITE_ID = 'dep-buf-site-1';
const SUF_SITE_ID = 'dep-suf-site-1';
const SHELF_ID = 'loc-shelf-A1';

interface Plan {
  category: Category;
  weightKg: number;
  /** undefined: not handed over; otherwise the hand-over's "replaces a new purchase". */
  replaces?: boolean;
  ewaste?: true;
}

/** Three workstations reused (two replacing a purchase: 2 × 547.6 kg CO2e in factor version 1), one to e-waste; one "other" reused without a factor. */
const PLAN: Plan[] = [
  { category: 'workstation', weightKg: 12, replaces: true },
  { category: 'workstation', weightKg: 10, replaces: true },
  { category: 'workstation', weightKg: 8, replaces: false },
  { category: 'workstation', weightKg: 9, ewaste: true },
  { category: 'other', weightKg: 3, replaces: true },
];

const HYPERLINK = '=HYPERLINK("http://x","y")';

async function setUp(api: Api): Promise<{ reused: string[]; credited: string[] }> {
  const stamp = Date.now();
  const reused: string[] = [];
  const credited: string[] = [];
  for (const [i, p] of PLAN.entries()) {
    const d = await api.call(BUF_CONTACT, 'devices.report', {
      category: p.category,
      manufacturer: 'HP',
      model: `Z2 Statistik ${i + 1}`,
      serial: `STAT-${stamp}-${i + 1}`,
      locationId: BUF_SITE_ID,
      weightKg: p.weightKg,
      // A note someone typed that Excel would run as a formula: the exports must write it as text.
      ...(i === 0 ? { notes: HYPERLINK } : {}),
    });
    await api.call(WAREHOUSE, 'devices.checkIn', { assetTag: d.assetTag, condition: p.ewaste ? 'defective' : 'B', locationId: SHELF_ID });
    if (p.ewaste) {
      await api.call(WAREHOUSE, 'devices.routeToEwaste', { deviceId: d.id, reason: 'defective' });
      continue;
    }
    await api.call(WAREHOUSE, 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    await api.call(WAREHOUSE, 'devices.publish', { deviceId: d.id });
    await api.call(SUF_CONTACT, 'reservations.create', { deviceId: d.id, locationId: SUF_SITE_ID });
    await api.call(WAREHOUSE, 'devices.handOver', {
      assetTag: d.assetTag,
      replacesNewPurchase: p.replaces ?? false,
      pickedUpBy: 'Jonas Holm',
      unitId: 'dep-suf-unit-1',
      acceptance: { kind: 'paper' },
    });
    if (p.category === 'workstation') reused.push(d.assetTag);
    if (p.category === 'workstation' && p.replaces) credited.push(d.assetTag);
  }
  return { reused, credited };
}

/** Clicks an export button and waits for the browser's download: the saved file's path. */
async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return file.path();
}

test('the sustainability team narrows the statistics to workstations this month, and a figure lists exactly its devices', async ({ page, request }) => {
  test.setTimeout(120_000);
  const api = new Api(request);
  const today = copenhagenDay(new Date());
  const year = { from: `${today.slice(0, 4)}-01-01`, to: `${Number(today.slice(0, 4)) + 1}-01-01` };
  // The expected numbers below assume no workstation or "other" device in the demo data: say so if that changes.
  for (const category of ['workstation', 'other'] as const) {
    const before = await api.call(SUSTAINABILITY, 'stats.summary', { ...year, groupBy: 'month', category });
    expect(before.totals.amounts.reported.count, `demo data already has ${category} devices this year`).toBe(0);
  }
  const { reused, credited } = await setUp(api);

  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  page.on('pageerror', (e) => violations.push(e.message));
  await page.setViewportSize({ width: 1280, height: 900 });

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(SUSTAINABILITY);
  await new AppShell(page).open('Statistik');
  const stats = new StatsPage(page);
  await expect(stats.loaded).toBeVisible();
  // The default period: this year so far.
  await expect(page.getByLabel('Periode', { exact: true })).toHaveValue('year');

  await page.screenshot({ path: 'test-results/stats-year-da.png', fullPage: true });
  await stats.choose('Kategori', 'Arbejdsstation');
  await expect(stats.outcomeCount('reported')).toHaveText('4');
  await stats.choose('Periode', 'Måned');
  await expect(page.getByLabel('Vælg', { exact: true })).toHaveValue(`${today.slice(0, 7)}-01`);
  await expect(stats.loaded).toBeVisible();
  await expect(stats.outcomeCount('reported')).toHaveText('4');
  await expect(stats.outcomeCount('checked_in')).toHaveText('4');
  await expect(stats.outcomeCount('listed')).toHaveText('3');
  await expect(stats.outcomeCount('reused')).toHaveText('3');
  await expect(stats.outcomeCount('routed_to_ewaste')).toHaveText('1');
  await expect(stats.outcomeCount('recycled')).toHaveText('0');
  await expect(stats.outcomes.locator('tr[data-outcome="reused"] td').nth(1)).toHaveText('30');
  // 3 reused ÷ (3 + 0 recycled + 0 destroyed); 2 × 547,6 kg CO2e credited, 1 counted but not credited.
  await expect(stats.reuseRate.locator('.stat-value')).toHaveText('100 %');
  await expect(stats.co2e.locator('.stat-value')).toHaveText('1.095,2 kg CO2e');
  await expect(stats.co2e).toContainText('Erstattede ikke et nyindkøb 1');
  await expect(page.getByTestId('stat-factor-versions')).toContainText('version 1');
  await page.screenshot({ path: 'test-results/stats-da.png', fullPage: true });

  // The same month and category as files for Excel: one row per event the screen counted.
  const csv = fs.readFileSync(await download(page, 'Enheder (CSV)'), 'utf8');
  await expect(page.getByTestId('stats-export-note')).toContainText('er gemt (15 rækker)');
  // Focus stays on the button pressed; the outcome is read out from the status line.
  await expect(page.getByRole('button', { name: 'Enheder (CSV)' })).toBeFocused();
  await expect(page.getByTestId('stats-export-note')).toHaveAttribute('role', 'status');
  await page.getByTestId('stats-export').screenshot({ path: 'test-results/stats-export-da.png' });
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const lines = csv.slice(1).split('\r\n');
  expect(lines.at(-1)).toBe('');
  const header = lines[0]!.split(';');
  expect(header.slice(0, 3)).toEqual(['Hændelse', 'Dato', 'Tidspunkt (dansk tid)']);
  const rows = lines.slice(1, -1).map((l) => l.split(';'));
  // 4 reported + 4 checked in + 3 listed + 3 reused + 1 routed to e-waste, as on the screen.
  expect(rows).toHaveLength(15);
  const reusedRows = rows.filter((r) => r[0] === 'Genbrugt');
  expect(reusedRows).toHaveLength(3);
  const creditedCol = header.indexOf('kg CO2e krediteret');
  expect(reusedRows.map((r) => r[creditedCol]).sort()).toEqual(['', '547,6', '547,6']);
  const noteRows = lines.filter((l) => l.includes('HYPERLINK'));
  // Reported, checked in, listed and reused: each row carries the note, with the apostrophe that keeps it text.
  expect(noteRows).toHaveLength(4);
  for (const l of noteRows) expect(l.endsWith(';"\'=HYPERLINK(""http://x"",""y"")"')).toBe(true);

  const workbook = await download(page, 'Projektmappe (XLSX)');
  await expect(page.getByTestId('stats-export-note')).toContainText('.xlsx er gemt');
  const devices = await readSheet(workbook, 'Enheder');
  expect(devices).toHaveLength(16);
  const reusedCells = devices.filter((r) => r[0] === 'Genbrugt');
  expect(reusedCells.map((r) => r[creditedCol]).sort()).toEqual([547.6, 547.6, null]);
  expect(reusedCells.every((r) => r[1] instanceof Date)).toBe(true);
  expect(devices.filter((r) => r[header.indexOf('Bemærkninger')] === HYPERLINK)).toHaveLength(4);
  const summary = await readSheet(workbook, 'Oversigt');
  const total = summary.find((r) => r[0] === 'I alt')!;
  expect(total[summary[0]!.indexOf('Genbrugt, antal')]).toBe(3);
  expect(total[summary[0]!.indexOf('kg CO2e undgået')]).toBe(1095.2);

  // A custom period ending before it starts is refused at its field; today alone holds the same figures.
  await stats.choose('Periode', 'Egen periode');
  await page.getByLabel('Fra og med').fill(today);
  await page.getByLabel('Til og med').fill(`${Number(today.slice(0, 4)) - 1}${today.slice(4)}`);
  await page.getByRole('button', { name: 'Vis perioden' }).click();
  await expect(page.getByText('Perioden skal slutte samme dag som eller efter den begynder')).toBeVisible();
  await page.getByLabel('Til og med').fill(today);
  await page.getByRole('button', { name: 'Vis perioden' }).click();
  await expect(page.getByTestId('stats-period-shown')).toHaveText(`Perioden ${today.split('-').reverse().join('.')}–${today.split('-').reverse().join('.')} (dansk tid).`);
  await expect(stats.loaded).toBeVisible();
  await expect(stats.outcomeCount('reused')).toHaveText('3');

  await stats.outcomeCount('reused').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Genbrugt (udleveret) i perioden');
  await expect(stats.devicesTotal).toHaveText('3 hændelser');
  await expect(stats.deviceRows).toHaveCount(3);
  expect((await stats.deviceRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-asset-tag')))).sort()).toEqual([...reused].sort());
  await page.screenshot({ path: 'test-results/stats-devices-da.png', fullPage: true });

  // A row opens the device page.
  await stats.deviceRows.first().getByRole('link').click();
  await expect(page.getByTestId('device-status')).toHaveAttribute('data-status', 'reused');
  await page.goBack();

  await page.getByTestId('stats-back').click();
  await expect(stats.loaded).toBeVisible();
  await stats.co2e.locator('.stat-value').getByRole('link').click();
  await expect(stats.devicesTotal).toHaveText('2 hændelser');
  await expect(stats.deviceRows).toHaveCount(2);
  for (const tag of credited) await expect(stats.deviceRows.filter({ hasText: tag })).toContainText('547,6');

  // "Andet" has no factor: its hand-over is credited 0 and says so.
  await page.getByTestId('stats-back').click();
  await stats.choose('Kategori', 'Andet');
  await expect(stats.loaded).toBeVisible();
  await expect(stats.co2e.locator('.stat-value')).toHaveText('0 kg CO2e');
  await expect(page.getByTestId('stat-co2e_no_factor')).toHaveText('Uden faktor (tæller 0) 1 (Andet)');

  await new AppShell(page).switchLanguage('English');
  await stats.choose('Category', 'Workstation');
  await expect(stats.co2e.locator('.stat-value')).toHaveText('1,095.2 kg CO2e');
  await page.screenshot({ path: 'test-results/stats-en.png', fullPage: true });
  await download(page, 'Workbook (XLSX)');
  await expect(page.getByTestId('stats-export-note')).toContainText('.xlsx is saved');
  await page.getByTestId('stats-export').screenshot({ path: 'test-results/stats-export-en.png' });
  await page.getByRole('link', { name: 'How the figures are counted (method)' }).click();
  await expect(page.getByTestId('factor-credit')).toContainText('Boavizta');
  await page.screenshot({ path: 'test-results/stats-method-en.png', fullPage: true });

  expect(violations).toEqual([]);
});
