/** The one form mechanism as a person meets it: required fields, client errors, server errors at their field. */
import type { APIRequestContext, Page } from '@playwright/test';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AllDevicesPage } from './pages/AllDevicesPage';
import { AppShell } from './pages/AppShell';
import { DevicePage, VERIFIED_PURGE } from './pages/DevicePage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';

const BUF_LAPTOP = {
  category: 'Bærbar computer',
  manufacturer: 'Lenovo',
  model: 'ThinkPad T14 Gen 1',
  serial: 'E2E-FORM-1',
  location: 'BUF, Gyldenløvesgade 15',
};

test('the warehouse reports surplus and may say that a laptop carries no data', async ({ page }) => {
  const shell = new AppShell(page);
  const report = new ReportDevicePage(page);
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-warehouse-1');
  await expect(shell.menuEntry('Anmeld overskud')).toBeVisible();
  await shell.open('Anmeld overskud');

  await report.fill({ ...BUF_LAPTOP, location: 'Københavns Rådhus, Rådhuspladsen 1' });
  await report.dataBearing('Nej').check();
  await report.submit();
  await expect(report.reportedTag).toHaveText(/^KK-\d{6,10}$/);
  await page.getByRole('link', { name: 'Åbn enhedens side' }).click();
  await expect(new DevicePage(page).dataBearing).toContainText('Nej');

  // A department contact is not offered that choice for a laptop (the core refuses it too).
  await shell.switchProfile('user-buf-1');
  await shell.open('Anmeld overskud');
  await report.category.selectOption({ label: 'Bærbar computer' });
  await expect(report.dataBearing('Ja')).toBeVisible();
  await expect(report.dataBearing('Nej')).toHaveCount(0);
});

test('the report form marks required fields, and shows client and server errors at their field', async ({ page }) => {
  const shell = new AppShell(page);
  const report = new ReportDevicePage(page);
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose('user-buf-1');
  await shell.open('Anmeld overskud');

  // Required-ness comes from the contract's schema: marked on the control and its label.
  for (const field of [report.category, report.manufacturer, report.model, report.serial, report.location]) {
    await expect(field).toHaveAttribute('aria-required', 'true');
  }
  for (const field of [report.screenInch, report.assetTag]) await expect(field).not.toHaveAttribute('aria-required', 'true');
  const mark = (id: string) => page.locator(`label[for="${id}"]`).evaluate((l) => getComputedStyle(l, '::after').content);
  expect(await mark('report-model')).toContain('*');
  expect(await mark('report-assetTag')).not.toContain('*');
  await expect(page.locator('label[for="report-assetTag"]')).toContainText('(valgfri)');

  // The client refuses an empty required field and a screen size that is not a number; the first gets the focus.
  await report.fill({ ...BUF_LAPTOP, model: '' });
  await report.screenInch.fill('14 tommer');
  await report.submit();
  await expect(report.errorSummary).toContainText('Model: Skal udfyldes.');
  await expect(report.model).toHaveAttribute('aria-invalid', 'true');
  await expect(report.model).toHaveAccessibleDescription(/Skal udfyldes\./);
  await expect(report.model).toBeFocused();
  await expect(report.screenInch).toHaveAccessibleDescription(/Skriv et tal, fx 13,3\./);
  await expect(report.reportedTag).toHaveCount(0);

  // A Danish decimal comma is a number.
  await report.model.fill(BUF_LAPTOP.model);
  await report.screenInch.fill('14,0');
  await report.submit();
  await expect(report.reportedTag).toHaveText(/^KK-\d{6,10}$/);
  const taken = ((await report.reportedTag.textContent()) ?? '').trim();

  // A second device with the same pre-printed tag: the core refuses, and says so at the asset tag field.
  await report.another();
  await report.fill({ ...BUF_LAPTOP, serial: 'E2E-FORM-2' });
  await report.assetTag.fill(taken.toLowerCase());
  await report.submit();
  await expect(report.assetTag).toHaveAttribute('aria-invalid', 'true');
  await expect(report.assetTag).toHaveAccessibleDescription(/Inventarnummeret er allerede i brug\./);
  await expect(report.assetTag).toBeFocused();
  await expect(page.getByRole('alert').first()).toContainText(`Inventarnummeret ${taken} er allerede brugt af en anden enhed.`);
  await expect(report.reportedTag).toHaveCount(0);

  // The server's error stays while the tag is unchanged, next to a new client error; another tag clears it.
  await report.serial.fill('');
  await report.submit();
  await expect(report.serial).toBeFocused();
  await expect(report.assetTag).toHaveAccessibleDescription(/Inventarnummeret er allerede i brug\./);
  await report.serial.fill('E2E-FORM-2');
  await report.assetTag.fill('');
  await report.submit();
  await expect(report.reportedTag).toHaveText(/^KK-\d{6,10}$/);
  await expect(report.reportedTag).not.toHaveText(taken);
});

