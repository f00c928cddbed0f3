/** "Anmeld overskud": a department contact reports a surplus device. */
import { expect, type Locator, type Page } from '@playwright/test';

export interface ReportInput {
  /** The category's visible name, e.g. "Bærbar computer". */
  category: string;
  manufacturer: string;
  model: string;
  serial: string;
  /** The site's visible name, e.g. "BUF, Gyldenløvesgade 15". */
  location: string;
}

export class ReportDevicePage {
  readonly category: Locator;
  readonly manufacturer: Locator;
  readonly model: Locator;
  readonly serial: Locator;
  readonly location: Locator;
  readonly screenInch: Locator;
  readonly assetTag: Locator;
  readonly submitButton: Locator;
  readonly reportedTag: Locator;
  readonly errorSummary: Locator;
  /** "Fotos (valgfrit)": the file picker; and, after reporting, what became of each photo. */
  readonly photos: Locator;
  readonly photosSaved: Locator;
  readonly photoRefusals: Locator;

  constructor(readonly page: Page) {
    this.category = page.getByLabel('Kategori', { exact: true });
    this.manufacturer = page.getByLabel('Producent');
    this.model = page.getByLabel('Model', { exact: true });
    this.serial = page.getByLabel('Serienummer');
    this.location = page.getByLabel('Lokation (hvor enheden står)');
    this.screenInch = page.getByLabel('Skærm (tommer)');
    this.assetTag = page.getByLabel('Fortrykt inventarnummer');
    this.submitButton = page.getByRole('button', { name: 'Anmeld overskud' });
    this.reportedTag = page.getByTestId('reported-asset-tag');
    this.errorSummary = page.getByRole('alert').filter({ hasText: 'Ret de markerede felter' });
    this.photos = page.getByLabel('Fotos (valgfrit)');
    this.photosSaved = page.getByTestId('photos-saved');
    this.photoRefusals = page.getByTestId('photo-refusal');
  }

  async fill(input: ReportInput): Promise<void> {
    await this.category.selectOption({ label: input.category });
    await this.manufacturer.fill(input.manufacturer);
    await this.model.fill(input.model);
    await this.serial.fill(input.serial);
    await this.location.selectOption({ label: input.location });
  }

  /** Chooses photo files (paths on disk) to be added when the device is reported. */
  async attachPhotos(files: readonly string[]): Promise<void> {
    await this.photos.setInputFiles([...files]);
  }

  /** "Indeholder data": "Følg kategori", "Ja" or "Nej". */
  dataBearing(choice: 'Følg kategori' | 'Ja' | 'Nej'): Locator {
    return this.page.getByRole('group', { name: 'Indeholder data' }).getByRole('radio', { name: choice, exact: true });
  }

  /** "Anmeld en enhed mere" on the success panel: an empty form again. */
  async another(): Promise<void> {
    await this.page.getByRole('button', { name: 'Anmeld en enhed mere' }).click();
    await expect(this.category).toBeFocused();
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
  }

  /** Submits the filled form and returns the asset tag the success panel shows. */
  async submitAndReadTag(): Promise<string> {
    await this.submit();
    await expect(this.reportedTag).toHaveText(/^KK-\d{6,10}$/);
    return (await this.reportedTag.textContent())?.trim() ?? '';
  }

  /** Reports the device and returns the asset tag the success panel shows. */
  async report(input: ReportInput): Promise<string> {
    await this.fill(input);
    return this.submitAndReadTag();
  }
}
