/**
 * Organisation's lists with an add form (Forvaltninger og enheder, Lokationer, Personer; Login-grupper in
 * oidc-sign-in.spec.ts): the open form takes its add button's place, the focus goes to its first field, and
 * cancelling or saving brings the focus back to the add button, so a person at the keyboard goes on from there.
 */
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { OrganisationPage, type OrgForm } from './pages/OrganisationPage';
import { ProfilePickerPage } from './pages/ProfilePickerPage';

const ADMIN = 'user-admin-1';
const KFF = 'Kultur- og Fritidsforvaltningen';

type Tab = Parameters<OrganisationPage['tab']>[0];
/** An add button, the form it opens, and that form's first field. */
const ADD_FORMS: readonly { tab: Tab; add: string; form: OrgForm; first: string }[] = [
  { tab: 'Forvaltninger og enheder', add: 'Tilføj forvaltning', form: 'department', first: 'Forkortelse' },
  { tab: 'Forvaltninger og enheder', add: `Tilføj enhed i ${KFF}`, form: 'unit', first: 'Enhedens navn' },
  { tab: 'Lokationer', add: `Tilføj lokation i ${KFF}`, form: 'location', first: 'Navn' },
  { tab: 'Lokationer', add: 'Tilføj hylde i Centrallager IT, Sydhavnen', form: 'location', first: 'Navn' },
  { tab: 'Lokationer', add: 'Tilføj lager', form: 'location', first: 'Navn' },
  { tab: 'Personer', add: 'Tilføj person', form: 'person', first: 'Navn' },
];

test.beforeEach(async ({ page }) => {
  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Organisation');
});

test('each add form takes its button’s place with the focus in its first field, and cancelling returns the focus to the button', async ({ page }) => {
  const org = new OrganisationPage(page);
  for (const { tab, add, form, first } of ADD_FORMS) {
    await org.tab(tab);
    const button = page.getByRole('button', { name: add, exact: true });
    await button.click();
    await expect(org.field(form, first), `${add}: the first field`).toBeFocused();
    await expect(button, `${add}: no add button under the open form`).toHaveCount(0);
    await org.cancel(form);
    await expect(org.form(form)).toHaveCount(0);
    await expect(button, `${add}: the focus back after cancel`).toBeFocused();
  }
});

test('saving from the keyboard returns the focus to the add button, with the outcome shown; an edit returns it to its own button', async ({ page }) => {
  const org = new OrganisationPage(page);
  /** Opens the form with the add button, types the name into its first field, saves with Enter. */
  const addByKeyboard = async (add: string, name: string) => {
    const button = page.getByRole('button', { name: add, exact: true });
    await button.click();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(org.result).toHaveText(`${name} er gemt.`);
    await expect(button, `${add}: the focus back after saving`).toBeFocused();
    return button;
  };
  const addUnit = await addByKeyboard(`Tilføj enhed i ${KFF}`, 'Musikskoler');

  const edit = page.getByRole('button', { name: 'Redigér Musikskoler', exact: true });
  await edit.click();
  await expect(org.field('unit', 'Enhedens navn')).toBeFocused();
  await expect(org.field('unit', 'Enhedens navn')).toHaveValue('Musikskoler');
  await expect(addUnit, 'the edit form takes the add button’s place too: one form at a time').toHaveCount(0);
  await org.cancel('unit');
  await expect(edit).toBeFocused();

  await org.tab('Lokationer');
  await addByKeyboard(`Tilføj lokation i ${KFF}`, 'Musikskolen, Vesterbrogade 10');

  await org.tab('Personer');
  const addPerson = page.getByRole('button', { name: 'Tilføj person', exact: true });
  await addPerson.click();
  await page.keyboard.type('Nora Holm');
  await org.field('person', 'E-mail').fill('nora.holm@kk.dk');
  await org.field('person', 'Rolle').selectOption({ label: 'IT-kontaktperson' });
  await org.field('person', 'Forvaltning').selectOption({ label: `${KFF} (KFF)` });
  await org.save('person');
  await expect(org.result).toHaveText('Nora Holm er gemt.');
  await expect(addPerson).toBeFocused();
});
