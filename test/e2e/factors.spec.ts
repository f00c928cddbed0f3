/** Emissionsfaktorer: an administrator saves a new version of the table; the sustainability team reads it without the form. */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { FactorsPage } from './pages/FactorsPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';
const SUSTAINABILITY = 'user-sustainability-1';

test('an administrator edits the factors into version 2 (a negative factor refused at its field first) and can still view version 1', async ({ page, request }) => {
  const api = new Api(request);
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Emissionsfaktorer');
  const factors = new FactorsPage(page);

  await expect(factors.version).toHaveText('Version 1');
  await expect(factors.row('Bærbar computer')).toContainText('235,9');
  await expect(factors.row('Server')).toContainText('1.215,4');
  await expect(factors.row('Dockingstation')).toContainText('ingen faktor');
  await expect(factors.source).toContainText('commit 61323eb');
  await expect(factors.credit).toContainText('Boavizta');
  await expect(factors.credit).toContainText('ODbL-1.0');

  await factors.edit();
  await expect(factors.field('Bærbar computer')).toHaveValue('235,9');
  await expect(factors.field('Dockingstation')).toHaveValue('');
  await factors.field('Bærbar computer').fill('-5');
  await factors.save();
  await expect(factors.fieldError('Bærbar computer')).toHaveText('En faktor kan ikke være negativ.');
  await expect(factors.field('Bærbar computer')).toBeFocused();
  expect((await api.call(ADMIN, 'stats.factors.get', {})).current).toBe(1);

  await factors.field('Bærbar computer').fill('260,5');
  await factors.field('Dockingstation').fill('12');
  await factors.field('Kilde').fill('Bærbar: EcoDiag 260,5. Dockingstation: leverandørens PCF. Øvrige: Boavizta, ODbL-1.0.');
  await factors.save();

  await expect(factors.saved).toHaveText('Version 2 er gemt og gælder fra nu.');
  await expect(factors.version).toHaveText('Version 2');
  await expect(factors.row('Bærbar computer')).toContainText('260,5');
  await expect(factors.row('Dockingstation')).toContainText('12');
  await expect(factors.row('Printer')).toContainText('ingen faktor');
  await expect(factors.source).toHaveText('Bærbar: EcoDiag 260,5. Dockingstation: leverandørens PCF. Øvrige: Boavizta, ODbL-1.0.');

  // Version 1 is kept unchanged and can be viewed.
  await factors.picker.selectOption('1');
  await expect(factors.version).toHaveText('Version 1');
  await expect(factors.row('Bærbar computer')).toContainText('235,9');
  await expect(page.getByText('Ældre version: version 2 gælder nu.')).toBeVisible();
  await expect(factors.editButton).toHaveCount(0);

  const saved = await api.call(ADMIN, 'stats.factors.get', {});
  expect(saved.current).toBe(2);
  expect(saved.version.factors).toMatchObject({ laptop: 260.5, docking_station: 12, desktop: 248.8, printer: null });
});

test('the sustainability team sees the current table, its source and the credit, without the edit form', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(SUSTAINABILITY);
  await new AppShell(page).open('Emissionsfaktorer');
  const factors = new FactorsPage(page);

  await expect(factors.version).toHaveText('Version 1');
  await expect(factors.row('Skærm')).toContainText('333,3');
  await expect(factors.row('Dockingstation')).toContainText('ingen faktor');
  await expect(factors.credit).toContainText('Open Database License (ODbL-1.0)');
  await expect(factors.editButton).toHaveCount(0);
  await expect(factors.form).toHaveCount(0);
});
