/** "Alle enheder": every device in any state (warehouse, sustainability, admin). */
import { expect, type Locator, type Page } from '@playwright/test';

export class AllDevicesPage {
  readonly searchField: Locator;
  readonly total: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.searchField = page.getByTestId('search-text');
    this.total = page.getByTestId('search-total');
    this.rows = page.getByTestId('device-row');
  }

  /** The number in the result count line ("312 enheder"), once it is shown. */
  async totalCount(): Promise<number> {
    await expect(this.total).toHaveText(/^\d[\d.]* enhed(er)?$/);
    return Number(((await this.total.textContent()) ?? '').replace(/\D/g, ''));
  }
}
