/** "Udlevér": the warehouse scans a reserved device when the reserving administration picks it up. */
import type { Locator, Page } from '@playwright/test';

export class HandOverPage {
  readonly scanField: Locator;
  readonly result: Locator;
  readonly recentScans: Locator;

  constructor(readonly page: Page) {
    this.scanField = page.getByTestId('scan-tag');
    this.result = page.getByTestId('scan-result');
    this.recentScans = page.getByRole('region', { name: 'Seneste scanninger' });
  }

  /** Types the tag and presses Enter, as a handheld scanner does. */
  async scan(tag: string): Promise<void> {
    await this.scanField.fill(tag);
    await this.scanField.press('Enter');
  }

  async openScanned(tag: string): Promise<void> {
    await this.recentScans.getByRole('link', { name: tag, exact: true }).click();
  }
}
