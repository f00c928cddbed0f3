/** "Beskeder": the header's bell with the unread count, and the list it opens. */
import { expect, type Locator, type Page } from '@playwright/test';

export class NotificationsPage {
  readonly bell: Locator;
  readonly items: Locator;

  constructor(readonly page: Page) {
    this.bell = page.getByTestId('notification-bell');
    this.items = page.getByTestId('notification');
  }

  /** Waits until the bell says `count` unread (it asks the core on every navigation and every 30 s). */
  async expectUnread(count: number): Promise<void> {
    await expect(this.bell).toHaveAttribute('data-unread', String(count));
    if (count > 0) await expect(this.bell).toHaveAccessibleName(`Beskeder, ${count} ${count === 1 ? 'ulæst' : 'ulæste'}`);
  }

  async open(): Promise<void> {
    await this.bell.click();
    await this.page.getByRole('heading', { level: 1, name: 'Beskeder' }).waitFor();
  }

  /** The notification about the device with `assetTag`. */
  item(assetTag: string): Locator {
    return this.items.filter({ hasText: assetTag });
  }

  /** Follows a notification's link to the device page (marking it read). */
  async follow(assetTag: string): Promise<void> {
    await this.item(assetTag).getByRole('link', { name: 'Se enheden og reservér' }).click();
  }
}
