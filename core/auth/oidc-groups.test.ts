/**
 * The sign-in group table (issue 13, wt-oidc): an admin adds, changes and removes rows, each change in the admin
 * audit list; a refused row saves nothing; other roles cannot touch it; and the rule that picks a person's row.
 */
import { describe, expect, it } from 'vitest';
import type { OidcGroup } from '../../shared/schemas';
import { BUF_CONTACT, callAs, run, unitOf, useHarness } from '../testing/harness';
import { mappingFor } from './oidc-groups';

const ADMIN = 'user-admin-1';

describe('the sign-in group table', () => {
  const h = useHarness();

  it('adds rows in table order, changes one in its place and removes one, each in the audit list', async () => {
    const admin = await h.as(ADMIN);
    const buf = await run(admin, 'oidcGroups.save', { group: ' KK-IT-BUF ', role: 'department_contact', departmentId: 'dep-buf', unitId: unitOf('dep-buf') });
    h.clock.advance(60_000);
    const lager = await run(admin, 'oidcGroups.save', { group: 'KK-Lager', role: 'warehouse', departmentId: 'dep-okf' });
    expect(buf).toMatchObject({ group: 'KK-IT-BUF', position: 0 });
    expect(lager.position).toBe(1);
    h.clock.advance(60_000);
    await run(admin, 'oidcGroups.save', { id: buf.id, group: 'KK-IT-BUF', role: 'department_contact', departmentId: 'dep-suf' });
    const { items } = await run(admin, 'oidcGroups.list', {});
    expect(items.map((r) => [r.group, r.departmentId, r.unitId])).toEqual([
      ['KK-IT-BUF', 'dep-suf', undefined],
      ['KK-Lager', 'dep-okf', undefined],
    ]);
    h.clock.advance(60_000);
    await run(admin, 'oidcGroups.remove', { id: lager.id });
    expect((await run(admin, 'oidcGroups.list', {})).items.map((r) => r.group)).toEqual(['KK-IT-BUF']);
    const audit = (await run(admin, 'admin.audit', { subject: 'oidcGroup' })).items;
    expect(audit.map((e) => [e.action, e.subjectName, e.actor.id])).toEqual([
      ['removed', 'KK-Lager', ADMIN],
      ['changed', 'KK-IT-BUF', ADMIN],
      ['created', 'KK-Lager', ADMIN],
      ['created', 'KK-IT-BUF', ADMIN],
    ]);
    expect(audit[1]?.changes).toEqual([
      { field: 'departmentId', from: 'dep-buf', to: 'dep-suf' },
      { field: 'unitId', from: unitOf('dep-buf') },
    ]);
  });

  it('refuses a group already in the table, a unit of another administration and an unknown administration, naming the field and saving nothing', async () => {
    const admin = await h.as(ADMIN);
    await run(admin, 'oidcGroups.save', { group: 'KK-Admins', role: 'admin', departmentId: 'dep-okf' });
    const before = (await run(admin, 'oidcGroups.list', {})).items;
    const twin = await callAs(h, ADMIN, 'oidcGroups.save', { group: 'KK-Admins', role: 'warehouse', departmentId: 'dep-buf' });
    expect(twin.ok ? undefined : [twin.error.code, twin.error.fields]).toEqual(['OIDC_GROUP_TAKEN', { group: 'Gruppen står allerede i tabellen.' }]);
    expect(twin.ok ? '' : twin.error.message).toContain('"KK-Admins"');
    const foreignUnit = await callAs(h, ADMIN, 'oidcGroups.save', { group: 'KK-IT-SUF', role: 'department_contact', departmentId: 'dep-suf', unitId: unitOf('dep-buf') });
    expect(foreignUnit.ok ? undefined : [foreignUnit.error.code, Object.keys(foreignUnit.error.fields ?? {})]).toEqual(['UNIT_OF_OTHER_DEPARTMENT', ['unitId']]);
    const unknown = await callAs(h, ADMIN, 'oidcGroups.save', { group: 'KK-IT-XX', role: 'department_contact', departmentId: 'dep-none' });
    expect(unknown.ok ? undefined : [unknown.error.code, Object.keys(unknown.error.fields ?? {})]).toEqual(['NOT_FOUND', ['departmentId']]);
    const empty = await callAs(h, ADMIN, 'oidcGroups.save', { group: '   ', role: 'admin', departmentId: 'dep-okf' });
    expect(empty.ok ? undefined : [empty.error.code, Object.keys(empty.error.fields ?? {})]).toEqual(['VALIDATION', ['group']]);
    expect((await run(admin, 'oidcGroups.list', {})).items).toEqual(before);
  });

  it('is for admins only', async () => {
    for (const procedure of ['oidcGroups.list', 'oidcGroups.save', 'oidcGroups.remove']) {
      const r = await callAs(h, BUF_CONTACT, procedure, procedure === 'oidcGroups.list' ? {} : { id: 'x', group: 'g', role: 'admin', departmentId: 'dep-buf' });
      expect(r.ok ? undefined : r.error.code, procedure).toBe('FORBIDDEN');
    }
  });
});

describe("which row decides a person's role and administration", () => {
  const row = (id: string, group: string, role: OidcGroup['role'], departmentId: string): OidcGroup => ({ id, group, role, departmentId, position: Number(id) });
  const table = [row('0', 'it-buf', 'department_contact', 'dep-buf'), row('1', 'it-suf', 'department_contact', 'dep-suf'), row('2', 'lager', 'warehouse', 'dep-okf')];

  it('takes the highest role of their groups, and of rows with that role the first in table order', () => {
    expect(mappingFor(table, ['it-suf', 'it-buf'])?.departmentId).toBe('dep-buf');
    expect(mappingFor(table, ['it-suf', 'lager', 'it-buf'])).toMatchObject({ role: 'warehouse', departmentId: 'dep-okf' });
    expect(mappingFor(table, ['it-suf'])?.departmentId).toBe('dep-suf');
  });

  it('finds nothing for groups the table does not name, compared exactly', () => {
    expect(mappingFor(table, [])).toBeUndefined();
    expect(mappingFor(table, ['IT-BUF', 'it-buf '])).toBeUndefined();
  });
});
