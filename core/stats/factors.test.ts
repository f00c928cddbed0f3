import { describe, expect, it } from 'vitest';
import { DEFAULT_EMISSION_FACTORS } from '../../shared/emission-factors';
import { BUF_CONTACT, SUSTAINABILITY, WAREHOUSE, callAs, refusal, run, useHarness } from '../testing/harness';
import { currentFactorVersion, factorVersionAt } from './factors';

const ADMIN = 'user-admin-1';
const HOUR = 3_600_000;

describe('the emission-factor table', () => {
  const h = useHarness();

  it('reads as version 1, the Boavizta default, while nobody has edited it, without writing anything', async () => {
    const view = await run(await h.as(SUSTAINABILITY), 'stats.factors.get', {});
    expect(view.version.number).toBe(1);
    expect(view.current).toBe(1);
    expect(view.version.factors).toEqual(DEFAULT_EMISSION_FACTORS);
    expect(view.version.factors.laptop).toBe(235.9);
    expect(view.version.factors.printer).toBeNull();
    expect(view.version.source).toContain('commit 61323eb');
    expect(view.version.source).toContain('ODbL-1.0');
    expect(view.versions.map((v) => v.number)).toEqual([1]);
    expect(await h.store.listFactorVersions()).toEqual([]);
    expect((await currentFactorVersion(h.store)).number).toBe(1);
  });

  it('makes version 2, then 3, with the author and time; older versions stay readable and unchanged', async () => {
    const admin = await h.as(ADMIN);
    const v2 = await run(admin, 'stats.factors.save', { factors: { ...DEFAULT_EMISSION_FACTORS, laptop: 260, docking_station: 12.5 }, source: 'EcoDiag laptop 260; dock from the supplier.' });
    expect(v2).toMatchObject({ number: 2, createdAt: '2026-11-02T08:00:00.000Z', createdBy: { id: ADMIN, role: 'admin' } });
    h.clock.advance(HOUR);
    // A category left out has no factor, as an empty field on the form.
    const { desktop: _dropped, ...withoutDesktop } = DEFAULT_EMISSION_FACTORS;
    const v3 = await run(admin, 'stats.factors.save', { factors: withoutDesktop, source: '  Desktop factor withdrawn.  ' });
    expect(v3).toMatchObject({ number: 3, source: 'Desktop factor withdrawn.', createdAt: '2026-11-02T09:00:00.000Z' });
    expect(v3.factors.desktop).toBeNull();

    const reader = await h.as(WAREHOUSE);
    const now = await run(reader, 'stats.factors.get', {});
    expect([now.version.number, now.current]).toEqual([3, 3]);
    expect(now.versions.map((v) => [v.number, v.createdBy.name])).toEqual([
      [1, 'Kredsløb'],
      [2, v2.createdBy.name],
      [3, v2.createdBy.name],
    ]);
    const old = await run(reader, 'stats.factors.get', { version: 2 });
    expect(old.version).toEqual(v2);
    expect(old.current).toBe(3);
    expect((await run(reader, 'stats.factors.get', { version: 1 })).version.factors).toEqual(DEFAULT_EMISSION_FACTORS);
    expect(await refusal(run(reader, 'stats.factors.get', { version: 4 }))).toBe('NOT_FOUND');
  });

  it('says which version was in force at an instant: the newest created at or before it, else version 1', async () => {
    const admin = await h.as(ADMIN);
    await run(admin, 'stats.factors.save', { factors: { ...DEFAULT_EMISSION_FACTORS, laptop: 200 }, source: 'v2' }); // 2026-11-02T08:00Z
    h.clock.advance(24 * HOUR);
    await run(admin, 'stats.factors.save', { factors: { ...DEFAULT_EMISSION_FACTORS, laptop: 300 }, source: 'v3' }); // 2026-11-03T08:00Z
    const at = async (iso: string) => (await factorVersionAt(h.store, iso)).number;
    expect(await at('2020-01-01T00:00:00.000Z')).toBe(1);
    expect(await at('2026-11-02T07:59:59.999Z')).toBe(1);
    expect(await at('2026-11-02T08:00:00.000Z')).toBe(2);
    // 08:30 in Copenhagen (UTC+1) on the 3rd is 07:30Z: still version 2.
    expect(await at('2026-11-03T08:30:00.000+01:00')).toBe(2);
    expect(await at('2026-11-03T08:00:00.000Z')).toBe(3);
    expect((await factorVersionAt(h.store, '2027-01-01T00:00:00.000Z')).factors.laptop).toBe(300);
  });

  it('refuses a negative or non-number factor at its field and a missing or over-long source text, and saves nothing', async () => {
    const bad = [
      { factors: { ...DEFAULT_EMISSION_FACTORS, laptop: -1 }, source: 'x' },
      { factors: { ...DEFAULT_EMISSION_FACTORS, monitor: '333' }, source: 'x' },
      { factors: { ...DEFAULT_EMISSION_FACTORS, tablet: Number.NaN }, source: 'x' },
      { factors: DEFAULT_EMISSION_FACTORS },
      { factors: DEFAULT_EMISSION_FACTORS, source: '   ' },
      { factors: DEFAULT_EMISSION_FACTORS, source: 'x'.repeat(2001) },
      { factors: { ...DEFAULT_EMISSION_FACTORS, toaster: 3 }, source: 'x' },
    ];
    const fields = [];
    for (const input of bad) {
      const r = await callAs(h, ADMIN, 'stats.factors.save', input);
      expect(r.ok ? undefined : r.error.code).toBe('VALIDATION');
      fields.push(r.ok ? undefined : r.error.fields);
    }
    expect(fields).toEqual([
      { 'factors.laptop': 'En faktor kan ikke være negativ.' },
      { 'factors.monitor': 'Skriv kg CO2e som et tal, fx 235,9, eller lad feltet stå tomt for ingen faktor.' },
      { 'factors.tablet': 'Skriv kg CO2e som et tal, fx 235,9, eller lad feltet stå tomt for ingen faktor.' },
      { source: 'Skal udfyldes.' },
      { source: 'Skal udfyldes.' },
      { source: 'Kildeteksten må højst være 2000 tegn.' },
      { factors: 'Ukendte felter.' },
    ]);
    expect(await h.store.listFactorVersions()).toEqual([]);
    expect((await run(await h.as(ADMIN), 'stats.factors.get', {})).current).toBe(1);
  });

  it('lets only an admin save a version; sustainability, the warehouse and admins read it, department contacts do not', async () => {
    for (const user of [SUSTAINABILITY, WAREHOUSE]) {
      const r = await callAs(h, user, 'stats.factors.save', { factors: DEFAULT_EMISSION_FACTORS, source: 'mine' });
      expect(r.ok ? undefined : r.error.code).toBe('FORBIDDEN');
      expect((await callAs(h, user, 'stats.factors.get', {})).ok).toBe(true);
    }
    const contact = await callAs(h, BUF_CONTACT, 'stats.factors.get', {});
    expect(contact.ok ? undefined : contact.error.code).toBe('FORBIDDEN');
    expect(await h.store.listFactorVersions()).toEqual([]);
  });
});
