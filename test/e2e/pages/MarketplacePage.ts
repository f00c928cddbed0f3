/** "Genbrugsbørs": search the devices on the reuse marketplace. */
import type { Locator, Page } from '@playwright/test';

export class MarketplacePage {
  readonly searchField: Locator;
  readonly total: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.searchField = page.getByTestId('search-text');
    this.total = page.getByTestId('search-total');
    this.rows = page.getByTestId('device-row');
  }

  async search(text: string): Promise<void> {
    await this.searchField.fill(text);
  }

  row(tag: string): Locator {
    return this.page.locator(`[data-testid="device-row"][data-asset-tag="${tag}"]`);
  }

  async open(tag: string): Promise<void> {
    await this.row(tag).getByRole('link', { name: tag, exact: true }).click();
  }
}
