/**
 * What every scan station shows ("Modtag på lager", "Udlevér", "Flyt til hylde", "Lageroptælling"): the tag
 * field, the queue and the last scans, and at a station whose action has an inverse, the undo of the last scan.
 */
import type { Locator, Page } from '@playwright/test';

export class ScanStationPage {
  readonly scanField: Locator;
  /** The banner of the scan that ended last (role="status" on success, role="alert" on failure). */
  readonly result: Locator;
  readonly recentScans: Locator;
  /** One row per scan in "Seneste scanninger", newest first; data-tag, data-state (queued|running|done|failed). */
  readonly rows: Locator;
  /** The failure count that stays until acknowledged. */
  readonly failures: Locator;
  readonly pending: Locator;
  readonly done: Locator;
  /** "Fortryd sidste scanning (KK-…)"; disabled when there is nothing to take back, absent where nothing can be. */
  readonly undoButton: Locator;
  /** The scans that did not reach the server, with "Send igen" (issue 13). */
  readonly unsent: Locator;

  constructor(readonly page: Page) {
    this.scanField = page.getByTestId('scan-tag');
    this.result = page.getByTestId('scan-result');
    this.recentScans = page.getByRole('region', { name: /^(Seneste scanninger|Recent scans)$/ });
    this.rows = page.getByTestId('scan-row');
    this.failures = page.getByTestId('scan-failures');
    this.pending = page.getByTestId('scan-pending');
    this.done = page.getByTestId('scan-done');
    this.undoButton = page.getByTestId('undo-last-scan');
    this.unsent = page.getByTestId('scan-unsent');
  }

  /** Types the tag and presses Enter, as a handheld scanner does. */
  async scan(tag: string): Promise<void> {
    await this.scanField.fill(tag);
    await this.scanField.press('Enter');
  }

  row(tag: string): Locator {
    return this.page.locator(`[data-testid="scan-row"][data-tag="${tag}"]`);
  }

  /** The tags of the listed scans in one state, newest first. */
  async tagsIn(state: 'queued' | 'running' | 'done' | 'failed'): Promise<string[]> {
    return this.page
      .locator(`[data-testid="scan-row"][data-state="${state}"]`)
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag') ?? ''));
  }

  /** The row of the scan of `tag` (not of its undo). */
  scanRow(tag: string): Locator {
    return this.page.locator(`[data-testid="scan-row"][data-kind="scan"][data-tag="${tag}"]`);
  }

  /** The row of the undo of `tag`'s scan. */
  undoRow(tag: string): Locator {
    return this.page.locator(`[data-testid="scan-row"][data-kind="undo"][data-tag="${tag}"]`);
  }

  /** Ctrl+Z, as a person presses it with the focus where it is. */
  async pressUndoShortcut(): Promise<void> {
    await this.page.keyboard.press('Control+z');
  }

  async acknowledgeFailures(): Promise<void> {
    await this.failures.getByRole('button').click();
  }

  /** The tags of the scans that did not reach the server, newest first. */
  async unsentTags(): Promise<string[]> {
    return this.page.locator('[data-testid="scan-row"][data-unsent="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-tag') ?? ''));
  }

  /** "Send igen": the scans that did not reach the server go again. */
  async resend(): Promise<void> {
    await this.unsent.getByRole('button', { name: /^(Send igen|Send again)$/ }).click();
  }

  /** Opens the device page from the "Seneste scanninger" list. */
  async openScanned(tag: string): Promise<void> {
    await this.recentScans.getByRole('link', { name: tag, exact: true }).click();
  }
}
