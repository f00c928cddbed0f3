import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProcedureInput } from '../../shared/contract';
import { createDispatcher, type Dispatcher } from '../api/dispatch';
import { createHandlerTable } from '../api/handlers';
import { Sessions } from '../session/sessions';
import { FileStore } from '../store/file/file-store';
import { TestClock, useTempDirs } from '../testing/harness';
import { seedReferenceData } from '../demo/generate';

const SETUP: ProcedureInput<'setup.initialize'> = {
  organisationName: 'Roskilde Kommune',
  organisationShortName: 'Roskilde',
  department: { code: 'økf', name: 'Økonomiforvaltningen', nameEn: 'Finance Administration' },
  admin: { name: 'Mette Lund', email: 'mette.lund@roskilde.dk' },
  warehouse: { name: 'IT-lageret', address: 'Køgevej 80, 4000 Roskilde' },
};

describe('first start without demo data', () => {
  const tempDir = useTempDirs();
  let store: FileStore;
  let sessions: Sessions;
  let call: Dispatcher;
  const clock = new TestClock();

  beforeEach(async () => {
    store = await FileStore.open(tempDir(), { log: () => {} });
    sessions = new Sessions();
    call = createDispatcher({ table: createHandlerTable(), store, clock, sessions, log: () => {} });
  });
  afterEach(async () => {
    await store.close();
  });

  /** A call from someone who has chosen no profile (the wizard before it is done). */
  const anonymous = (procedure: string, input: unknown) => call(procedure, input, { locale: 'en' });

  it('says setup is needed while nobody exists, creates the organisation, administration, admin and warehouse, and signs the admin in', async () => {
    expect(await anonymous('setup.status', {})).toEqual({ ok: true, data: { needed: true } });
    const result = await anonymous('setup.initialize', SETUP);
    if (!result.ok) throw new Error(result.error.message);
    const { token, user } = result.data as { token: string; user: { id: string; role: string; departmentId: string } };
    expect(user).toMatchObject({ name: 'Mette Lund', email: 'mette.lund@roskilde.dk', role: 'admin' });
    // The token is a session of the new admin: an admin-only procedure answers.
    expect(sessions.userIdFor(token)).toBe(user.id);
    expect((await call('settings.get', {}, { token, locale: 'en' })).ok).toBe(true);

    expect(await store.getSettings()).toMatchObject({ organisationName: 'Roskilde Kommune', organisationShortName: 'Roskilde' });
    expect(await store.listDepartments()).toEqual([{ id: user.departmentId, code: 'ØKF', name: 'Økonomiforvaltningen', nameEn: 'Finance Administration' }]);
    expect((await store.listLocations()).map((l) => [l.kind, l.name, l.address])).toEqual([['warehouse', 'IT-lageret', 'Køgevej 80, 4000 Roskilde']]);
    expect(await store.listUsers()).toEqual([user]);
    expect(await anonymous('setup.status', {})).toEqual({ ok: true, data: { needed: false } });

    // Every record has its audit entry, each made by the new admin.
    const audit = await call('admin.audit', {}, { token, locale: 'en' });
    if (!audit.ok) throw new Error(audit.error.message);
    const items = (audit.data as { items: { subject: string; action: string; actor: { id: string } }[] }).items;
    expect(items.map((e) => e.subject).sort()).toEqual(['department', 'location', 'organisation', 'user']);
    expect(items.every((e) => e.action === 'created' && e.actor.id === user.id)).toBe(true);
  });

  it('is refused with SETUP_DONE once a person exists, and saves nothing', async () => {
    await seedReferenceData(store);
    // The demo's records came with their audit entries (written by the system): setup adds none.
    const auditBefore = await store.listAdminAudit(1000);
    const before = { users: await store.listUsers(), departments: await store.listDepartments(), locations: await store.listLocations(), settings: await store.getSettings() };
    const result = await anonymous('setup.initialize', SETUP);
    expect(result.ok ? undefined : result.error.code).toBe('SETUP_DONE');
    expect(result.ok ? undefined : result.error.message).toBe('Kredsløb is already set up, so nothing was saved. Choose your profile instead.');
    expect({ users: await store.listUsers(), departments: await store.listDepartments(), locations: await store.listLocations(), settings: await store.getSettings() }).toEqual(before);
    expect(await store.listAdminAudit(1000)).toEqual(auditBefore);
    expect(await anonymous('setup.status', {})).toEqual({ ok: true, data: { needed: false } });
  });

  it('of two browsers sending setup at the same moment, one succeeds and the other is refused, leaving one admin', async () => {
    const [a, b] = await Promise.all([anonymous('setup.initialize', SETUP), anonymous('setup.initialize', { ...SETUP, admin: { name: 'Anden Person', email: 'anden@roskilde.dk' } })]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused.ok ? undefined : refused.error.code).toBe('SETUP_DONE');
    expect(await store.userCount()).toBe(1);
    expect(await store.listDepartments()).toHaveLength(1);
    expect(await store.listLocations()).toHaveLength(1);
    expect(await store.listAdminAudit(10)).toHaveLength(4);
  });

  it('refuses a wizard with a field missing or wrong, naming each field, and saves nothing', async () => {
    const result = await anonymous('setup.initialize', { ...SETUP, organisationName: '  ', department: { ...SETUP.department, code: 'X' }, admin: { ...SETUP.admin, email: 'mette' } });
    expect(result.ok ? undefined : result.error.code).toBe('VALIDATION');
    expect(Object.keys((result.ok ? {} : result.error.fields) ?? {}).sort()).toEqual(['admin.email', 'department.code', 'organisationName']);
    expect(await store.userCount()).toBe(0);
    expect(await store.listDepartments()).toEqual([]);
  });
});

