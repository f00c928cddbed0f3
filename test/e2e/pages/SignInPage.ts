/** Shared mode's start (issue 13): sign in with e-mail and password; "Log ud" in the header signs out. */
import { expect, type Page } from '@playwright/test';

export class SignInPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  }

  /** Signs in (the e-mail field has the focus, as for a person at the keyboard) and returns the name the header shows. */
  async signIn(email: string, password: string, name: string): Promise<string> {
    await expect(this.page.getByLabel('E-mail')).toBeFocused();
    await this.page.keyboard.type(email);
    await this.page.getByLabel('Adgangskode').fill(password);
    await this.page.getByRole('button', { name: 'Log ind', exact: true }).click();
    await expect(this.page.getByTestId('current-user')).toContainText(name);
    return name;
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Log ud' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  }
}
