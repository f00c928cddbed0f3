import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import type { AdminAuditEntry } from '../../shared/schemas';
import { createDispatcher } from '../api/dispatch';
import { createHandlerTable } from '../api/handlers';
import { Sessions } from '../session/sessions';
import { BUF_CONTACT, BUF_SITE, SHELF, WAREHOUSE, callAs, listedLaptop, refusal, run, useHarness, type Harness } from '../testing/harness';

const ADMIN = 'user-admin-1';

/** The entries people wrote (the demo municipality is written by the system through the same writers). */
async function peopleEntries(h: Harness): Promise<AdminAuditEntry[]> {
  const { items } = await run(await h.as(ADMIN), 'admin.audit', {});
  return items.filter((e) => e.actor.role !== 'system');
}

/** A refused call through the real dispatcher: its code, Danish message, field messages and parameters. */
async function refused(h: Harness, procedure: string, input: unknown) {
  const r = await callAs(h, ADMIN, procedure, input);
  if (r.ok) throw new Error(`${procedure} was not refused`);
  return r.error;
}

const PERSON = { name: 'Nora Holm', email: 'nora.holm@kk.dk', role: 'department_contact' as const, departmentId: 'dep-kff', unitId: 'dep-kff-unit-1' };

describe('administrations and units', () => {
  const h = useHarness();

  it('adds an administration and changes it, each change in the audit list with who and each field before and after', async () => {
    const admin = await h.as(ADMIN);
    const added = await run(admin, 'departments.save', { code: 'hr', name: 'HR-forvaltningen', nameEn: 'HR Administration' });
    expect(added.code).toBe('HR');
    h.clock.advance(60_000);
    await run(admin, 'departments.save', { id: added.id, code: 'HR', name: 'Personaleforvaltningen', nameEn: 'HR Administration' });
    expect(await h.store.getDepartment(added.id)).toMatchObject({ name: 'Personaleforvaltningen' });
    const [changed, created] = await peopleEntries(h);
    expect(created).toMatchObject({ subject: 'department', subjectId: added.id, action: 'created', actor: { id: ADMIN, role: 'admin' } });
    expect(changed).toMatchObject({ action: 'changed', subjectName: 'Personaleforvaltningen', changes: [{ field: 'name', from: 'HR-forvaltningen', to: 'Personaleforvaltningen' }] });
  });

  it("keeps an administration's approval settings when an admin renames it", async () => {
    const admin = await h.as(ADMIN);
    await run(admin, 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: [] });
    await run(admin, 'departments.save', { id: 'dep-kff', code: 'KFF', name: 'Kultur- og Fritid', nameEn: 'Culture and Leisure' });
    expect((await h.store.getDepartment('dep-kff'))?.approval?.required).toBe(true);
  });

  it('refuses a code another administration has, naming it at the code field, and saves nothing', async () => {
    const error = await refused(h, 'departments.save', { code: 'kff', name: 'Ny', nameEn: 'New' });
    expect(error).toMatchObject({
      code: 'CODE_TAKEN',
      message: 'Forkortelsen KFF bruges allerede af Kultur- og Fritidsforvaltningen. Vælg en anden forkortelse.',
      fields: { code: 'Forkortelsen er allerede i brug.' },
    });
    expect(await h.store.listDepartments()).toHaveLength(7);
    expect(await peopleEntries(h)).toEqual([]);
  });

  it('lets only an admin change reference data', async () => {
    const r = await callAs(h, WAREHOUSE, 'departments.save', { code: 'HR', name: 'HR', nameEn: 'HR' });
    expect(r.ok ? undefined : r.error.code).toBe('FORBIDDEN');
    const u = await callAs(h, BUF_CONTACT, 'users.setActive', { id: ADMIN, active: false });
    expect(u.ok ? undefined : u.error.code).toBe('FORBIDDEN');
  });

  it('adds a unit whose name is unique within its administration (ignoring case), the same name allowed in another', async () => {
    const admin = await h.as(ADMIN);
    const unit = await run(admin, 'units.save', { departmentId: 'dep-kff', name: 'Musikskoler' });
    expect((await h.store.listUnits()).find((u) => u.id === unit.id)).toEqual(unit);
    const error = await refused(h, 'units.save', { departmentId: 'dep-kff', name: ' musikskoler ' });
    expect(error).toMatchObject({ code: 'NAME_TAKEN', message: '"musikskoler" findes allerede i Kultur- og Fritidsforvaltningen. Vælg et andet navn.', fields: { name: 'Navnet findes allerede her.' } });
    await run(admin, 'units.save', { departmentId: 'dep-buf', name: 'Musikskoler' });
    expect((await h.store.listUnits()).filter((u) => u.name === 'Musikskoler')).toHaveLength(2);
  });

  it('refuses removing a unit people belong to, naming how many; removes an empty one with an audit entry', async () => {
    const error = await refused(h, 'units.remove', { id: 'dep-kff-unit-1' });
    expect(error).toMatchObject({ code: 'UNIT_IN_USE', message: 'Biblioteker har 1 personer tilknyttet. Flyt dem til en anden enhed først.' });
    expect((await h.store.listUnits()).some((u) => u.id === 'dep-kff-unit-1')).toBe(true);
    await run(await h.as(ADMIN), 'units.remove', { id: 'dep-kff-unit-3' });
    expect((await h.store.listUnits()).some((u) => u.id === 'dep-kff-unit-3')).toBe(false);
    expect((await peopleEntries(h)).map((e) => [e.subject, e.action, e.subjectName])).toEqual([['unit', 'removed', 'Idrætsanlæg']]);
  });
});

