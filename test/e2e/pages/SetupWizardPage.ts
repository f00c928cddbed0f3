/** First start without demo data: the setup wizard's groups (organisation, admin, administration, warehouse) and its button. */
import type { Locator, Page } from '@playwright/test';

/** A label by its start ("Kort navn" finds "Kort navn (på QR-mærkater) (valgfri)"). */
const labelStart = (label: string) => new RegExp(`^${label.replace(/[()]/g, '\\$&')}`);

export interface SetupAnswers {
  organisationName: string;
  organisationShortName?: string;
  adminName: string;
  adminEmail: string;
  departmentCode: string;
  departmentName: string;
  departmentNameEn: string;
  warehouseName: string;
  warehouseAddress?: string;
}

export class SetupWizardPage {
  readonly heading: Locator;
  readonly form: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sæt Kredsløb op' });
    this.form = page.getByTestId('setup-wizard');
    this.errorSummary = page.locator('.error-summary');
  }

  /** A field in one of the wizard's groups, by the group's legend and the field's label (its start: "(valgfri)" may follow). */
  field(group: string, label: string): Locator {
    return this.form.getByRole('group', { name: group }).getByLabel(labelStart(label));
  }

  /** The message under a field, if any. */
  fieldError(group: string, label: string): Locator {
    return this.form.getByRole('group', { name: group }).locator('.field', { has: this.page.getByLabel(labelStart(label)) }).first().locator('.field-error');
  }

  /** Shared mode only: the code the server printed at its start. */
  get setupCode(): Locator {
    return this.form.getByLabel(/^Opsætningskode/);
  }

  async fill(a: SetupAnswers): Promise<void> {
    await this.field('Organisation', 'Organisationens navn').fill(a.organisationName);
    if (a.organisationShortName) await this.field('Organisation', 'Kort navn').fill(a.organisationShortName);
    await this.field('Første administrator', 'Navn').fill(a.adminName);
    await this.field('Første administrator', 'E-mail').fill(a.adminEmail);
    await this.field('Administratorens forvaltning', 'Forkortelse').fill(a.departmentCode);
    await this.field('Administratorens forvaltning', 'Navn på dansk').fill(a.departmentName);
    await this.field('Administratorens forvaltning', 'Navn på engelsk').fill(a.departmentNameEn);
    await this.field('Lageret', 'Lagerets navn').fill(a.warehouseName);
    if (a.warehouseAddress) await this.field('Lageret', 'Adresse').fill(a.warehouseAddress);
  }

  async submit(): Promise<void> {
    await this.form.getByRole('button', { name: 'Opret og log ind' }).click();
  }
}
