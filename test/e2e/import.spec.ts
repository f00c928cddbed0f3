/**
 * Importér enheder (issue 12): a 1,000-row register with 7 bad rows shows the 7 named in the dry run, imports
 * 993, and the same file again changes nothing; a binary file renamed .csv is refused naming it.
 */
import AxeBuilder from '@axe-core/playwright';
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';

/** 1,000 rows as Danish Excel saves them; rows 101, 201 … 701 (spreadsheet rows 102 … 702) each have one thing wrong. */
function register(): Buffer {
  const lines = ['Serienummer;Kategori;Fabrikat;Model;Årgang;RAM (GB);Skærm (tommer);Status;Lokation;Forvaltning;Indkøbsdato'];
  const bad: Record<number, string> = {
    100: 'E2E-0100;Brødrister;HP;EliteBook;2020;8;14;På lager;Hylde A-01;BUF;01-02-2020',
    200: 'E2E-0200;Laptop;HP;EliteBook;2020;8;14;På lager;Hylde Z-99;BUF;01-02-2020',
    300: 'E2E-0300;Laptop;HP;EliteBook;2020;8;14;På lager;Hylde A-01;XYZ;01-02-2020',
    400: 'E2E-0001;Laptop;HP;EliteBook;2020;8;14;På lager;Hylde A-01;BUF;01-02-2020',
    500: 'E2E-0500;Laptop;HP;EliteBook;2020;otte;14;På lager;Hylde A-01;BUF;01-02-2020',
    600: 'E2E-0600;Laptop;HP;EliteBook;2020;8;14;Destrueret;Hylde A-01;BUF;01-02-2020',
    700: 'E2E-0700;Laptop;HP;EliteBook;2020;8;14;På lager;Hylde A-01;BUF;31-02-2020',
  };
  for (let i = 0; i < 1000; i++) {
    lines.push(bad[i] ?? `E2E-${String(i).padStart(4, '0')};${i % 4 ? 'Bærbar computer' : 'Skærm'};Lenovo;ThinkPad T14;2021;16;14,0;På lager;Hylde A-01;BUF;15-03-2021`);
  }
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n');
}

test('a 1,000-row register with 7 bad rows: 7 named refusals in the dry run, 993 imported, the second import changes nothing', async ({ page, request }) => {
  const api = new Api(request);
  const before = (await api.call(ADMIN, 'devices.search', { limit: 1 })).total;
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Importér enheder');
  const screen = new ImportPage(page);
  const file = { name: 'register.csv', mimeType: 'text/csv', buffer: register() };

  await screen.choose(file);
  await expect(screen.summary).toHaveText('register.csv: 1000 rækker og 11 kolonner (CSV).');
  // The guess from the Danish headers, preselected; the focus is on the mapping step.
  await expect(screen.field('Serienummer (skal udfyldes)')).toHaveValue('0');
  await expect(screen.field('Inventarnummer')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Kolonner' })).toBeFocused();
  await screen.runDryRun();
  await expect(page.getByRole('heading', { name: 'Prøvekørsel: hvad importen vil gøre' })).toBeFocused();
  await expect(screen.count('create')).toHaveText('993');
  await expect(screen.count('refused')).toHaveText('7');
  await screen.showOnlyRefused();
  await expect(screen.rows).toHaveCount(7);
  await expect(screen.rows.nth(0)).toContainText('ukendt kategori "Brødrister"');
  await expect(screen.rows.nth(1)).toContainText('ukendt lokation "Hylde Z-99"');
  await expect(screen.rows.nth(2)).toContainText('ukendt forvaltning "XYZ"');
  await expect(screen.rows.nth(3)).toContainText('serienummeret "E2E-0001" står også i række 3');
  await expect(screen.rows.nth(4)).toContainText('RAM (GB) "otte" er ikke et gyldigt tal');
  await expect(screen.rows.nth(5)).toContainText('status "Destrueret" kan ikke importeres');
  await expect(screen.rows.nth(6)).toContainText('Indkøbsdato "31-02-2020" er ikke en dato');
  await expect(screen.rows.locator('td:first-child')).toHaveText(['102', '202', '302', '402', '502', '602', '702']);
  // The mapping step and the dry run table, as a screen reader and a keyboard meet them: no serious or critical finding.
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  await screen.startImport();
  await expect(screen.result).toHaveText('Importen er færdig: 993 oprettet, 0 opdateret, 0 uændret, 7 afvist.', { timeout: 30_000 });
  await expect(screen.result).toBeFocused();
  expect((await api.call(ADMIN, 'devices.search', { limit: 1 })).total).toBe(before + 993);

  // The same file again: nothing to create or change.
  await page.getByRole('button', { name: 'Importér en anden fil' }).click();
  await screen.choose(file);
  await screen.runDryRun();
  await expect(screen.count('create')).toHaveText('0');
  await expect(screen.count('unchanged')).toHaveText('993');
  await screen.startImport();
  await expect(screen.result).toHaveText('Importen er færdig: 0 oprettet, 0 opdateret, 993 uændret, 7 afvist.', { timeout: 30_000 });
  expect((await api.call(ADMIN, 'devices.search', { limit: 1 })).total).toBe(before + 993);
  await page.getByTestId('import-see-devices').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Alle enheder' })).toBeVisible();
});

test('a binary file renamed .csv is refused naming the file, and the mapping step does not open', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Importér enheder');
  const screen = new ImportPage(page);
  await screen.choose({ name: 'billede.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
  await expect(screen.error).toHaveText('Filen billede.csv er hverken CSV eller XLSX: den indeholder binære data (er den omdøbt?).');
  await expect(screen.mapping).toHaveCount(0);
});