describe('locations', () => {
  const h = useHarness();

  it('adds a site of an administration, a shelf in the warehouse, and refuses a shelf under a site or a name taken in the same warehouse', async () => {
    const admin = await h.as(ADMIN);
    const site = await run(admin, 'locations.save', { kind: 'site', departmentId: 'dep-kff', name: 'Kulturhuset Islands Brygge', address: 'Islands Brygge 18' });
    expect(site).toMatchObject({ kind: 'site', departmentId: 'dep-kff', address: 'Islands Brygge 18' });
    const shelf = await run(admin, 'locations.save', { kind: 'shelf', parentId: 'loc-warehouse', name: 'Hylde E-01' });
    expect(shelf.parentId).toBe('loc-warehouse');
    expect(await refused(h, 'locations.save', { kind: 'shelf', parentId: site.id, name: 'Hylde X' })).toMatchObject({
      code: 'NOT_A_WAREHOUSE',
      fields: { parentId: 'Vælg et lager.' },
    });
    expect((await refused(h, 'locations.save', { kind: 'shelf', parentId: 'loc-warehouse', name: 'hylde a-01' })).code).toBe('NAME_TAKEN');
    expect((await refused(h, 'locations.save', { id: 'loc-shelf-A1', kind: 'site', departmentId: 'dep-kff', name: 'X' })).code).toBe('LOCATION_KIND_FIXED');
  });

  it('refuses removing a shelf a device stands on, naming the count, and saves nothing', async () => {
    await listedLaptop(h);
    const error = await refused(h, 'locations.remove', { id: SHELF });
    expect(error.code).toBe('LOCATION_IN_USE');
    expect(error.params).toMatchObject({ location: 'Hylde A-01', devices: 1, shelves: 0, reservations: 0 });
    expect(error.message).toContain('1 enheder står der');
    expect(await h.store.getLocation(SHELF)).toBeDefined();
    expect(await peopleEntries(h)).toEqual([]);
  });

  it('refuses removing the warehouse while shelves belong to it, and a site an open reservation is to be delivered to', async () => {
    expect((await refused(h, 'locations.remove', { id: 'loc-warehouse' })).params).toMatchObject({ shelves: 24 });
    const device = await listedLaptop(h);
    await run(await h.as('user-kff-1'), 'reservations.create', { deviceId: device.id, locationId: 'dep-kff-site-2' });
    expect((await refused(h, 'locations.remove', { id: 'dep-kff-site-2' })).params).toMatchObject({ devices: 0, reservations: 1 });
  });

  it('refuses moving a site something points at to another administration', async () => {
    await run(await h.as(BUF_CONTACT), 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: 'MOVE-1', locationId: BUF_SITE });
    const error = await refused(h, 'locations.save', { id: BUF_SITE, kind: 'site', departmentId: 'dep-kff', name: 'BUF, Gyldenløvesgade 15' });
    expect(error).toMatchObject({ code: 'LOCATION_IN_USE', fields: { departmentId: 'Lokationen er i brug.' } });
  });

  it('removes a location nothing stands on, with an audit entry; it survives a reopen of the store', async () => {
    await run(await h.as(ADMIN), 'locations.remove', { id: 'loc-shelf-D6' });
    expect(await h.store.getLocation('loc-shelf-D6')).toBeUndefined();
    expect((await h.store.listLocations()).some((l) => l.id === 'loc-shelf-D6')).toBe(false);
    expect((await peopleEntries(h))[0]).toMatchObject({ subject: 'location', action: 'removed', subjectName: 'Hylde D-06' });
  });
});

