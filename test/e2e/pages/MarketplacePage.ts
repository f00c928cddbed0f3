/** "Genbrugsbørs": search the devices on the reuse marketplace, with filters that show their counts. */
import { expect, type Locator } from '@playwright/test';
import { DeviceSearchPanel } from './DeviceSearchPanel';

/** The filter selects, by their test id suffix (renderer/components/MarketFilters.tsx). */
export type MarketFilterName = 'category' | 'department' | 'ram' | 'storage' | 'screen' | 'year' | 'wiped';

export class MarketplacePage extends DeviceSearchPanel {
  /** The scrolling list of result cards. */
  get results(): Locator {
    return this.page.getByTestId('market-results');
  }

  get clearFilters(): Locator {
    return this.page.getByRole('button', { name: 'Nulstil filtre' });
  }

  filter(name: MarketFilterName): Locator {
    return this.page.getByTestId(`filter-${name}`);
  }

  /**
   * Searches for `text` and waits until the cards on screen are its answer: until then the list keeps the earlier
   * answer's cards, so a card's absence read sooner proves nothing.
   */
  async searchAndWait(text: string): Promise<void> {
    await this.search(text);
    await expect(this.page.locator('.market-results')).toHaveAttribute('data-results-for', text);
  }

  /** Chooses a filter value by its option value ("16" for RAM, "14-15.99" for a screen range, "" for any). */
  async choose(name: MarketFilterName, value: string): Promise<void> {
    await this.filter(name).selectOption({ value });
  }

  /** The count shown beside a filter value: "Mindst 16 GB (12)" → 12. */
  async countBeside(name: MarketFilterName, value: string): Promise<number> {
    const text = (await this.filter(name).locator(`option[value="${value}"]`).textContent()) ?? '';
    const m = /\(([\d.]+)\)$/.exec(text.trim());
    if (!m) throw new Error(`no count beside ${name}=${value}: "${text}"`);
    return Number(m[1]!.replace(/\./g, ''));
  }

  /** The marketplace's query in the page's URL (after "#/marketplace?"). */
  async urlQuery(): Promise<URLSearchParams> {
    const hash = await this.page.evaluate(() => window.location.hash);
    return new URLSearchParams(hash.split('?')[1] ?? '');
  }
}
