/** "QR-mærkater": reserve a batch of new asset tags and print them as labels; print the batch again. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { LabelPrintForm } from './LabelPrintForm';

export class LabelsPage {
  readonly form: Locator;
  readonly count: Locator;
  readonly print: LabelPrintForm;
  readonly batch: Locator;
  readonly range: Locator;
  readonly batchCount: Locator;
  readonly downloaded: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Reservér og udskriv' });
    this.count = this.form.getByLabel('Antal mærkater');
    this.print = new LabelPrintForm(page, this.form);
    this.batch = page.getByTestId('labels-batch');
    this.range = page.getByTestId('labels-range');
    this.batchCount = page.getByTestId('labels-count');
    this.downloaded = page.getByTestId('labels-downloaded');
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/labels');
    await expect(this.page.getByRole('heading', { level: 1, name: 'QR-mærkater' })).toBeVisible();
  }

  /** Fill in the batch and press "Reservér og udskriv"; returns the PDF it downloads. */
  async reserveAndPrint(count: number, stock?: string, start?: number): Promise<Download> {
    await this.fill(count, stock, start);
    const download = await this.print.download('Reservér og udskriv');
    await expect(this.downloaded).toBeVisible();
    return download;
  }

  async fill(count: number | string, stock?: string, start?: number | string): Promise<void> {
    await this.count.fill(String(count));
    if (stock !== undefined) await this.print.chooseStock(stock);
    if (start !== undefined) await this.print.start.fill(String(start));
  }

  async reprint(): Promise<Download> {
    return new LabelPrintForm(this.page, this.batch).download('Udskriv igen');
  }

  /** The first and last tag of the batch as the page shows them ("KK-0000401 – KK-0000465"). */
  async shownRange(): Promise<[string, string]> {
    const text = ((await this.range.textContent()) ?? '').trim();
    const m = /^(KK-\d{7})(?: – (KK-\d{7}))?$/.exec(text);
    if (!m?.[1]) throw new Error(`no tag range shown: "${text}"`);
    return [m[1], m[2] ?? m[1]];
  }
}
