/** "Modtag på lager": the warehouse scans a reported device in with its condition and shelf. */
import type { Locator, Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export class CheckInPage extends ScanStationPage {
  readonly condition: Locator;
  readonly shelf: Locator;

  constructor(page: Page) {
    super(page);
    this.condition = page.getByLabel(/^(Stand|Condition)$/);
    this.shelf = page.getByLabel(/^(Hylde|Shelf)$/);
  }

  /** After a device was scanned in: adds photo files (paths on disk) of it with "Tilføj fotos af <tag>". */
  async attachPhotos(tag: string, files: readonly string[]): Promise<void> {
    await this.page.getByLabel(`Tilføj fotos af ${tag}`).setInputFiles([...files]);
  }

  async choose(condition: string, shelf: string): Promise<void> {
    await this.condition.selectOption({ label: condition });
    await this.shelf.selectOption({ label: shelf });
  }
}
