/** Organisation (administrators): the tabs for administrations and units, locations, people and the change log, and their forms. */
import { expect, type Locator, type Page } from '@playwright/test';

/** The forms by their test id prefix: department, unit, location, person, password (shared mode). */
export type OrgForm = 'department' | 'unit' | 'location' | 'person' | 'password' | 'oidc-group';

export class OrganisationPage {
  /** The banner with the outcome of the last save, removal or (de)activation, or its refusal. */
  readonly result: Locator;
  readonly people: Locator;
  readonly audit: Locator;

  constructor(readonly page: Page) {
    this.result = page.getByTestId('org-result');
    this.people = page.getByTestId('people-list');
    this.audit = page.getByTestId('audit-list');
  }

  async tab(name: 'Forvaltninger og enheder' | 'Lokationer' | 'Personer' | 'Ændringslog' | 'Login-grupper'): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await expect(this.page.getByRole('tab', { name, exact: true })).toHaveAttribute('aria-selected', 'true');
  }

  /** Presses a button by its accessible name ("Tilføj enhed i …", "Fjern Hylde A-01", "Deaktivér Mette …"). */
  async press(name: string): Promise<void> {
    await this.page.getByRole('button', { name, exact: true }).click();
  }

  form(form: OrgForm): Locator {
    return this.page.getByTestId(`${form}-form`);
  }

  field(form: OrgForm, label: string): Locator {
    return this.form(form).getByLabel(label, { exact: true });
  }

  fieldError(form: OrgForm, label: string): Locator {
    return this.form(form).locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }

  async save(form: OrgForm): Promise<void> {
    await this.form(form).locator('button[type="submit"]').click();
  }

  async cancel(form: OrgForm): Promise<void> {
    await this.form(form).getByRole('button', { name: 'Annullér', exact: true }).click();
  }

  person(userId: string): Locator {
    return this.people.locator(`tr[data-user-id="${userId}"]`);
  }
}