describe('first start of a shared server (issue 13): setup asks for the code the server printed', () => {
  const tempDir = useTempDirs();
  let store: FileStore;
  let call: Dispatcher;
  const CODE = 'ABCD-EFGH-JKMN-PQRS';
  const WITH_PASSWORD = { ...SETUP, admin: { ...SETUP.admin, password: 'lange-hemmelige-ord' } };

  beforeEach(async () => {
    store = await FileStore.open(tempDir(), { log: () => {} });
    call = createDispatcher({ table: createHandlerTable(), store, clock: new TestClock(), sessions: new Sessions({ mode: 'shared', setupCode: CODE }), log: () => {} });
  });
  afterEach(async () => {
    await store.close();
  });

  const nothingSaved = async () => {
    expect(await store.userCount()).toBe(0);
    expect(await store.listDepartments()).toEqual([]);
    expect(await store.listLocations()).toEqual([]);
    expect(await store.listAdminAudit(10)).toEqual([]);
  };

  it.each([
    ['without a code', undefined],
    ['with a wrong code', 'ABCD-EFGH-JKMN-PQRT'],
    ['with an empty code', '  '],
  ])('refuses setup %s, naming the field, and saves nothing', async (_, setupCode) => {
    const result = await call('setup.initialize', { ...WITH_PASSWORD, ...(setupCode === undefined ? {} : { setupCode }) }, { locale: 'da' });
    expect(result.ok ? undefined : result.error.code).toBe('SETUP_CODE_WRONG');
    expect(result.ok ? undefined : result.error.message).toBe('Opsætningskoden passer ikke, så intet er gemt. Koden står i serverens log fra starten.');
    expect(result.ok ? undefined : result.error.fields).toEqual({ setupCode: 'Koden passer ikke. Skriv koden fra serverens log.' });
    await nothingSaved();
  });

  it('takes the code as people type it (small letters, spaces instead of dashes) and creates the admin with a password', async () => {
    const result = await call('setup.initialize', { ...WITH_PASSWORD, setupCode: ' abcd efgh jkmn pqrs ' }, { locale: 'en' });
    if (!result.ok) throw new Error(result.error.message);
    expect(await store.userCount()).toBe(1);
    const signIn = await call('auth.signIn', { email: 'mette.lund@roskilde.dk', password: 'lange-hemmelige-ord' }, { locale: 'en' });
    expect(signIn.ok).toBe(true);
  });
});
