/** Efterlysninger: the form for a new wanted request and the list of the administration's requests. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface WantedInput {
  /** The category's visible name, e.g. "Bærbar computer"; absent: all categories. */
  category?: string;
  ramMinGb?: number;
  screenMinInch?: number;
  screenMaxInch?: number;
  quantity?: number;
  text?: string;
  /** "Stand mindst": the option's visible text, e.g. "B eller bedre". */
  condition?: string;
  /** "Datasletning": the option's visible text. */
  wiped?: string;
  /** "Fra forvaltning": the option's visible text. */
  department?: string;
}

export class WantedPage {
  readonly form: Locator;
  readonly done: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Ny efterlysning' });
    this.done = page.locator('.banner-success, [role="status"]').filter({ hasText: 'Efterlysningen' });
    this.rows = page.getByTestId('wanted-row');
  }

  async create(input: WantedInput): Promise<void> {
    const f = this.form;
    if (input.category) await f.getByLabel('Kategori').selectOption({ label: input.category });
    if (input.ramMinGb !== undefined) await f.getByLabel('RAM mindst (GB)').fill(String(input.ramMinGb));
    if (input.screenMinInch !== undefined) await f.getByLabel('Skærm mindst (tommer)').fill(String(input.screenMinInch));
    if (input.screenMaxInch !== undefined) await f.getByLabel('Skærm højst (tommer)').fill(String(input.screenMaxInch));
    if (input.condition) await f.getByLabel('Stand mindst').selectOption({ label: input.condition });
    if (input.wiped) await f.getByLabel('Datasletning').selectOption({ label: input.wiped });
    if (input.department) await f.getByLabel('Fra forvaltning').selectOption({ label: input.department });
    if (input.quantity !== undefined) await f.getByLabel('Antal').fill(String(input.quantity));
    if (input.text) await f.getByLabel('Beskrivelse').fill(input.text);
    await f.getByRole('button', { name: 'Gem efterlysning' }).click();
    await expect(this.page.getByText('Efterlysningen er gemt.')).toBeVisible();
  }

  /** The row of the request whose description contains `text`. */
  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }
}
