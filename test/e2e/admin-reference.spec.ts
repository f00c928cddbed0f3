/**
 * Organisation (issue 12): an administrator keeps administrations, units, locations and people, each change in the
 * change log; refusals name what is wrong (a taken e-mail at its field, a shelf devices stand on, the last admin);
 * a deactivated person leaves the profile picker. Adding a unit, a site and a person who then reports there is
 * organisation-journey.spec.ts.
 */
import { Api } from './api';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { OrganisationPage } from './pages/OrganisationPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';
const BUF_CONTACT = 'user-buf-1';

test('refusals name what is wrong: a shelf devices stand on, the last admin; a deactivated person leaves the profile picker', async ({ page, request }) => {
  const api = new Api(request);
  const onShelf = (await api.call(ADMIN, 'devices.search', { locationId: 'loc-shelf-A1', limit: 1 })).total;
  expect(onShelf).toBeGreaterThan(0);
  const people = (await api.call(ADMIN, 'users.list', {})).items;
  const admin = people.find((u) => u.id === ADMIN)!;
  const contact = people.find((u) => u.id === BUF_CONTACT)!;

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Organisation');
  const org = new OrganisationPage(page);

  await org.tab('Lokationer');
  await org.press('Fjern Hylde A-01');
  await expect(org.result).toContainText(`Hylde A-01 er i brug og kan ikke fjernes eller flyttes: ${onShelf} enheder står der`);
  await expect(org.result).toBeFocused();
  expect((await api.call(ADMIN, 'reference.get', {})).locations.some((l) => l.id === 'loc-shelf-A1')).toBe(true);

  await org.tab('Personer');
  await org.press(`Deaktivér ${admin.name}`);
  await expect(org.result).toContainText(`${admin.name} er den sidste aktive administrator`);
  await expect(org.person(ADMIN)).toHaveAttribute('data-active', 'true');

  // Filter to BUF's IT contacts, then deactivate one.
  await page.getByLabel('Forvaltning', { exact: true }).selectOption({ label: 'Børne- og Ungdomsforvaltningen (BUF)' });
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'IT-kontaktperson' });
  await expect(org.people.locator('tbody tr')).toHaveCount(2);
  await org.press(`Deaktivér ${contact.name}`);
  await expect(org.result).toHaveText(`${contact.name} er deaktiveret og kan ikke længere logge ind.`);
  await expect(org.person(BUF_CONTACT)).toHaveAttribute('data-active', 'false');
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Deaktiveret' });
  await expect(org.people.locator('tbody tr')).toHaveCount(1);

  await org.tab('Ændringslog');
  await page.getByLabel('Vis ændringer af').selectOption({ label: 'Person' });
  await expect(org.audit.locator('tbody tr').first()).toContainText(`Deaktiveret: Person ${contact.name}`);
  await expect(org.audit.locator('tbody tr').first()).toContainText('Aktiv: (tom) → Nej');

  await page.getByRole('button', { name: 'Skift profil' }).click();
  await expect(page.getByTestId(`profile-${ADMIN}`)).toBeVisible();
  await expect(page.getByTestId(`profile-${BUF_CONTACT}`)).toHaveCount(0);
});

test('each tab, with a form open, has no serious or critical accessibility violation, and the tabs answer the arrow keys', async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Organisation');
  const org = new OrganisationPage(page);
  const serious = async () =>
    (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);

  await org.press('Tilføj forvaltning');
  expect(await serious()).toEqual([]);
  // The tabs are one tab stop; the arrow keys move between them and choose.
  await page.getByRole('tab', { name: 'Forvaltninger og enheder' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Lokationer' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Lokationer' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/#\/organisation\?tab=locations$/);
  await org.press('Tilføj hylde i Centrallager IT, Sydhavnen');
  expect(await serious()).toEqual([]);
  await org.tab('Personer');
  await org.press('Tilføj person');
  expect(await serious()).toEqual([]);
  await org.tab('Ændringslog');
  await expect(org.audit).toBeVisible();
  expect(await serious()).toEqual([]);
});
