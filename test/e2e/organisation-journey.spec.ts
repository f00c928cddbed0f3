/**
 * Issue 12's journey, in one story: an admin adds a unit, a site and a person (a taken e-mail refused at its field
 * first); the change log names them; the new person signs in and reports at the new site; then the admin imports the
 * old register, a 1,000-row CSV as Danish Excel saves it with 7 bad rows: the dry run names the 7, the import creates
 * 993, and the same file again changes nothing. Deeper checks are in admin-reference.spec.ts and import.spec.ts.
 */
import { Api } from './api';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { OrganisationPage } from './pages/OrganisationPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { ReportDevicePage } from './pages/ReportDevicePage';

const ADMIN = 'user-admin-1';
const BUF_CONTACT = 'user-buf-1';
const KFF = 'Kultur- og Fritidsforvaltningen';

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

test('an admin adds a unit, a site and a person, who signs in and reports there; a 1,000-row register with 7 bad rows imports 993, then 0 changes', async ({ page, request }) => {
  test.setTimeout(300_000);
  const api = new Api(request);
  const taken = (await api.call(ADMIN, 'users.list', {})).items.find((u) => u.id === BUF_CONTACT)!;

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Organisation');
  const org = new OrganisationPage(page);

  // A unit of KFF.
  await org.press(`Tilføj enhed i ${KFF}`);
  await expect(org.form('unit').getByRole('heading', { name: `Ny enhed i ${KFF}` })).toBeVisible();
  await expect(org.field('unit', 'Enhedens navn')).toBeFocused();
  await org.field('unit', 'Enhedens navn').fill('Musikskoler');
  await org.save('unit');
  await expect(org.result).toHaveText('Musikskoler er gemt.');
  await expect(page.getByRole('button', { name: `Tilføj enhed i ${KFF}`, exact: true })).toBeFocused();
  await expect(page.getByTestId('department-card').filter({ hasText: KFF }).getByTestId('unit-row').filter({ hasText: 'Musikskoler' })).toContainText('0 personer');

  // A site of KFF.
  await org.tab('Lokationer');
  await org.press(`Tilføj lokation i ${KFF}`);
  await org.field('location', 'Navn').fill('Musikskolen, Vesterbrogade 10');
  await org.field('location', 'Adresse (valgfri)').fill('Vesterbrogade 10, 1620 København V');
  await org.save('location');
  await expect(org.result).toHaveText('Musikskolen, Vesterbrogade 10 er gemt.');
  await expect(page.getByTestId('sites-card').filter({ hasText: KFF })).toContainText('Vesterbrogade 10, 1620 København V');

  // A person: an e-mail another person has is refused at its field (ignoring case), with nothing saved.
  await org.tab('Personer');
  await org.press('Tilføj person');
  await org.field('person', 'Navn').fill('Nora Holm');
  await org.field('person', 'E-mail').fill(taken.email.toUpperCase());
  await org.field('person', 'Rolle').selectOption({ label: 'IT-kontaktperson' });
  await org.field('person', 'Forvaltning').selectOption({ label: `${KFF} (KFF)` });
  await org.field('person', 'Enhed (valgfri)').selectOption({ label: 'Musikskoler' });
  await org.save('person');
  await expect(org.fieldError('person', 'E-mail')).toHaveText('E-mailadressen bruges allerede af en anden person.');
  await expect(org.field('person', 'E-mail')).toBeFocused();
  await expect(page.getByRole('alert').first()).toContainText(`bruges allerede af ${taken.name}`);
  expect((await api.call(ADMIN, 'users.list', {})).items.some((u) => u.name === 'Nora Holm')).toBe(false);

  await org.field('person', 'E-mail').fill('nora.holm@kk.dk');
  await org.save('person');
  await expect(org.result).toHaveText('Nora Holm er gemt.');
  const nora = (await api.call(ADMIN, 'users.list', {})).items.find((u) => u.email === 'nora.holm@kk.dk')!;
  await expect(org.person(nora.id)).toContainText('IT-kontaktperson');
  await expect(org.person(nora.id)).toContainText('Musikskoler');

  // The change log names who made each change.
  await org.tab('Ændringslog');
  await expect(org.audit.locator('tr[data-subject="user"][data-action="created"]').first()).toContainText('Nora Holm');
  await expect(org.audit.locator('tr[data-subject="unit"][data-action="created"]').first()).toContainText('Musikskoler');

  // The new person signs in and reports at the new site.
  await new AppShell(page).switchProfile(nora.id);
  await new AppShell(page).open('Anmeld overskud');
  const report = new ReportDevicePage(page);
  await report.fill({ category: 'Bærbar computer', manufacturer: 'Dell', model: 'Latitude 5440', serial: 'MUSIK-0001', location: 'Musikskolen, Vesterbrogade 10' });
  await report.submit();
  await expect(report.reportedTag).toHaveText(/^KK-\d{7}$/);
  const found = (await api.call(ADMIN, 'devices.search', { text: 'MUSIK-0001' })).items;
  expect(found).toHaveLength(1);
  const detail = await api.call(ADMIN, 'devices.get', { id: found[0]!.id });
  expect(detail.trail[0]?.actor).toMatchObject({ id: nora.id, name: 'Nora Holm' });
  expect(detail.trail[0]?.locationName).toBe('Musikskolen, Vesterbrogade 10');

  // The admin imports the old register: the dry run names the 7 bad rows, the import creates the other 993.
  const before = (await api.call(ADMIN, 'devices.search', { limit: 1 })).total;
  await new AppShell(page).switchProfile(ADMIN);
  await new AppShell(page).open('Importér enheder');
  const screen = new ImportPage(page);
  const file = { name: 'register.csv', mimeType: 'text/csv', buffer: register() };

  await screen.choose(file);
  await expect(screen.summary).toHaveText('register.csv: 1.000 rækker og 11 kolonner (CSV).');
  // The guess from the Danish headers, preselected; the focus is on the mapping step.
  await expect(screen.field('Serienummer (skal udfyldes)')).toHaveValue('0');
  await expect(screen.field('Inventarnummer')).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'Kolonner' })).toBeFocused();
  await screen.runDryRun();
  await expect(page.getByRole('heading', { name: 'Prøvekørsel: hvad importen vil gøre' })).toBeFocused();
  await expect(screen.count('create')).toHaveText('993');
  await expect(screen.count('refused')).toHaveText('7');
  await expect(page.getByText('Række 1–100 af 1.000')).toBeVisible();
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
  const violations = await axeViolations(page);
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
