/** Indstillinger: the settings form (organisation, days, e-waste ages, QR content, tag format), its result and the tag format's lock. */
import type { Locator, Page } from '@playwright/test';

export class SettingsPage {
  readonly form: Locator;
  readonly saved: Locator;
  readonly tagLocked: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('settings-form');
    this.saved = page.getByTestId('settings-saved');
    this.tagLocked = page.getByTestId('settings-tag-locked');
    this.errorSummary = this.form.locator('.error-summary');
  }

  /** A field outside the per-category tables, by its label's start ("(valgfri)" may follow). */
  field(label: string): Locator {
    return this.form.getByLabel(new RegExp(`^${label}`));
  }

  /** A category's figure in one of the per-category tables (by the table's legend). */
  categoryField(table: string, category: string): Locator {
    return this.form.getByRole('group', { name: table }).getByLabel(category, { exact: true });
  }

  fieldError(label: string): Locator {
    return this.form.locator('.field', { has: this.page.getByLabel(new RegExp(`^${label}`)) }).locator('.field-error');
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Gem indstillinger' }).click();
  }
}
