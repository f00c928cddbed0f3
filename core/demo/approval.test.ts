import { describe, expect, it } from 'vitest';
import { listedLaptop, run, siteOf, useHarness } from '../testing/harness';
import { DEMO_APPROVAL, seedApprovalDemo } from './approval';

describe('the demo administration with reservation approval', () => {
  const h = useHarness();

  it("has approval on, with its approver, so a contact's reservation waits for them and they can approve it", async () => {
    await seedApprovalDemo(h.store, h.clock.now());
    expect((await h.store.getDepartment(DEMO_APPROVAL.departmentId))?.approval).toMatchObject({ required: true, days: DEMO_APPROVAL.days });
    const d = await listedLaptop(h);
    const r = await run(await h.as('user-kff-2'), 'reservations.create', { deviceId: d.id, locationId: siteOf(DEMO_APPROVAL.departmentId) });
    expect(r.status).toBe('pending');
    expect((await run(await h.as(DEMO_APPROVAL.approverId), 'reservations.approve', { reservationId: r.id })).status).toBe('active');
  });
});
