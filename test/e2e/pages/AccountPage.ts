/** Min konto (shared mode): who is signed in, and the form that changes one's own password. */
import { expect, type Locator, type Page } from '@playwright/test';

export class AccountPage {
  readonly form: Locator;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('own-password-form');
    this.result = page.getByTestId('account-result');
  }

  /** Opens Min konto from the header's link, with the keyboard. */
  async openFromHeader(): Promise<void> {
    await this.page.getByRole('link', { name: 'Min konto', exact: true }).focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Min konto' })).toBeVisible();
  }

  field(label: 'Nuværende adgangskode' | 'Ny adgangskode' | 'Gentag ny adgangskode'): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  fieldError(label: 'Nuværende adgangskode' | 'Ny adgangskode' | 'Gentag ny adgangskode'): Locator {
    return this.form.locator('.field', { has: this.page.getByLabel(label, { exact: true }) }).locator('.field-error');
  }

  /** Types into the focused field after emptying it, as a person at the keyboard does. */
  async retype(text: string): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }
}
