/** "Udlevér": the warehouse scans a reserved device when the reserving administration picks it up. */
import type { Download, Locator, Page } from '@playwright/test';
import { ScanStationPage } from './ScanStationPage';

export class HandOverPage extends ScanStationPage {
  readonly replacesNewPurchase: Locator;
  /** "Afhentes af (navn)": who collects the device (required). */
  readonly pickedUpBy: Locator;
  /** "Modtagende enhed": a unit of the reserving administration. */
  readonly unit: Locator;
  readonly onPaper: Locator;
  readonly onScreen: Locator;
  readonly signaturePad: Locator;
  readonly clearSignature: Locator;
  /** The receipt card shown after a hand-over, with its download button. */
  readonly receipt: Locator;

  constructor(page: Page) {
    super(page);
    this.replacesNewPurchase = page.getByLabel(/^(Erstatter et nyt indkøb|Replaces a new purchase)$/);
    this.pickedUpBy = page.getByLabel(/^(Afhentes af \(navn\)|Collected by \(name\))/);
    this.unit = page.getByLabel(/^(Modtagende enhed|Receiving unit)/);
    this.onPaper = page.getByRole('radio', { name: /^(På papir|On paper)/ });
    this.onScreen = page.getByRole('radio', { name: /^(På skærmen|On screen)$/ });
    this.signaturePad = page.getByTestId('signature-pad');
    this.clearSignature = page.getByRole('button', { name: /^(Ryd underskrift|Clear signature)$/ });
    this.receipt = page.getByTestId('handover-receipt');
  }

  /** Who collects and for which unit (by its name), the receipt to be signed on paper. */
  async collectedBy(name: string, unit: string): Promise<void> {
    await this.pickedUpBy.fill(name);
    await this.unit.selectOption({ label: unit });
  }

  /** Chooses a signature on screen and draws one stroke across the pad with the mouse, as a receiver signs. */
  async drawSignature(): Promise<void> {
    await this.onScreen.check();
    // The pad appears below the choice, maybe below the fold: mouse coordinates only reach what is in view.
    await this.signaturePad.scrollIntoViewIfNeeded();
    const box = await this.signaturePad.boundingBox();
    if (!box) throw new Error('the signature pad is not on screen');
    const at = (fx: number, fy: number) => [box.x + box.width * fx, box.y + box.height * fy] as const;
    await this.page.mouse.move(...at(0.1, 0.7));
    await this.page.mouse.down();
    for (const [fx, fy] of [[0.25, 0.2], [0.4, 0.8], [0.55, 0.3], [0.7, 0.75], [0.9, 0.4]] as const) {
      await this.page.mouse.move(...at(fx, fy), { steps: 5 });
    }
    await this.page.mouse.up();
  }

  /** Presses the receipt's download button after a hand-over and returns the download. */
  async downloadReceipt(): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.receipt.getByRole('button').click();
    return waiting;
  }
}
