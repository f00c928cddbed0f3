/**
 * Malformed calls to every e-waste procedure over the real HTTP server: each gets a 4xx answer in the
 * error shape {code, message, fields} naming what is wrong, and nothing is saved.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { storeFingerprint } from '../testing/fingerprint';
import { API_HEADERS, useHttpCore } from '../testing/http';

const served = useHttpCore();
let batchId: string;
let batchNumber: string;
let deviceId: string;

async function call(procedure: string, body: unknown, token: string) {
  const res = await fetch(`${served.base}/api/${procedure}`, {
    method: 'POST',
    headers: { ...API_HEADERS, authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

async function signIn(userId: string): Promise<string> {
  const res = await fetch(`${served.base}/api/session.signIn`, { method: 'POST', headers: API_HEADERS, body: JSON.stringify({ userId }) });
  return ((await res.json()) as { data: { token: string } }).data.token;
}

beforeAll(async () => {
  const token = await signIn('user-admin-1');
  const created = (await call('batches.create', { containerType: 'pallet' }, token)).body.data;
  batchId = created.id as string;
  batchNumber = created.number as string;
  deviceId = (await call('devices.search', { status: 'listed', limit: 1 }, token)).body.data.items[0].id as string;
});

/** [procedure, malformed input, the fields the answer must name]; ids are filled in when the test runs. */
const cases = (): [string, unknown, string[]][] => [
  ['batches.create', { containerType: 'barrel' }, ['containerType']],
  ['batches.create', { containerType: 'pallet', certifiedDestruction: 'yes' }, ['certifiedDestruction']],
  ['batches.create', { containerType: 'pallet', colour: 'red' }, ['_']],
  ['batches.addDevice', { batchId }, ['tag']],
  ['batches.addDevice', { batchId: 42, tag: 'KK-0000001' }, ['batchId']],
  ['batches.removeDevice', { tag: ['KK-0000001'] }, ['batchId', 'tag']],
  ['batches.seal', { batchId, sealId: '', weightsKg: { '2': 10 } }, ['sealId']],
  ['batches.seal', { batchId, sealId: 'PL-1', weightsKg: { '2': -1 } }, ['weightsKg.2']],
  ['batches.seal', { batchId, sealId: 'PL-1', weightsKg: { '3': 1 } }, ['weightsKg']],
  ['batches.seal', { batchId, sealId: 'PL-1', weightsKg: { '2': '10 kg' } }, ['weightsKg.2']],
  ['batches.collect', { batchId, recyclerId: 'r', waybill: 'FB-1', date: '02-11-2026' }, ['date']],
  ['batches.collect', { batchId, recyclerId: 'r', waybill: '   ', date: '2026-11-02' }, ['waybill']],
  ['batches.collect', { batchId, waybill: 'FB-1', date: '2026-13-40' }, ['date', 'recyclerId']],
  ['batches.registerCertificate', { batchId, number: 'GB-1', issueDate: '2026-11-02', kind: 'recycling', serials: [] }, ['serials']],
  ['batches.registerCertificate', { batchId, number: 'GB-1', issueDate: '2026-11-02', kind: 'burnt', serials: ['A'] }, ['kind']],
  ['batches.registerCertificate', { batchId, number: 'GB-1', issueDate: '2026-11-02', kind: 'recycling', serials: 'A,B' }, ['serials']],
  ['batches.registerCertificate', { batchId, number: 'GB-1', issueDate: 'i dag', kind: 'recycling', serials: ['A'], attachment: { fileName: 'x.pdf' } }, ['attachment.pdfBase64', 'issueDate']],
  ['batches.get', {}, ['id']],
  ['batches.search', { status: 'lost', limit: 0 }, ['limit', 'status']],
  ['batches.attachment', { batchId, certificateNo: '' }, ['certificateNo']],
  ['devices.setWeeeCategory', { deviceId, weeeCategory: 3 }, ['weeeCategory']],
  ['devices.setWeeeCategory', { deviceId, weeeCategory: '2' }, ['weeeCategory']],
  ['devices.routeToEwaste', { deviceId, reason: 'bored' }, ['reason']],
  ['ewaste.suggestions', { limit: 'all' }, ['limit']],
  ['recyclers.save', { legalName: '', cvr: '1234', address: 'Vej 1', certifications: [] }, ['cvr', 'legalName']],
  ['recyclers.save', { legalName: 'A/S', cvr: '64942212', address: 'Vej 1', certifications: [{ scheme: 'ISO 9001', number: '1', validUntil: '2027-01-01' }] }, ['certifications.0.scheme']],
  ['recyclers.save', { legalName: 'A/S', cvr: '64942212', address: 'Vej 1', contactEmail: 'not an address', certifications: [] }, ['contactEmail']],
];

describe('malformed calls to the e-waste procedures over HTTP', () => {
  it('answer 400 VALIDATION with a message for every wrong field, and save nothing', async () => {
    const token = await signIn('user-admin-1');
    const before = await storeFingerprint(served.core.store, served.dir);
    for (const [procedure, input, fields] of cases()) {
      const r = await call(procedure, input, token);
      const what = `${procedure} ${JSON.stringify(input)}`;
      expect(r.status, what).toBe(400);
      expect(r.body.ok, what).toBe(false);
      expect(r.body.error.code, what).toBe('VALIDATION');
      expect(typeof r.body.error.message, what).toBe('string');
      expect(Object.keys(r.body.error.fields ?? {}).sort(), what).toEqual(fields);
      for (const message of Object.values(r.body.error.fields as Record<string, string>)) expect(message, what).toMatch(/\S/);
    }
    expect(await storeFingerprint(served.core.store, served.dir)).toBe(before);
  });

  it('refuses a CVR number that fails the modulus-11 check with a message naming it, and saves nothing', async () => {
    const token = await signIn('user-admin-1');
    const before = await storeFingerprint(served.core.store, served.dir);
    const r = await call('recyclers.save', { legalName: 'Forkert CVR A/S', cvr: '64942213', address: 'Vej 1', certifications: [] }, token);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error).toMatchObject({ code: 'CVR_INVALID', fields: { cvr: expect.any(String) } });
    expect(r.body.error.message).toContain('64942213');
    expect(await storeFingerprint(served.core.store, served.dir)).toBe(before);
  });

  it('answers a refused domain rule in the same shape with a 4xx status', async () => {
    const token = await signIn('user-warehouse-1');
    const before = await storeFingerprint(served.core.store, served.dir);
    const r = await call('batches.seal', { batchId, sealId: 'PL-1', weightsKg: { '2': 1 } }, token);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expect(r.body.error).toMatchObject({ code: 'BATCH_EMPTY', message: expect.stringContaining(batchNumber) });
    expect(await storeFingerprint(served.core.store, served.dir)).toBe(before);
  });
});
