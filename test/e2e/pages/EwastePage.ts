/** E-affald: the suggestions to route, and routing one device by tag. */
import type { Locator, Page } from '@playwright/test';

export class EwastePage {
  readonly suggestions: Locator;
  readonly outcomes: Locator;
  readonly tagField: Locator;
  readonly reason: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.suggestions = page.getByTestId('ewaste-suggestions');
    this.outcomes = page.getByTestId('ewaste-outcomes');
    this.tagField = page.getByLabel('Inventarnummer', { exact: true });
    this.reason = page.getByLabel('Begrundelse');
    this.note = page.getByLabel(/^Note/);
  }

  async goto(): Promise<void> {
    await this.page.goto('/#/ewaste');
    await this.page.getByRole('heading', { level: 1, name: 'E-affald' }).waitFor();
  }

  row(tag: string): Locator {
    return this.suggestions.locator(`tr[data-tag="${tag}"]`);
  }

  async tagsSuggested(): Promise<string[]> {
    return this.suggestions.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag') ?? ''));
  }

  async routeSelected(tags: readonly string[]): Promise<void> {
    for (const tag of tags) await this.row(tag).getByRole('checkbox').check();
    await this.page.getByRole('button', { name: /Send valgte til elektronikaffald/ }).click();
  }

  async routeOne(tag: string, reason: string, note?: string): Promise<void> {
    await this.tagField.fill(tag);
    await this.reason.selectOption({ label: reason });
    if (note) await this.note.fill(note);
    await this.page.getByRole('button', { name: 'Send til elektronikaffald', exact: true }).click();
  }
}
