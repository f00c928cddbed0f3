/**
 * Importér enheder (issue 12): a binary file renamed .csv is refused naming it. The 1,000-row register with 7 bad
 * rows (dry run, 993 imported, the second import changing nothing) is in organisation-journey.spec.ts; each file
 * kind's result is in core/import/import.test.ts.
 */
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ImportPage } from './pages/ImportPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';

test('a binary file renamed .csv is refused naming the file, and the mapping step does not open', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Importér enheder');
  const screen = new ImportPage(page);
  await screen.choose({ name: 'billede.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]) });
  await expect(screen.error).toHaveText('Filen billede.csv er hverken CSV eller XLSX: den indeholder binære data (er den omdøbt?).');
  await expect(screen.mapping).toHaveCount(0);
});
