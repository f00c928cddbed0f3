/** "Mine reservationer": the reservations of the person's administration, and "Til godkendelse" for its approver. */
import type { Locator, Page } from '@playwright/test';

export class MyReservationsPage {
  constructor(readonly page: Page) {}

  /** The device's newest reservation (the list is newest first; a device reused before has older ones below). */
  row(tag: string): Locator {
    return this.page.getByTestId('reservations').locator(`[data-testid="reservation-row"][data-asset-tag="${tag}"]`).first();
  }

  async cancel(tag: string): Promise<void> {
    await this.page.getByRole('button', { name: `Annullér reservationen på ${tag}` }).click();
  }

  /** The success banner after a cancellation. */
  get done(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'er annulleret' });
  }

  /** The success banner after any action on this screen (cancel, approve, reject). */
  get result(): Locator {
    return this.page.getByTestId('reservations-done');
  }

  /** "Til godkendelse": the reservations waiting for this approver. */
  get toApprove(): Locator {
    return this.page.getByTestId('to-approve');
  }

  /** A reservation waiting for approval, in "Til godkendelse". */
  approvalRow(tag: string): Locator {
    return this.toApprove.locator(`[data-testid="approval-row"][data-asset-tag="${tag}"]`);
  }

  async approve(tag: string): Promise<void> {
    await this.page.getByRole('button', { name: `Godkend reservationen på ${tag}` }).click();
  }

  /** Afvis, with the reason the form asks for. */
  async reject(tag: string, reason: string): Promise<void> {
    await this.page.getByRole('button', { name: `Afvis reservationen på ${tag}` }).click();
    const form = this.approvalRow(tag).locator('form');
    await form.getByLabel('Begrundelse for afvisning').fill(reason);
    await form.getByRole('button', { name: 'Afvis reservationen' }).click();
  }

  /** An admin's approval control for the chosen administration: on or off, then "Gem godkendelse". */
  async setApprovalRequired(required: boolean): Promise<void> {
    await this.page.getByLabel('Reservationer skal godkendes').setChecked(required);
    await this.page.getByRole('button', { name: 'Gem godkendelse' }).click();
  }

  /** An admin's choice of administration ("Forvaltning"). */
  async chooseDepartment(label: string): Promise<void> {
    await this.page.getByLabel('Forvaltning', { exact: true }).selectOption({ label });
  }
}
