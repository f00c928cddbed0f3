/** Genanvendere: an administrator adds a recycler (a wrong CVR refused at its field first) and edits a certification. */
import { Api } from './api';
import { expect, test } from './fixtures';
import { AppShell } from './pages/AppShell';
import { ProfilePickerPage } from './pages/ProfilePickerPage';
import { RecyclersPage } from './pages/RecyclersPage';

const ADMIN = 'user-admin-1';
const NAME = 'Nordisk Elektronikgenvinding ApS';
/** 25313764 fails the modulus-11 check; 29403473 passes it. */
const WRONG_CVR = '25313764';
const CVR = '29403473';

test('an administrator adds a recycler, a wrong CVR is refused at its field with nothing saved, and edits a certification', async ({ page, request }) => {
  const api = new Api(request);
  const before = (await api.call(ADMIN, 'recyclers.list', {})).items;

  await new ProfilePickerPage(page).goto();
  await new ProfilePickerPage(page).choose(ADMIN);
  await new AppShell(page).open('Genanvendere');
  const register = new RecyclersPage(page);

  await register.add();
  await register.field('Juridisk navn').fill(NAME);
  await register.field('CVR-nummer').fill(WRONG_CVR);
  await register.field('Adresse').fill('Havnegade 12, 2650 Hvidovre');
  await register.field('Kontaktperson (valgfri)').fill('Mette Holm');
  await register.field('E-mail (valgfri)').fill('mette@nordisk-genvinding.dk');
  await register.addCertification(1, { scheme: 'WEEELABEX', number: 'WL-2031', validUntil: '2030-06-30' });
  await register.addCertification(2, { scheme: 'ISO 14001', number: 'ISO-77', validUntil: '2025-01-31' });
  await register.save();

  // The core's modulus-11 check answers at the CVR field; the form stays open and nothing is saved.
  await expect(register.fieldError('CVR-nummer')).toHaveText('Ikke et gyldigt CVR-nummer (8 cifre, modulus 11).');
  await expect(register.field('CVR-nummer')).toBeFocused();
  await expect(page.getByRole('alert').first()).toContainText(`CVR-nummeret ${WRONG_CVR} er ikke gyldigt`);
  expect((await api.call(ADMIN, 'recyclers.list', {})).items).toEqual(before);

  // Written with spaces, as copied from the CVR register.
  await register.field('CVR-nummer').fill('29 40 34 73');
  await register.save();
  await expect(register.saved).toHaveText(`${NAME} er gemt.`);
  const row = register.row(CVR);
  await expect(row).toContainText(NAME);
  await expect(row).toContainText('WEEELABEX WL-2031 gyldig til 30.06.2030');
  await expect(row.locator('[data-standing="expired"]')).toContainText('ISO 14001 ISO-77 gyldig til 31.01.2025 Udløbet');
  await expect(row.locator('[data-standing="valid"]')).toHaveCount(1);

  // Edit: an empty new row is refused at its own fields, then removed; the expired ISO 14001 is renewed.
  await register.edit(NAME);
  await register.addCertification(3, {});
  await register.save();
  await expect(register.certificationRow(3).locator('.field-error')).toHaveText(['Skal udfyldes.', 'Skal udfyldes.', 'Skal udfyldes.']);
  await expect(register.certificationRow(3).getByLabel('Ordning')).toBeFocused();
  await register.removeCertification(3);
  // Kept soonest-expiring first, the expired ISO 14001 is row 1.
  await expect(register.certificationRow(1).getByLabel('Certifikatnummer')).toHaveValue('ISO-77');
  await register.fillCertification(1, { number: 'ISO-78', validUntil: '2029-12-31' });
  await register.save();
  await expect(register.saved).toHaveText(`${NAME} er gemt.`);
  await expect(row.locator('[data-standing="expired"]')).toHaveCount(0);
  await expect(row).toContainText('ISO 14001 ISO-78 gyldig til 31.12.2029');

  const saved = (await api.call(ADMIN, 'recyclers.list', {})).items.filter((r) => r.cvr === CVR);
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({
    legalName: NAME,
    address: 'Havnegade 12, 2650 Hvidovre',
    contactName: 'Mette Holm',
    contactEmail: 'mette@nordisk-genvinding.dk',
    certifications: [
      { scheme: 'ISO 14001', number: 'ISO-78', validUntil: '2029-12-31' },
      { scheme: 'WEEELABEX', number: 'WL-2031', validUntil: '2030-06-30' },
    ],
  });
  expect(saved[0]?.contactPhone).toBeUndefined();
});
