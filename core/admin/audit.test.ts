import { describe, expect, it } from 'vitest';
import { refusal, run, TMF_CONTACT, useHarness } from '../testing/harness';
import type { AdminAuditEntry } from '../../shared/schemas';
import { changedFields } from './audit';

const ADMIN = 'user-admin-1';

describe('changedFields', () => {
  it('lists each field that differs, as text, and leaves out equal and skipped fields', () => {
    expect(changedFields({ name: 'A', days: 3, tags: ['x'], updatedAt: '1' }, { name: 'B', days: 3, tags: ['x', 'y'], updatedAt: '2' }, ['updatedAt'])).toEqual([
      { field: 'name', from: 'A', to: 'B' },
      { field: 'tags', from: '["x"]', to: '["x","y"]' },
    ]);
  });

  it('names a field that appeared or went without the side it lacks', () => {
    expect(changedFields(undefined, { name: 'Ny' })).toEqual([{ field: 'name', to: 'Ny' }]);
    expect(changedFields({ address: 'Vej 1' }, {})).toEqual([{ field: 'address', from: 'Vej 1' }]);
  });

  it('cuts a very long value so the entry stays within the schema', () => {
    const [change] = changedFields({ note: '' }, { note: 'x'.repeat(2000) });
    expect(change?.to).toHaveLength(500);
    expect(change?.to?.endsWith('…')).toBe(true);
  });
});

/** The entries people wrote: the harness's demo municipality is written through the admin writers by the system. */
const byPeople = (items: AdminAuditEntry[]) => items.filter((e) => e.actor.role !== 'system');

describe('the admin audit list', () => {
  const h = useHarness();

  it("records an approval change with who, when and each field before and after, in the change's transaction", async () => {
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-1'] });
    const items = byPeople((await run(await h.as(ADMIN), 'admin.audit', {})).items);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      at: h.clock.now().toISOString(),
      actor: { id: ADMIN, role: 'admin' },
      subject: 'approval',
      subjectId: 'dep-kff',
      subjectName: 'Kultur- og Fritidsforvaltningen',
      action: 'changed',
    });
    expect(items[0]!.changes.map((c) => c.field)).toEqual(['required', 'days', 'approvers']);
    expect(items[0]!.changes[0]).toEqual({ field: 'required', from: 'false', to: 'true' });
  });

  it('writes nothing for a refused change, and nothing for a change that changes nothing', async () => {
    await refusal(run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: [TMF_CONTACT] }));
    expect(byPeople((await run(await h.as(ADMIN), 'admin.audit', {})).items)).toEqual([]);
    const same = { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-1'] };
    await run(await h.as(ADMIN), 'departments.setApproval', same);
    await run(await h.as(ADMIN), 'departments.setApproval', same);
    expect(byPeople((await run(await h.as(ADMIN), 'admin.audit', {})).items)).toHaveLength(1);
  });

  it('lists newest first, and one subject or record when asked', async () => {
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: [] });
    h.clock.advance(60_000);
    await run(await h.as(ADMIN), 'recyclers.save', {
      legalName: 'Genbrug A/S',
      cvr: '64942212',
      address: 'Vej 1, 2300 København S',
      contactName: 'Kim Holm',
      certifications: [],
    });
    const all = byPeople((await run(await h.as(ADMIN), 'admin.audit', {})).items);
    expect(all.map((e) => e.subject)).toEqual(['recycler', 'approval']);
    expect(all[0]).toMatchObject({ action: 'created', subjectName: 'Genbrug A/S' });
    expect((await run(await h.as(ADMIN), 'admin.audit', { subject: 'approval' })).items.map((e) => e.subjectId)).toEqual(['dep-kff']);
    expect((await run(await h.as(ADMIN), 'admin.audit', { subjectId: 'dep-nope' })).items).toEqual([]);
    expect((await run(await h.as(ADMIN), 'admin.audit', { limit: 1 })).items.map((e) => e.subject)).toEqual(['recycler']);
  });

  it('is for admins only (the contract names the role)', async () => {
    const { contract } = await import('../../shared/contract');
    expect(contract['admin.audit'].roles).toEqual(['admin']);
  });
});
