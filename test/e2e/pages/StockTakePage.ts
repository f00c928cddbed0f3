/**
 * "Lageroptælling": choose a shelf, scan everything on it (a scan station with undo), finish, and read the
 * report: the counts, each part's devices, "Registrér som flyttet hertil", print and CSV export.
 */
import type { Download, Locator, Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export type ReportPart = 'missing' | 'unexpected' | 'unknown' | 'found';

export class StockTakePage extends ScanStationPage {
  readonly startShelf: Locator;
  readonly startButton: Locator;
  /** "N enheder talt". */
  readonly total: Locator;
  readonly finishButton: Locator;
  readonly report: Locator;
  readonly moveHereButton: Locator;
  /** What "Registrér som flyttet hertil" did, device by device. */
  readonly movedBanner: Locator;

  constructor(page: Page) {
    super(page);
    this.startShelf = page.getByLabel(/^(Hylde|Shelf)$/);
    this.startButton = page.getByRole('button', { name: /^(Start optælling|Start the count)$/ });
    this.total = page.getByTestId('stocktake-total');
    this.finishButton = page.getByRole('button', { name: /^(Afslut og sammenlign|Finish and compare)$/ });
    this.report = page.getByTestId('stocktake-report');
    this.moveHereButton = page.getByRole('button', { name: /^(Registrér som flyttet hertil|Record as moved here)$/ });
    this.movedBanner = page.getByTestId('stocktake-moved');
  }

  async start(shelf: string): Promise<void> {
    await this.startShelf.selectOption({ label: shelf });
    await this.startButton.click();
    await this.scanField.waitFor();
  }

  /** The figure in the report's summary for a part ("expected", "found", …). */
  count(part: ReportPart | 'expected'): Locator {
    return this.page.getByTestId(`stocktake-count-${part}`).locator('dd');
  }

  part(part: ReportPart): Locator {
    return this.page.getByTestId(`stocktake-${part}`);
  }

  /** The asset tags a part of the report lists, in order. */
  async reportTags(part: ReportPart): Promise<string[]> {
    return this.part(part)
      .locator('[data-asset-tag]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-asset-tag') ?? ''));
  }

  /** The report's row of a device in a part. */
  reportRow(part: ReportPart, tag: string): Locator {
    return this.part(part).locator(`[data-asset-tag="${tag}"]`);
  }

  async exportCsv(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: /^(Eksportér CSV|Export CSV)$/ }).click();
    return download;
  }

  printButton(): Locator {
    return this.page.getByRole('button', { name: /^(Udskriv|Print)$/ });
  }
}
