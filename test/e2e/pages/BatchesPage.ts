/** "Affaldspartier": the list of disposal batches and the "Nyt affaldsparti" form. */
import type { Locator, Page } from '@playwright/test';

export class BatchesPage {
  readonly table: Locator;
  readonly newForm: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('batches-table');
    this.newForm = page.getByRole('form', { name: 'Nyt affaldsparti' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/batches');
    await this.page.getByRole('heading', { level: 1, name: 'Affaldspartier' }).waitFor();
  }

  row(number: string): Locator {
    return this.table.locator(`tr[data-batch="${number}"]`);
  }

  /** Fills "Nyt affaldsparti" and creates it; the new batch's page opens. */
  async create(container: string, certifiedDestruction = false, note?: string): Promise<void> {
    await this.newForm.getByLabel('Emballage').selectOption({ label: container });
    await this.newForm.getByLabel('Certificeret destruktion hos genanvenderen').setChecked(certifiedDestruction);
    if (note) await this.newForm.getByLabel(/^Note/).fill(note);
    await this.newForm.getByRole('button', { name: 'Opret affaldsparti' }).click();
  }
}
