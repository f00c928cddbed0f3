/** Importér enheder: the file, the mapping step, the dry run and the import's progress and result. */
import type { Locator, Page } from '@playwright/test';

export class ImportPage {
  readonly summary: Locator;
  readonly mapping: Locator;
  readonly dryRun: Locator;
  readonly rows: Locator;
  readonly result: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('import-file-summary');
    this.mapping = page.getByTestId('import-mapping');
    this.dryRun = page.getByTestId('import-dry-run');
    this.rows = page.getByTestId('import-rows').locator('tbody tr');
    this.result = page.getByTestId('import-result');
    this.error = page.getByTestId('import-error');
  }

  async choose(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel(/^Fil \(CSV eller XLSX/).setInputFiles(file);
  }

  /** The select of a field in the mapping step, by the field's label. */
  field(label: string): Locator {
    return this.mapping.getByLabel(label, { exact: true });
  }

  count(action: 'create' | 'update' | 'unchanged' | 'refused'): Locator {
    return this.page.getByTestId(`import-count-${action}`).locator('dd');
  }

  async runDryRun(): Promise<void> {
    await this.mapping.getByRole('button', { name: 'Prøvekørsel' }).click();
    await this.dryRun.waitFor();
  }

  async showOnlyRefused(): Promise<void> {
    await this.page.getByLabel('Vis kun afviste rækker').check();
  }

  async startImport(): Promise<void> {
    await this.dryRun.getByRole('button', { name: 'Importér' }).click();
  }
}
