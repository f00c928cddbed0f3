/** "Flyt til hylde": the warehouse chooses a shelf and each scan moves that device there; the last scans can be undone. */
import type { Locator, Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export class MoveStationPage extends ScanStationPage {
  readonly shelf: Locator;

  constructor(page: Page) {
    super(page);
    this.shelf = page.getByLabel(/^(Til hylde|To shelf)$/);
  }

  async chooseShelf(name: string): Promise<void> {
    await this.shelf.selectOption({ label: name });
  }
}
