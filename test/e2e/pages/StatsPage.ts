/** Statistik: the period picker and filters, the key figures (each a link) and the list of devices behind a figure. */
import type { Locator, Page } from '@playwright/test';

export class StatsPage {
  readonly loaded: Locator;
  readonly outcomes: Locator;
  readonly co2e: Locator;
  readonly reuseRate: Locator;
  readonly devicesTotal: Locator;
  readonly deviceRows: Locator;

  constructor(readonly page: Page) {
    this.loaded = page.getByTestId('stats-loaded');
    this.outcomes = page.getByTestId('stat-outcomes');
    this.co2e = page.getByTestId('stat-co2e');
    this.reuseRate = page.getByTestId('stat-reuse-rate');
    this.devicesTotal = page.getByTestId('stats-devices-total');
    this.deviceRows = page.getByTestId('stats-device-row');
  }

  /** The count of an outcome in the key figures' table ("reused", "reported" …), as a link. */
  outcomeCount(outcome: string): Locator {
    return this.outcomes.locator(`tr[data-outcome="${outcome}"] td`).first().getByRole('link');
  }

  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
}
