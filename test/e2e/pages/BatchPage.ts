/** One disposal batch: its scan station while open, the seal, collection and certificate forms, and the reconciliation. */
import { expect, type Locator, type Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export interface CertificateInput {
  number: string;
  /** The kind's visible name: "Genanvendelsesbevis" or "Destruktionsbevis". */
  kind: string;
  /** Pasted as the person would: one text, any of the separators. */
  serials?: string;
  /** Or the recycler's CSV/XLSX file, read by the page. */
  serialFile?: { name: string; buffer: Buffer };
  pdf?: { name: string; buffer: Buffer };
}

export class BatchPage extends ScanStationPage {
  readonly number: Locator;
  readonly status: Locator;
  /** The banner of the last step taken on the page (sealed, collected, certificate registered). */
  readonly outcome: Locator;
  readonly weee: Locator;
  readonly devices: Locator;
  readonly unwiped: Locator;
  readonly missing: Locator;
  readonly sealForm: Locator;
  readonly collectForm: Locator;
  readonly certificateForm: Locator;
  readonly errorSummary: Locator;

  constructor(page: Page) {
    super(page);
    this.number = page.getByTestId('batch-number');
    this.status = page.getByTestId('batch-status');
    this.outcome = page.getByTestId('batch-done');
    this.weee = page.getByTestId('batch-weee');
    this.devices = page.getByTestId('batch-devices').getByTestId('device-row');
    this.unwiped = page.getByTestId('batch-unwiped');
    this.missing = page.getByTestId('batch-missing');
    this.sealForm = page.getByRole('form', { name: 'Plombér og vej' });
    this.collectForm = page.getByRole('form', { name: 'Afhentning' });
    this.certificateForm = page.getByRole('form', { name: 'Registrér bevis fra genanvenderen' });
    this.errorSummary = page.locator('.error-summary');
  }

  /** The batch id from the page's address (#/batches/<id>). */
  batchId(): string {
    const m = /#\/batches\/([^?]+)/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a batch page: ${this.page.url()}`);
    return decodeURIComponent(m[1]);
  }

  async expectStatus(code: 'open' | 'sealed' | 'collected' | 'closed'): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', code);
  }

  async chooseMode(name: 'Læg i partiet' | 'Tag ud af partiet'): Promise<void> {
    await this.page.getByRole('radio', { name }).check();
  }

  /** Seal number and the weights by WEEE category label ("2 – Skærme og udstyr med skærm" → "8,4"). */
  async seal(sealId: string, weights: Record<string, string>): Promise<void> {
    await this.sealForm.getByLabel('Plombenummer').fill(sealId);
    for (const [label, kg] of Object.entries(weights)) await this.sealForm.getByLabel(label).fill(kg);
    await this.sealForm.getByRole('button', { name: 'Plombér partiet' }).click();
  }

  /** Recycler by its option text, the waybill; the date stays today unless given (YYYY-MM-DD). */
  async collect(recycler: string, waybill: string, date?: string): Promise<void> {
    await this.collectForm.getByLabel('Genanvender').selectOption({ label: recycler });
    await this.collectForm.getByLabel('Fragtbrev').fill(waybill);
    if (date) await this.collectForm.getByLabel('Afhentningsdato').fill(date);
    await this.collectForm.getByRole('button', { name: 'Registrér afhentning' }).click();
  }

  async registerCertificate(input: CertificateInput): Promise<void> {
    const form = this.certificateForm;
    await form.getByLabel('Bevisnummer').fill(input.number);
    await form.getByLabel('Slags bevis').selectOption({ label: input.kind });
    if (input.serials !== undefined) await form.getByLabel('Serienumre', { exact: true }).fill(input.serials);
    if (input.serialFile) {
      await form.getByLabel(/^Serienumre fra fil/).setInputFiles({ name: input.serialFile.name, mimeType: 'text/csv', buffer: input.serialFile.buffer });
      await expect(form.getByTestId('serial-file-status')).toContainText(input.serialFile.name);
    }
    if (input.pdf) await form.getByLabel(/^Bevisets PDF/).setInputFiles({ name: input.pdf.name, mimeType: 'application/pdf', buffer: input.pdf.buffer });
    await form.getByRole('button', { name: 'Registrér bevis' }).click();
  }

  /** A registered certificate's reconciliation, by its number. */
  certificate(number: string): Locator {
    return this.page.locator(`[data-testid="certificate"][data-number="${number}"]`);
  }

  /** The count of one part of a certificate's reconciliation. */
  reconciliationCount(number: string, part: 'matched' | 'missing' | 'unexpected'): Locator {
    return this.certificate(number).getByTestId(`reconciliation-${part}-count`);
  }

  reconciliationList(number: string, part: 'matched' | 'missing' | 'unexpected'): Locator {
    return this.certificate(number).getByTestId(`reconciliation-${part}`);
  }
}
