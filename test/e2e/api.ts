/**
 * Test set-up through the HTTP API, as a given profile: the same procedures and rules the UI goes through,
 * without clicking through screens that other specs already cover.
 */
import type { APIRequestContext } from '@playwright/test';
import { WIPE } from '../../core/testing/fixtures';
import type { ProcedureInput, ProcedureName, ProcedureOutput } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';

export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly request: APIRequestContext) {}

  private async token(userId: string): Promise<string> {
    const known = this.tokens.get(userId);
    if (known) return known;
    const res = await this.request.post('/api/session.signIn', { data: { userId } });
    const body = (await res.json()) as ApiResult<{ token: string }>; // why: the transport's documented reply shape
    if (!body.ok) throw new Error(`sign-in as ${userId}: ${body.error.message}`);
    this.tokens.set(userId, body.data.token);
    return body.data.token;
  }

  /** Calls `procedure` as `userId`; throws with the core's message if it is refused. */
  async call<P extends ProcedureName>(userId: string, procedure: P, input: ProcedureInput<P>): Promise<ProcedureOutput<P>> {
    const res = await this.request.post(`/api/${procedure}`, {
      data: input,
      headers: { authorization: `Bearer ${await this.token(userId)}`, 'accept-language': 'da' },
    });
    const body = (await res.json()) as ApiResult<ProcedureOutput<P>>; // why: the transport's documented reply shape
    if (!body.ok) throw new Error(`${procedure} as ${userId}: ${body.error.code} ${body.error.message}`);
    return body.data;
  }

  /**
   * Devices that the e-waste rules suggest whatever the demo holds at this hour: reported by a BUF contact
   * and checked in as defective. The demo's own history ends "now", so what it suggests varies with the clock.
   */
  async defectiveInStock(serials: readonly string[]): Promise<void> {
    for (const serial of serials) {
      const d = await this.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'EliteBook 840 G8', serial, locationId: 'dep-buf-site-1' });
      await this.call('user-warehouse-1', 'devices.checkIn', { assetTag: d.assetTag, condition: 'defective', locationId: 'loc-shelf-A1' });
    }
  }

  /**
   * A laptop in stock, whatever the demo holds at this hour (at some hours its history leaves none): reported by
   * a BUF contact and checked in by the warehouse in good condition, not wiped yet.
   */
  async laptopInStock(serial: string): Promise<ProcedureOutput<'devices.checkIn'>> {
    const d = await this.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 3', serial, locationId: 'dep-buf-site-1' });
    return this.call('user-warehouse-1', 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: 'loc-shelf-A1' });
  }

  /**
   * A 14" laptop with 16 GB on the marketplace, whatever the demo holds at this hour (at some hours its history
   * leaves no listed laptop of a size): reported by a BUF contact, checked in, wiped and published.
   */
  async listedLaptop(serial: string): Promise<ProcedureOutput<'devices.publish'>> {
    const d = await this.call('user-buf-1', 'devices.report', { category: 'laptop', manufacturer: 'Lenovo', model: 'ThinkPad T14 Gen 3', serial, specs: { ramGb: 16, screenInch: 14 }, locationId: 'dep-buf-site-1' });
    await this.call('user-warehouse-1', 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: 'loc-shelf-A1' });
    await this.call('user-warehouse-1', 'devices.recordSanitization', { deviceId: d.id, ...WIPE });
    return this.call('user-warehouse-1', 'devices.publish', { deviceId: d.id });
  }
}
