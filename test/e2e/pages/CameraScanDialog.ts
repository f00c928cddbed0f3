/** "Scan med kamera": the header button and the dialog with the live camera. */
import type { Locator, Page } from '@playwright/test';

export class CameraScanDialog {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly video: Locator;
  /** "Starter kameraet …" / "Kameraet er klar …" while there is no problem. */
  readonly state: Locator;
  /** A refused, missing or busy camera, or a decoder that did not load. */
  readonly problem: Locator;
  /** What the last scanned code led to (an unknown tag, a code that is not a tag, …). */
  readonly outcome: Locator;

  constructor(readonly page: Page) {
    this.openButton = page.getByRole('button', { name: 'Scan med kamera' });
    this.dialog = page.getByRole('dialog', { name: 'Scan med kamera' });
    this.video = this.dialog.getByTestId('camera-video');
    this.state = this.dialog.getByTestId('camera-state');
    this.problem = this.dialog.getByTestId('camera-problem');
    this.outcome = this.dialog.getByTestId('camera-outcome');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await this.dialog.waitFor();
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: 'Luk' }).click();
  }
}
