/** The one device search of the UI (renderer/components/DeviceSearch.tsx), as both screens show it. */
import { expect, type Locator, type Page } from '@playwright/test';
import { LabelPrintForm } from './LabelPrintForm';

export class DeviceSearchPanel {
  readonly searchField: Locator;
  readonly total: Locator;
  readonly rows: Locator;
  /** "Vælg alle på siden" in the table's header (Alle enheder only). */
  readonly selectPage: Locator;
  readonly selectionCount: Locator;
  /** The labels of the selected devices: stock, start and "Udskriv QR-mærkater". */
  readonly selectionLabels: LabelPrintForm;

  constructor(readonly page: Page) {
    this.searchField = page.getByTestId('search-text');
    this.total = page.getByTestId('search-total');
    this.rows = page.getByTestId('device-row');
    this.selectPage = page.getByRole('checkbox', { name: 'Vælg alle på siden' });
    this.selectionCount = page.getByTestId('selection-count');
    this.selectionLabels = new LabelPrintForm(page, page.getByRole('form', { name: 'QR-mærkater for valgte enheder' }));
  }

  /** Tick (or untick) the row's box; the row itself is not opened. */
  async select(tag: string, on = true): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Vælg ${tag}`, exact: true }).setChecked(on);
  }

  /** The asset tags of the rows on this page, in order. */
  async rowTags(): Promise<string[]> {
    return Promise.all((await this.rows.all()).map(async (r) => (await r.getAttribute('data-asset-tag')) ?? ''));
  }

  async search(text: string): Promise<void> {
    await this.searchField.fill(text);
  }

  row(tag: string): Locator {
    return this.page.locator(`[data-testid="device-row"][data-asset-tag="${tag}"]`);
  }

  /** The row's photo thumbnail (an <img> named "Foto af <manufacturer> <model>"). */
  thumbnail(tag: string): Locator {
    return this.row(tag).getByRole('img', { name: /^Foto af / });
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