/** As the warehouse, opens the page of the first laptop in stock (one is added first); returns its tag and the warehouse person's name. */
async function openStockLaptop(page: Page, request: APIRequestContext, serial: string): Promise<{ tag: string; warehouseName: string }> {
  await new Api(request).laptopInStock(serial);
  const all = new AllDevicesPage(page);
  await new ProfilePickerPage(page).goto();
  const warehouseName = await new ProfilePickerPage(page).choose('user-warehouse-1');
  await new AppShell(page).open('Alle enheder');
  await page.getByTestId('filter-status').selectOption('in_stock');
  await page.getByTestId('filter-category').selectOption('laptop');
  // why wait: the rows of the earlier filter stay until the new answer comes; a tag read from them may then vanish
  await expect(all.rows.first()).toHaveAttribute('data-category', 'laptop');
  await expect(all.rows.first()).toHaveAttribute('data-status', 'in_stock');
  const tag = (await all.rows.first().getAttribute('data-asset-tag')) ?? '';
  await all.open(tag);
  await expect(new DevicePage(page).assetTag).toHaveText(tag);
  return { tag, warehouseName };
}

test('the sanitization form asks for what a NIST record needs, with the focus on the first gap', async ({ page, request }) => {
  const device = new DevicePage(page);
  const { warehouseName } = await openStockLaptop(page, request, 'E2E-WIPE-FORM-1');
  const sanitized = page.locator('[data-testid="trail-event"][data-event-type="sanitized"]');
  await expect(device.trailEvents.first()).toBeVisible();
  const before = await sanitized.count();

  await device.press('Registrér datasletning');
  const form = page.getByRole('form', { name: 'Registrér datasletning' });
  const method = form.getByLabel('Metode (NIST SP 800-88)');
  await expect(method).toHaveAttribute('aria-required', 'true');
  await expect(form.getByLabel('Bemærkninger')).not.toHaveAttribute('aria-required', 'true');
  await form.getByRole('button', { name: 'Gem datasletning' }).click();
  await expect(method).toBeFocused();
  await expect(method).toHaveAccessibleDescription(/Skal udfyldes\./);
  // "Verificeret af" starts as the signed-in person (editable): it is not a gap, and emptied it is one.
  const verifier = form.getByLabel('Verificeret af', { exact: true });
  await expect(verifier).toHaveValue(warehouseName);
  await expect(verifier).not.toHaveAttribute('aria-invalid', 'true');
  // An unticked "verified" box is an answer, not a gap.
  await expect(form.getByLabel('Datasletningen er verificeret')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert')).toContainText('Nogle felter mangler eller er ikke udfyldt korrekt.');
  await verifier.fill('');
  await form.getByRole('button', { name: 'Gem datasletning' }).click();
  await expect(verifier).toHaveAccessibleDescription(/Skal udfyldes\./);
  await expect(sanitized).toHaveCount(before);
});

test('a wipe form left open with errors closes when the device is listed, and opens empty again later', async ({ page, request }) => {
  const device = new DevicePage(page);
  const { tag } = await openStockLaptop(page, request, 'E2E-WIPE-FORM-2');
  await device.recordSanitization(VERIFIED_PURGE);
  await expect(device.actionDone).toContainText(`Datasletningen af ${tag} er registreret.`);

  // The form is opened again and sent empty: its errors show. Then the laptop is listed instead.
  await device.press('Registrér datasletning');
  const form = page.getByRole('form', { name: 'Registrér datasletning' });
  await form.getByRole('button', { name: 'Gem datasletning' }).click();
  await expect(form.getByRole('alert')).toContainText('Nogle felter mangler eller er ikke udfyldt korrekt.');
  await device.press('Sæt på genbrugsbørsen');
  await expect(device.actionDone).toContainText(`${tag} er sat på genbrugsbørsen.`);
  await expect(form).toBeHidden();

  // Taken off the marketplace again, the wipe form opens without the old errors.
  await device.unpublish();
  await expect(device.status).toHaveText('På lager');
  await device.press('Registrér datasletning');
  await expect(form).toBeVisible();
  await expect(form.getByRole('alert')).toHaveCount(0);
  await expect(form.getByLabel('Metode (NIST SP 800-88)')).not.toHaveAttribute('aria-invalid', 'true');
});
