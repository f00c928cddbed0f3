/** One device: status, facts, actions, sanitization record, reservation and the trail. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { LabelPrintForm } from './LabelPrintForm';

export interface SanitizationInput {
  /** The method's visible name, e.g. "Rensning (Purge)". */
  method: string;
  technique: string;
  /** The medium's visible name, e.g. "SSD". */
  mediaType: string;
  tool: string;
  toolVersion: string;
  /** The verification method's visible name, e.g. "Fuld verifikation". */
  verificationMethod: string;
  verified: boolean;
  verifierName: string;
}

/** A verified NIST Purge as the warehouse fills it in on the device page. */
export const VERIFIED_PURGE: SanitizationInput = {
  method: 'Rensning (Purge)',
  technique: 'Kryptografisk sletning',
  mediaType: 'SSD',
  tool: 'Blancco Drive Eraser',
  toolVersion: '7.9.1',
  verificationMethod: 'Fuld verifikation',
  verified: true,
  verifierName: 'Kirsten Verificerer',
};

export interface TrailEntry {
  type: string;
  text: string;
  actor: string;
  location: string;
  time: string;
}

export class DevicePage {
  readonly status: Locator;
  readonly assetTag: Locator;
  readonly owner: Locator;
  readonly location: Locator;
  readonly condition: Locator;
  readonly dataBearing: Locator;
  readonly actionError: Locator;
  readonly actionDone: Locator;
  readonly sanitization: Locator;
  readonly reservation: Locator;
  readonly reservationDepartment: Locator;
  /** The reservation's status ("Afventer godkendelse", "Aktiv"); data-status carries the code. */
  readonly reservationStatus: Locator;
  readonly trail: Locator;
  readonly trailEvents: Locator;
  /** The "QR-mærkat" card: stock, start and "Udskriv QR-mærkat". */
  readonly label: LabelPrintForm;
  /** The "Affaldsparti" card: batch number (a link), the batch's status, recycler and certificate. */
  readonly batch: Locator;
  readonly batchLink: Locator;
  readonly batchStatus: Locator;
  readonly batchCertificate: Locator;
  /** The disposal certificate (or trail report) card with its download button. */
  readonly disposalDocument: Locator;
  /** The hand-over receipt card of a device that has been handed over. */
  readonly handOverReceipt: Locator;
  /** The photos card: each photo at display size (an <img> with its alt text). */
  readonly photos: Locator;
  readonly photoImages: Locator;

  constructor(readonly page: Page) {
    this.label = new LabelPrintForm(page, page.getByRole('form', { name: 'QR-mærkat', exact: true }));
    this.status = page.getByTestId('device-status');
    this.assetTag = page.getByTestId('device-asset-tag');
    this.owner = page.getByTestId('device-owner');
    this.location = page.getByTestId('device-location');
    this.condition = page.getByTestId('device-condition');
    this.dataBearing = page.getByTestId('device-data-bearing');
    this.actionError = page.getByTestId('action-error');
    this.actionDone = page.getByTestId('action-done');
    this.sanitization = page.getByTestId('sanitization');
    this.reservation = page.getByTestId('reservation');
    this.reservationDepartment = page.getByTestId('reservation-department');
    this.reservationStatus = page.getByTestId('reservation-status');
    this.trail = page.getByTestId('trail');
    this.trailEvents = page.getByTestId('trail-event');
    this.batch = page.getByTestId('device-batch');
    this.batchLink = page.getByTestId('device-batch-link');
    this.batchStatus = page.getByTestId('device-batch-status');
    this.batchCertificate = page.getByTestId('device-batch-certificate');
    this.disposalDocument = page.getByTestId('disposal-document');
    this.handOverReceipt = page.getByTestId('device-receipt');
    this.photos = page.getByTestId('device-photos');
    this.photoImages = this.photos.getByRole('img');
  }

  /** Presses the hand-over receipt's download button ("Hent udleveringskvittering (PDF)") and returns the download. */
  async downloadHandOverReceipt(): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.handOverReceipt.getByRole('button').click();
    return waiting;
  }

  /** Adds photo files (paths on disk) with the photos card's picker ("Tilføj fotos"); they are saved at once. */
  async attachPhotos(files: readonly string[]): Promise<void> {
    await this.photos.getByLabel('Tilføj fotos').setInputFiles([...files]);
  }

  /** Presses the disposal document's download button (named `button`) and returns the download. */
  async downloadDisposalDocument(button: string): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.disposalDocument.getByRole('button', { name: button }).click();
    return waiting;
  }

  async goto(url: string): Promise<void> {
    // why retry: right after a profile is chosen the shell may still move to the role's start page, taking the
    // address back from this one (weee-category.spec.ts stayed on Genbrugsbørs once at load 14); a person would
    // open the device again, and so does this.
    await expect(async () => {
      await this.page.goto(url);
      await expect(this.assetTag).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
  }

  /** The device id from the page's address (#/devices/<id>). */
  deviceId(): string {
    const m = /#\/devices\/([^?]+)/.exec(this.page.url());
    if (!m?.[1]) throw new Error(`not on a device page: ${this.page.url()}`);
    return decodeURIComponent(m[1]);
  }

  action(name: string): Locator {
    return this.page.getByRole('region', { name: 'Handlinger' }).getByRole('button', { name, exact: true });
  }

  async press(name: string): Promise<void> {
    await this.action(name).click();
  }

  /** "Tag af genbrugsbørsen": the button opens a small form asking for the (optional) reason; this sends it. */
  async unpublish(reason = ''): Promise<void> {
    await this.press('Tag af genbrugsbørsen');
    const form = this.page.getByRole('form', { name: 'Tag af genbrugsbørsen' });
    if (reason) await form.getByRole('textbox', { name: /^Begrundelse/ }).fill(reason);
    await form.getByRole('button', { name: 'Tag af genbrugsbørsen' }).click();
  }

  async recordSanitization(input: SanitizationInput): Promise<void> {
    await this.press('Registrér datasletning');
    const form = this.page.getByRole('form', { name: 'Registrér datasletning' });
    await form.getByLabel('Metode (NIST SP 800-88)').selectOption({ label: input.method });
    await form.getByLabel('Teknik', { exact: true }).fill(input.technique);
    await form.getByLabel('Lagermedie').selectOption({ label: input.mediaType });
    await form.getByLabel('Værktøj', { exact: true }).fill(input.tool);
    await form.getByLabel('Version', { exact: true }).fill(input.toolVersion);
    await form.getByLabel('Verifikationsmetode').selectOption({ label: input.verificationMethod });
    await form.getByLabel('Verificeret af', { exact: true }).fill(input.verifierName);
    await form.getByLabel('Datasletningen er verificeret').setChecked(input.verified);
    await form.getByRole('button', { name: 'Gem datasletning' }).click();
    await expect(form).toBeHidden();
  }

  /** The trail as the page shows it, in order. */
  async trailEntries(): Promise<TrailEntry[]> {
    const items = await this.trailEvents.all();
    const out: TrailEntry[] = [];
    for (const item of items) {
      out.push({
        type: (await item.getAttribute('data-event-type')) ?? '',
        text: (await item.innerText()).trim(),
        actor: ((await item.locator('.trail-actor').textContent()) ?? '').trim(),
        location: ((await item.locator('.trail-location').textContent()) ?? '').trim(),
        time: ((await item.locator('time').getAttribute('datetime')) ?? '').trim(),
      });
    }
    return out;
  }
}
