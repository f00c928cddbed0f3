/** The start screen: choose who you are working as. */
import { expect, type Page } from '@playwright/test';

export class ProfilePickerPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Vælg din profil' })).toBeVisible();
  }

  /** Signs in as `userId` and returns the person's name as the header shows it. */
  async choose(userId: string): Promise<string> {
    const entry = this.page.getByTestId(`profile-${userId}`);
    const name = (await entry.locator('.profile-name').textContent())?.trim() ?? '';
    await entry.click();
    await expect(this.page.getByTestId('current-user')).toContainText(name);
    expect(name).not.toBe('');
    return name;
  }
}
