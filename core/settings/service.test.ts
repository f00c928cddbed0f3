import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { CATEGORY_FACTS } from '../../shared/categories';
import { contract, type ProcedureInput, type ProcedureOutput } from '../../shared/contract';
import { callAs, BUF_CONTACT, BUF_SITE, refusal, run, useHarness, WAREHOUSE } from '../testing/harness';
import { createDispatcher } from '../api/dispatch';
import { createHandlerTable } from '../api/handlers';
import { Sessions } from '../session/sessions';

const ADMIN = 'user-admin-1';

describe('the settings an admin keeps', () => {
  const h = useHarness();

  /** The settings in force, changed by `over`: what the settings screen sends. */
  async function edited(over: Partial<ProcedureInput<'settings.save'>>): Promise<ProcedureInput<'settings.save'>> {
    const { settings } = await run(await h.as(ADMIN), 'settings.get', {});
    return { ...settings, ...over };
  }

  it('starts from the defaults: 7 days to hold, 60 days on offer, each category its age, KK and 7 digits', async () => {
    const { settings, lastTag } = await run(await h.as(ADMIN), 'settings.get', {});
    expect(settings).toMatchObject({ reservationDays: 7, tagPrefix: 'KK', tagWidth: 7, labelPayload: 'tag', labelStock: 'avery-l7651', organisationName: 'Københavns Kommune' });
    expect(settings.offerDays.laptop).toBe(60);
    expect(settings.ewasteMaxAgeYears.laptop).toBe(CATEGORY_FACTS.laptop.ewasteAfterYears);
    expect(lastTag).toBeUndefined();
  });

  it('saves every figure, and a reservation made afterwards holds the new number of days', async () => {
    const input = await edited({ reservationDays: 14, organisationShortName: 'KK IT', labelPayload: 'url', labelStock: 'dymo-11355' });
    input.offerDays = { ...input.offerDays, monitor: 30 };
    await run(await h.as(ADMIN), 'settings.save', input);
    const stored = await h.store.getSettings();
    expect(stored).toMatchObject({ reservationDays: 14, organisationShortName: 'KK IT', labelPayload: 'url', labelStock: 'dymo-11355' });
    expect(stored.offerDays?.monitor).toBe(30);
    // Leaving the short name empty takes it away: the labels print the organisation's name again.
    const { organisationShortName: _gone, ...without } = await edited({});
    await run(await h.as(ADMIN), 'settings.save', without);
    expect((await h.store.getSettings()).organisationShortName).toBeUndefined();
  });

  it('writes one audit entry per save naming each changed figure before and after, and none for a save that changes nothing', async () => {
    const input = await edited({ reservationDays: 10 });
    input.ewasteMaxAgeYears = { ...input.ewasteMaxAgeYears, phone: 3 };
    await run(await h.as(ADMIN), 'settings.save', input);
    await run(await h.as(ADMIN), 'settings.save', input);
    const { items } = await run(await h.as(ADMIN), 'admin.audit', { subject: 'settings' });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ subject: 'settings', subjectId: 'settings', action: 'changed', actor: { id: ADMIN }, at: h.clock.now().toISOString() });
    expect(items[0]?.changes).toEqual([
      { field: 'reservationDays', from: '7', to: '10' },
      { field: 'ewasteMaxAgeYears.phone', from: String(CATEGORY_FACTS.phone.ewasteAfterYears), to: '3' },
    ]);
  });

  it('refuses a figure outside its range with a message at its field, and saves nothing', async () => {
    const before = await h.store.getSettings();
    const input = await edited({ reservationDays: 0, tagPrefix: 'K1' });
    const result = await callAs(h, ADMIN, 'settings.save', { ...input, offerDays: { ...input.offerDays, laptop: 0 } }, 'en');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.keys(result.error.fields ?? {}).sort()).toEqual(['offerDays.laptop', 'reservationDays', 'tagPrefix']);
    expect(result.error.fields?.tagPrefix).toBe('The prefix must be 2 to 5 capital letters A–Z, e.g. KK.');
    expect(await h.store.getSettings()).toEqual(before);
    // The harness's demo records came with the system's entries; nobody wrote one.
    expect((await run(await h.as(ADMIN), 'admin.audit', {})).items.filter((e) => e.actor.role !== 'system')).toEqual([]);
  });

  it('changes the format of the tags issued next while none is issued; once one is, a change is refused naming it and nothing is saved', async () => {
    await run(await h.as(ADMIN), 'settings.save', await edited({ tagPrefix: 'abc', tagWidth: 5 }));
    const device = await run(await h.as(BUF_CONTACT), 'devices.report', { category: 'laptop', manufacturer: 'Dell', model: 'Latitude 5440', serial: 'FMT-1', locationId: BUF_SITE });
    expect(device.assetTag).toBe('ABC-00001');
    expect((await run(await h.as(ADMIN), 'settings.get', {})).lastTag).toBe('ABC-00001');

    const before = await h.store.getSettings();
    const auditBefore = (await run(await h.as(ADMIN), 'admin.audit', {})).items;
    for (const change of [{ tagPrefix: 'KK' }, { tagWidth: 7 }]) {
      const result = await callAs(h, ADMIN, 'settings.save', await edited({ ...change, reservationDays: 20 }), 'en');
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('TAG_FORMAT_LOCKED');
      expect(result.error.message).toContain('ABC-00001');
      expect(Object.keys(result.error.fields ?? {})).toEqual(Object.keys(change));
    }
    expect(await h.store.getSettings()).toEqual(before);
    expect((await run(await h.as(ADMIN), 'admin.audit', {})).items).toEqual(auditBefore);
    // Other settings still save with the format as it is.
    await run(await h.as(ADMIN), 'settings.save', await edited({ reservationDays: 20 }));
    expect((await h.store.getSettings()).reservationDays).toBe(20);
  });

  it('reads scans and pre-printed tags in the store format: a tag of another prefix is not a tag here', async () => {
    await run(await h.as(ADMIN), 'settings.save', await edited({ tagPrefix: 'IT', tagWidth: 6 }));
    const { tags } = await run(await h.as(WAREHOUSE), 'tags.allocate', { count: 1 });
    expect(tags).toEqual(['IT-000001']);
    expect(await refusal(run(await h.as(WAREHOUSE), 'labels.pdf', { stock: 'avery-l7651', tags: ['KK-0000001'] }))).toBe('ASSET_TAG_MALFORMED');
    // The message shows a tag of this format, not the default's.
    const named = await callAs(h, WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651', tags: ['KK-0000001'] });
    expect(named.ok ? '' : named.error.message).toBe('"KK-0000001" er ikke et inventarnummer. Et inventarnummer har formen IT-001234.');
    const pdf = await run(await h.as(WAREHOUSE), 'labels.pdf', { stock: 'avery-l7651', tags: ['it-000001'] });
    expect(pdf.labels).toBe(1);
    expect(
      await refusal(
        run(await h.as(BUF_CONTACT), 'devices.report', { category: 'laptop', manufacturer: 'Dell', model: 'Latitude', serial: 'FMT-2', locationId: BUF_SITE, assetTag: 'KK-0000001' }),
      ),
    ).toBe('TAG_NOT_ISSUED');
  });

  // Session idle time as a setting (issue 13, wt-account)
  it('keeps the session idle time: the server default while unset, a save holds from the next call without a restart, 15 minutes to 7 days', async () => {
    const sessions = new Sessions({ clock: h.clock, idleMs: 60 * 60_000 });
    const dispatch = createDispatcher({ table: createHandlerTable(), store: h.store, clock: h.clock, sessions, log: () => {} });
    const admin = sessions.start(ADMIN);
    const contact = sessions.start(BUF_CONTACT);
    const call = async (token: string, procedure: string, input: unknown) => dispatch(procedure, input, { token, locale: 'en' });
    const got = await call(admin, 'settings.get', {});
    const start = got.ok ? (got.data as ProcedureOutput<'settings.get'>).settings : undefined; // why: settings.get's output, checked by the dispatcher
    expect(start?.sessionIdleMinutes).toBe(60); // the server's default (KREDSLOB_SESSION_IDLE_MINUTES), as none is stored

    for (const [minutes, message] of [[14, 'Choose between 15 minutes and 7 days (168 hours).'], [10081, 'Choose between 15 minutes and 7 days (168 hours).'], [20.5, 'Give a whole number of minutes (or hours that make whole minutes).']] as const) {
      const refused = await call(admin, 'settings.save', { ...start, sessionIdleMinutes: minutes });
      expect(refused.ok ? undefined : refused.error.fields).toEqual({ sessionIdleMinutes: message });
    }
    expect((await h.store.getSettings()).sessionIdleMinutes).toBeUndefined();

    const saved = await call(admin, 'settings.save', { ...start, sessionIdleMinutes: 20 });
    expect(saved.ok).toBe(true);
    expect((await h.store.getSettings()).sessionIdleMinutes).toBe(20);
    // The contact's session, open before the save, now ends after 20 idle minutes rather than the default hour.
    h.clock.advance(21 * 60_000);
    const late = await call(contact, 'notifications.list', {});
    expect(late.ok ? undefined : late.error.code).toBe('UNAUTHENTICATED');
    const { items } = await run(await h.as(ADMIN), 'admin.audit', { subject: 'settings' });
    expect(items[0]?.changes).toEqual([{ field: 'sessionIdleMinutes', from: '60', to: '20' }]);
  });

  it('is for admins only', async () => {
    expect(contract['settings.save'].roles).toEqual(['admin']);
    expect(contract['settings.get'].roles).toEqual(['admin']);
    const result = await callAs(h, WAREHOUSE, 'settings.save', await edited({ reservationDays: 3 }));
    expect(result.ok ? undefined : result.error.code).toBe('FORBIDDEN');
    expect((await h.store.getSettings()).reservationDays).toBe(7);
  });

  it('the schema upper-cases the prefix and refuses a width outside 5 to 10', async () => {
    const input = await edited({});
    expect(contract['settings.save'].input.parse({ ...input, tagPrefix: ' kk ' }).tagPrefix).toBe('KK');
    expect(() => contract['settings.save'].input.parse({ ...input, tagWidth: 4 })).toThrow(ZodError);
    expect(() => contract['settings.save'].input.parse({ ...input, tagWidth: 11 })).toThrow(ZodError);
    expect(() => contract['settings.save'].input.parse({ ...input, tagPrefix: 'ABCDEF' })).toThrow(ZodError);
  });
});
