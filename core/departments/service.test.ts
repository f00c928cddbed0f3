import { describe, expect, it } from 'vitest';
import { refusal, run, TMF_CONTACT, useHarness } from '../testing/harness';

const ADMIN = 'user-admin-1';

describe("an administration's reservation approval", () => {
  const h = useHarness();

  it('an admin turns it on with the days and the approvers; the department records who changed it and when', async () => {
    const out = await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-1'] });
    expect(out.approvers.map((u) => u.id)).toEqual(['user-kff-1']);
    expect(await h.store.getDepartment('dep-kff')).toMatchObject({
      approval: { required: true, days: 5, changedBy: { id: ADMIN, role: 'admin' }, changedAt: h.clock.now().toISOString() },
    });
    expect((await h.store.getUser('user-kff-1'))?.approver).toBe(true);
    // Naming another approver unflags the first.
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-2'] });
    expect((await h.store.getUser('user-kff-1'))?.approver).toBe(false);
    expect((await h.store.getUser('user-kff-2'))?.approver).toBe(true);
  });

  it('refuses an approver who is not a contact of that administration, and saves nothing', async () => {
    const before = await h.store.getDepartment('dep-kff');
    for (const who of [TMF_CONTACT, ADMIN]) {
      expect(await refusal(run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-1', who] }))).toBe(
        'APPROVER_NOT_A_CONTACT',
      );
    }
    expect(await h.store.getDepartment('dep-kff')).toEqual(before);
    expect((await h.store.getUser('user-kff-1'))?.approver).toBeUndefined();
    expect(await refusal(run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-nope', required: true, days: 5, approverIds: [] }))).toBe('NOT_FOUND');
  });

  it('refuses days outside 1 to 30 at the boundary', async () => {
    await expect(run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 0, approverIds: [] })).rejects.toThrow();
    await expect(run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 31, approverIds: [] })).rejects.toThrow();
    expect((await h.store.getDepartment('dep-kff'))?.approval).toBeUndefined();
  });

  it('is for admins only (the contract names the role)', async () => {
    const { contract } = await import('../../shared/contract');
    expect(contract['departments.setApproval'].roles).toEqual(['admin']);
  });
});
