/** "Mine reservationer": the reservations of the person's administration. */
import type { Locator, Page } from '@playwright/test';

export class MyReservationsPage {
  constructor(readonly page: Page) {}

  /** The device's newest reservation (the list is newest first; a device reused before has older ones below). */
  row(tag: string): Locator {
    return this.page.getByTestId('reservations').locator(`[data-testid="reservation-row"][data-asset-tag="${tag}"]`).first();
  }

  async cancel(tag: string): Promise<void> {
    await this.page.getByRole('button', { name: `Annullér reservationen på ${tag}` }).click();
  }

  /** The success banner after a cancellation. */
  get done(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'er annulleret' });
  }
}
