/** The one device search of the UI (renderer/components/DeviceSearch.tsx), as both screens show it. */
import { expect, type Locator, type Page } from '@playwright/test';

export class DeviceSearchPanel {
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

  /** The number in the result count line ("312 enheder"), once it is shown. */
  async totalCount(): Promise<number> {
    await expect(this.total).toHaveText(/^\d[\d.]* enhed(er)?$/);
    return Number(((await this.total.textContent()) ?? '').replace(/\D/g, ''));
  }
}
