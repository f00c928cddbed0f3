/** The label print settings wherever they appear (QR-mærkater, the device page, a selection): stock, start, print. */
import type { Download, Locator, Page } from '@playwright/test';

export class LabelPrintForm {
  readonly stock: Locator;
  readonly start: Locator;
  readonly downloaded: Locator;

  constructor(
    readonly page: Page,
    readonly scope: Locator,
  ) {
    this.stock = scope.getByLabel('Mærkattype');
    this.start = scope.getByLabel(/^Start ved mærkat nr\./);
    this.downloaded = scope.getByTestId('labels-downloaded');
  }

  /** Choose a stock by its description as the picker shows it ("Avery L7651 – 65 pr. A4-ark, 38,1 × 21,2 mm"). */
  async chooseStock(description: string): Promise<void> {
    await this.stock.selectOption({ label: description });
  }

  /** Press a button that hands over a PDF, and catch the download it starts. */
  async download(button: string): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.scope.getByRole('button', { name: button, exact: true }).click()]);
    return download;
  }
}
