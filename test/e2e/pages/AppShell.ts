/** The signed-in frame: main menu, who is working, profile switch and language switch. */
import type { Locator, Page } from '@playwright/test';
import { ProfilePickerPage } from './ProfilePickerPage';

export class AppShell {
  readonly currentUser: Locator;

  constructor(readonly page: Page) {
    this.currentUser = page.getByTestId('current-user');
  }

  /** The main menu; its name follows the UI language ("Hovedmenu" / "Main menu"). */
  menu(name: string | RegExp = 'Hovedmenu'): Locator {
    return this.page.getByRole('navigation', { name });
  }

  menuEntry(name: string, menuName?: string | RegExp): Locator {
    return this.menu(menuName).getByRole('link', { name, exact: true });
  }

  async open(entry: string): Promise<void> {
    await this.menuEntry(entry).click();
    await this.page.getByRole('heading', { level: 1, name: entry }).waitFor();
  }

  /** "Skift profil", then choose another profile; returns the new person's name. */
  async switchProfile(userId: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Skift profil' }).click();
    return new ProfilePickerPage(this.page).choose(userId);
  }

  async switchLanguage(to: 'English' | 'Dansk'): Promise<void> {
    await this.page.getByRole('button', { name: to, exact: true }).click();
  }
}
