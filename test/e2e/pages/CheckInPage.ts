/** "Modtag på lager": the warehouse scans a reported device in with its condition and shelf. */
import type { Locator, Page } from '@playwright/test';

export class CheckInPage {
  readonly condition: Locator;
  readonly shelf: Locator;
  readonly scanField: Locator;
  readonly result: Locator;
  readonly recentScans: Locator;

  constructor(readonly page: Page) {
    this.condition = page.getByLabel('Stand', { exact: true });
    this.shelf = page.getByLabel('Hylde', { exact: true });
    this.scanField = page.getByTestId('scan-tag');
    this.result = page.getByTestId('scan-result');
    this.recentScans = page.getByRole('region', { name: 'Seneste scanninger' });
  }

  async choose(condition: string, shelf: string): Promise<void> {
    await this.condition.selectOption({ label: condition });
    await this.shelf.selectOption({ label: shelf });
  }

  /** Types the tag and presses Enter, as a handheld scanner does. */
  async scan(tag: string): Promise<void> {
    await this.scanField.fill(tag);
    await this.scanField.press('Enter');
  }

  /** Opens the device page from the "Seneste scanninger" list. */
  async openScanned(tag: string): Promise<void> {
    await this.recentScans.getByRole('link', { name: tag, exact: true }).click();
  }
}
