/** Emissionsfaktorer: the factor table of one version, the version picker, the credit, and an admin's edit form. */
import { expect, type Locator, type Page } from '@playwright/test';

export class FactorsPage {
  readonly table: Locator;
  readonly version: Locator;
  readonly source: Locator;
  readonly credit: Locator;
  readonly picker: Locator;
  readonly form: Locator;
  readonly saved: Locator;
  readonly editButton: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('factor-table');
    this.version = page.getByTestId('factor-version');
    this.source = page.getByTestId('factor-source');
    this.credit = page.getByTestId('factor-credit');
    this.picker = page.getByLabel('Vis version', { exact: true });
    this.form = page.getByTestId('factor-form');
    this.saved = page.getByTestId('factors-saved');
    this.editButton = page.getByRole('button', { name: 'Ret faktorer' });
  }

  /** A category's row by its Danish name ("Bærbar computer"). */
  row(category: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: category, exact: true }) });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  fieldError(label: string): Locator {
    return this.form.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }

  async edit(): Promise<void> {
    await this.editButton.click();
    await expect(this.form.getByRole('heading', { name: 'Ny version af emissionsfaktorerne' })).toBeVisible();
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Gem som ny version' }).click();
  }
}
