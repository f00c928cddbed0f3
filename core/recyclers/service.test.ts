import { describe, expect, it } from 'vitest';
import { WAREHOUSE, callAs, refusal, run, useHarness } from '../testing/harness';

const ADMIN = 'user-admin-1';
const RECYCLER = {
  legalName: 'Elektronik Genanvendelse A/S',
  cvr: '64942212',
  address: 'Industrivej 1, 2600 Glostrup',
  contactName: 'Mette Holm',
  certifications: [
    { scheme: 'WEEELABEX' as const, number: 'WL-123', validUntil: '2027-06-30' },
    { scheme: 'R2v3' as const, number: 'R2-9', validUntil: '2026-12-31' },
  ],
};

describe('the recycler register', () => {
  const h = useHarness();

  it('adds a recycler with its certifications (soonest expiry first) and changes it by id', async () => {
    const admin = await h.as(ADMIN);
    const saved = await run(admin, 'recyclers.save', RECYCLER);
    expect(saved.certifications.map((c) => c.scheme)).toEqual(['R2v3', 'WEEELABEX']);
    const changed = await run(admin, 'recyclers.save', { ...RECYCLER, id: saved.id, address: 'Ny vej 2, 2600 Glostrup' });
    expect(changed.id).toBe(saved.id);
    expect((await run(await h.as(WAREHOUSE), 'recyclers.list', {})).items.map((r) => r.address)).toEqual(['Ny vej 2, 2600 Glostrup']);
  });

  it('refuses a CVR number that fails the modulus-11 check, saying so at the field, and saves nothing', async () => {
    const r = await callAs(h, ADMIN, 'recyclers.save', { ...RECYCLER, cvr: '64942213' });
    expect(r.ok ? undefined : r.error).toEqual({
      code: 'CVR_INVALID',
      message: 'CVR-nummeret 64942213 er ikke gyldigt: det skal være 8 cifre, der består modulus 11-kontrollen. Tjek nummeret i CVR-registeret.',
      fields: { cvr: 'Ikke et gyldigt CVR-nummer (8 cifre, modulus 11).' },
      // The parameters let a screen put the message in words again after a language switch.
      params: { cvr: '64942213' },
    });
    expect(await h.store.listRecyclers()).toEqual([]);
    expect(await refusal(run(await h.as(ADMIN), 'recyclers.save', { ...RECYCLER, id: 'no-such-recycler' }))).toBe('NOT_FOUND');
  });

  it('lets only an admin change the register; the warehouse reads it', async () => {
    const r = await callAs(h, WAREHOUSE, 'recyclers.save', RECYCLER);
    expect(r.ok ? undefined : r.error.code).toBe('FORBIDDEN');
    const bad = await callAs(h, ADMIN, 'recyclers.save', { ...RECYCLER, certifications: [{ scheme: 'ISO 9001', number: 'x', validUntil: '2027-01-01' }] });
    expect(bad.ok ? undefined : bad.error.code).toBe('VALIDATION');
    expect((await callAs(h, WAREHOUSE, 'recyclers.list', {})).ok).toBe(true);
  });
});
