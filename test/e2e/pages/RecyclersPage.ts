/** Genanvendere: the recycler register, its add/edit form and the certification rows. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface CertificationInput {
  scheme: string;
  number: string;
  /** YYYY-MM-DD, as a date input takes it. */
  validUntil: string;
}

export class RecyclersPage {
  readonly list: Locator;
  readonly form: Locator;
  readonly saved: Locator;

  constructor(readonly page: Page) {
    this.list = page.getByTestId('recycler-list');
    this.form = page.getByTestId('recycler-form');
    this.saved = page.getByTestId('recycler-saved');
  }

  row(cvr: string): Locator {
    return this.list.locator(`tr[data-cvr="${cvr}"]`);
  }

  /** A field of the form by its label, and the error shown under it. */
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  fieldError(label: string): Locator {
    return this.form.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }

  certificationRow(n: number): Locator {
    return this.form.getByRole('group', { name: `Certificering ${n}`, exact: true });
  }

  async add(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tilføj genanvender' }).click();
    await expect(this.form.getByRole('heading', { name: 'Ny genanvender' })).toBeVisible();
  }

  async edit(legalName: string): Promise<void> {
    await this.page.getByRole('button', { name: `Redigér ${legalName}`, exact: true }).click();
    await expect(this.form.getByRole('heading', { name: `Redigér ${legalName}` })).toBeVisible();
  }

  /** Adds a certification row and fills what is given. */
  async addCertification(n: number, cert: Partial<CertificationInput>): Promise<void> {
    await this.form.getByRole('button', { name: 'Tilføj certificering' }).click();
    await this.fillCertification(n, cert);
  }

  async fillCertification(n: number, cert: Partial<CertificationInput>): Promise<void> {
    const row = this.certificationRow(n);
    if (cert.scheme !== undefined) await row.getByLabel('Ordning').selectOption({ label: cert.scheme });
    if (cert.number !== undefined) await row.getByLabel('Certifikatnummer').fill(cert.number);
    if (cert.validUntil !== undefined) await row.getByLabel('Gyldig til').fill(cert.validUntil);
  }

  async removeCertification(n: number): Promise<void> {
    await this.certificationRow(n).getByRole('button', { name: `Fjern certificering ${n}` }).click();
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Gem genanvender' }).click();
  }
}
