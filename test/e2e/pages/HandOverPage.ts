/** "Udlevér": the warehouse scans a reserved device when the reserving administration picks it up. */
import type { Locator, Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export class HandOverPage extends ScanStationPage {
  readonly replacesNewPurchase: Locator;

  constructor(page: Page) {
    super(page);
    this.replacesNewPurchase = page.getByLabel(/^(Erstatter et nyt indkøb|Replaces a new purchase)$/);
  }
}