describe('people', () => {
  const h = useHarness();

  it('adds a person (active, in the audit list) and refuses an e-mail another person has, ignoring case', async () => {
    const person = await run(await h.as(ADMIN), 'users.save', PERSON);
    expect(person).toMatchObject({ ...PERSON });
    expect(person.active).toBeUndefined();
    const error = await refused(h, 'users.save', { ...PERSON, name: 'Nora H.', email: 'NORA.HOLM@kk.dk' });
    expect(error).toMatchObject({ code: 'EMAIL_TAKEN', message: 'E-mailadressen NORA.HOLM@kk.dk bruges allerede af Nora Holm. Hver person har sin egen e-mailadresse.', fields: { email: 'E-mailadressen bruges allerede af en anden person.' } });
    expect((await peopleEntries(h)).map((e) => [e.subject, e.action, e.subjectName])).toEqual([['user', 'created', 'Nora Holm']]);
  });

  it("refuses a unit of another administration at the unit field, and a malformed e-mail at the e-mail field", async () => {
    const error = await refused(h, 'users.save', { ...PERSON, unitId: 'dep-buf-unit-1' });
    expect(error).toMatchObject({ code: 'UNIT_OF_OTHER_DEPARTMENT', fields: { unitId: 'Vælg en enhed i den valgte forvaltning.' } });
    const bad = await refused(h, 'users.save', { ...PERSON, email: 'nora' });
    expect(bad).toMatchObject({ code: 'VALIDATION', fields: { email: 'Skriv en gyldig e-mailadresse, fx navn@kk.dk.' } });
    expect((await h.store.listUsers()).some((u) => u.name === 'Nora Holm')).toBe(false);
  });

  it('refuses demoting or deactivating the last active admin; with a second admin both work', async () => {
    const me = (await h.store.getUser(ADMIN))!;
    const demote = await refused(h, 'users.save', { id: ADMIN, name: me.name, email: me.email, role: 'warehouse', departmentId: me.departmentId });
    expect(demote).toMatchObject({ code: 'LAST_ADMIN', fields: { role: 'Den sidste aktive administrator skal forblive administrator.' } });
    expect((await refused(h, 'users.setActive', { id: ADMIN, active: false })).code).toBe('LAST_ADMIN');
    expect((await h.store.getUser(ADMIN))?.role).toBe('admin');
    expect(await peopleEntries(h)).toEqual([]);

    const second = await run(await h.as(ADMIN), 'users.save', { ...PERSON, role: 'admin' });
    await run(await h.as(ADMIN), 'users.setActive', { id: ADMIN, active: false });
    // The deactivated first admin is not counted: the second may now not step down.
    expect(await refusal(run(await h.as(second.id), 'users.setActive', { id: second.id, active: false }))).toBe('LAST_ADMIN');
  });

  it('stops a person who no longer is a contact of the administration from approving its reservations', async () => {
    await run(await h.as(ADMIN), 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-1'] });
    const kff1 = (await h.store.getUser('user-kff-1'))!;
    await run(await h.as(ADMIN), 'users.save', { id: kff1.id, name: kff1.name, email: kff1.email, role: 'department_contact', departmentId: 'dep-buf', unitId: 'dep-buf-unit-1' });
    expect((await h.store.getUser('user-kff-1'))?.approver).toBe(false);
  });
});

describe('a deactivated person', () => {
  const h = useHarness();

  function dispatcher(sessions: Sessions) {
    return createDispatcher({ table: createHandlerTable(), store: h.store, clock: h.clock, sessions, log: () => {} });
  }

  it('leaves the profile picker, cannot sign in, and an open session of theirs stops at its next call; reactivated they can again', async () => {
    const sessions = new Sessions({ clock: h.clock });
    const dispatch = dispatcher(sessions);
    const token = sessions.start(BUF_CONTACT);
    expect((await dispatch('session.me', {}, { token, locale: 'da' })).ok).toBe(true);

    await run(await h.as(ADMIN), 'users.setActive', { id: BUF_CONTACT, active: false });

    const me = await dispatch('session.me', {}, { token, locale: 'da' });
    expect(me.ok ? undefined : me.error.code).toBe('UNAUTHENTICATED');
    const profiles = await dispatch('session.profiles', {}, { locale: 'da' });
    if (!profiles.ok) throw new Error(profiles.error.message);
    const offered = contract['session.profiles'].output.parse(profiles.data).users.map((u) => u.id);
    expect(offered).toContain(WAREHOUSE);
    expect(offered).not.toContain(BUF_CONTACT);
    const signIn = await dispatch('session.signIn', { userId: BUF_CONTACT }, { locale: 'da' });
    expect(signIn.ok ? undefined : signIn.error.message).toMatch(/er deaktiveret og kan ikke logge ind/);
    // The person stays in the store, so trail events that name them read the same.
    expect((await h.store.getUser(BUF_CONTACT))?.active).toBe(false);

    h.clock.advance(60_000);
    await run(await h.as(ADMIN), 'users.setActive', { id: BUF_CONTACT, active: true });
    expect((await dispatch('session.signIn', { userId: BUF_CONTACT }, { locale: 'da' })).ok).toBe(true);
    expect((await peopleEntries(h)).map((e) => [e.action, e.changes])).toEqual([
      ['reactivated', [{ field: 'active', from: 'false', to: 'true' }]],
      ['deactivated', [{ field: 'active', to: 'false' }]],
    ]);
  });

  it('cannot be named an approver of their administration', async () => {
    await run(await h.as(ADMIN), 'users.setActive', { id: 'user-kff-2', active: false });
    const error = await refused(h, 'departments.setApproval', { departmentId: 'dep-kff', required: true, days: 5, approverIds: ['user-kff-2'] });
    expect(error).toMatchObject({ code: 'USER_INACTIVE', fields: { approverIds: 'En deaktiveret person kan ikke være godkender.' } });
    expect((await h.store.getUser('user-kff-2'))?.approver).toBeUndefined();
  });

  it('writes no entry when asked for the state the person is already in', async () => {
    await run(await h.as(ADMIN), 'users.setActive', { id: BUF_CONTACT, active: true });
    expect(await peopleEntries(h)).toEqual([]);
  });
});

describe("issue 12's journey in the core", () => {
  const h = useHarness();

  it('an admin adds a unit, a site and a person; the new person signs in and reports at the new site', async () => {
    const admin = await h.as(ADMIN);
    const unit = await run(admin, 'units.save', { departmentId: 'dep-kff', name: 'Musikskoler' });
    const site = await run(admin, 'locations.save', { kind: 'site', departmentId: 'dep-kff', name: 'Musikskolen, Vesterbrogade 10' });
    const person = await run(admin, 'users.save', { ...PERSON, unitId: unit.id });
    const sessions = new Sessions({ clock: h.clock });
    const dispatch = createDispatcher({ table: createHandlerTable(), store: h.store, clock: h.clock, sessions, log: () => {} });
    const signIn = await dispatch('session.signIn', { userId: person.id }, { locale: 'da' });
    if (!signIn.ok) throw new Error(signIn.error.message);
    const { token } = contract['session.signIn'].output.parse(signIn.data);
    const report = await dispatch(
      'devices.report',
      { category: 'laptop', manufacturer: 'Dell', model: 'Latitude 5440', serial: 'NEW-SITE-1', locationId: site.id },
      { token, locale: 'da' },
    );
    if (!report.ok) throw new Error(report.error.message);
    expect(contract['devices.report'].output.parse(report.data).locationId).toBe(site.id);
  });
});
