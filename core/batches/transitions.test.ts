/**
 * Every e-waste transition through the dispatcher (role check, input parsing, lifecycle table, error
 * shape): what it does, and each refusal from a wrong state or by a wrong role with its code and nothing
 * changed (the store's fingerprint before and after).
 */
import { describe, expect, it } from 'vitest';
import { BUF_CONTACT, SUSTAINABILITY, WAREHOUSE, WIPE, callAs, run, useHarness, type Harness } from '../testing/harness';
import { ADMIN, TEST_RECYCLER, TODAY, batchIn, measuredWeights, routed } from '../testing/batches';
import { storeFingerprint } from '../testing/fingerprint';
import { BATCH_MAX_DEVICES } from '../../shared/contract';

type Result = Awaited<ReturnType<typeof callAs>>;
const WRONG_ROLES = [BUF_CONTACT, SUSTAINABILITY] as const;

/** The refusal of a call (its code, message and fields); fails the test when the call succeeded. */
function refused(r: Result) {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.data).slice(0, 200)}`);
  return r.error;
}

/**
 * Calls `procedure` as `userId` (English messages) and expects it refused with `code` and the store
 * exactly as before. Returns the error for further checks of its message.
 */
async function refusedUnchanged(h: Harness, userId: string, procedure: string, input: unknown, code: string) {
  const before = await storeFingerprint(h.store, h.dir);
  const error = refused(await callAs(h, userId, procedure, input, 'en'));
  expect(error.code, `${procedure} as ${userId}: ${error.message}`).toBe(code);
  expect(await storeFingerprint(h.store, h.dir)).toBe(before);
  return error;
}

const statusOf = async (h: Harness, id: string) => (await h.store.getDevice(id))?.status;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const certificate = (batchId: string, serials: string[], over: Record<string, unknown> = {}) => ({
  batchId,
  number: 'GB-1',
  issueDate: TODAY,
  kind: 'recycling' as 'recycling' | 'destruction', // why: the literal, not string, so run() takes it
  serials,
  ...over,
});

describe('addToBatch (batches.addDevice)', () => {
  const h = useHarness();

  it('packs a routed device by either form of its scanned tag and counts its weight', async () => {
    const { batch, devices } = await batchIn(h, 'open', []);
    const [a, b] = await routed(h, [{ serial: 'A-1' }, { serial: 'A-2' }]);
    const r1 = await callAs(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: ` ${a!.assetTag} ` });
    const r2 = await callAs(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: `kredslob://device/${b!.assetTag}` });
    expect(r1.ok && r2.ok).toBe(true);
    expect(devices).toEqual([]);
    const stored = await h.store.getDevice(a!.id);
    expect(stored).toMatchObject({ status: 'in_batch', batchId: batch.id });
    expect((await h.store.trail(a!.id)).at(-1)).toMatchObject({ type: 'added_to_batch', batchNumber: batch.number });
    expect(await h.store.getBatch(batch.id)).toMatchObject({ deviceCount: 2, declaredKg: 4 });
  });

  it('refuses a device not routed to e-waste, with nothing changed', async () => {
    const { batch } = await batchIn(h, 'open', []);
    const wh = await h.as(WAREHOUSE);
    const d = await run(await h.as(BUF_CONTACT), 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'X', serial: 'N-1', locationId: 'dep-buf-site-1' });
    await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'B', locationId: 'loc-shelf-A1' });
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag }, 'TRANSITION_NOT_ALLOWED');
    expect(error.message).toContain(d.assetTag);
  });

  it('refuses department contacts and sustainability', async () => {
    const { batch } = await batchIn(h, 'open', []);
    const [d] = await routed(h, [{ serial: 'R-1' }]);
    for (const user of WRONG_ROLES) await refusedUnchanged(h, user, 'batches.addDevice', { batchId: batch.id, tag: d!.assetTag }, 'FORBIDDEN');
  });

  it('refuses a device already in a batch, naming that batch', async () => {
    const { batch, devices } = await batchIn(h, 'open', [{ serial: 'S-1' }]);
    const other = await run(await h.as(WAREHOUSE), 'batches.create', { containerType: 'cage' });
    for (const target of [batch, other]) {
      const error = await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: target.id, tag: devices[0]!.assetTag }, 'ALREADY_IN_BATCH');
      expect(error.message).toContain(batch.number);
    }
  });

  it('refuses a device that has left with another batch', async () => {
    const { devices } = await batchIn(h, 'collected', [{ serial: 'S-1' }]);
    const fresh = await run(await h.as(WAREHOUSE), 'batches.create', { containerType: 'box' });
    await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: fresh.id, tag: devices[0]!.assetTag }, 'TRANSITION_NOT_ALLOWED');
  });

  it('refuses a scan that is no asset tag and a tag nobody has', async () => {
    const { batch } = await batchIn(h, 'open', []);
    await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: 'KK-12;DROP' }, 'ASSET_TAG_MALFORMED');
    await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: 'KK-0999999' }, 'NOT_FOUND');
  });

  it('refuses adding to a sealed and to a collected batch', async () => {
    for (const state of ['sealed', 'collected'] as const) {
      const { batch } = await batchIn(h, state, [{ serial: `${state}-1` }]);
      const [d] = await routed(h, [{ serial: `${state}-2` }]);
      const error = await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: d!.assetTag }, 'BATCH_LOCKED');
      expect(error.message).toContain(batch.number);
    }
  });

  it('refuses the device after the last one a batch can hold, naming the batch and the limit', async () => {
    const { batch } = await batchIn(h, 'open', []);
    // why: packing 5,000 devices one by one would take the test minutes; the count is what the rule reads
    await h.store.transaction(async (tx) => tx.putBatch({ ...batch, deviceCount: BATCH_MAX_DEVICES - 1 }));
    const [last, over] = await routed(h, [{ serial: 'F-1' }, { serial: 'F-2' }]);
    expect((await callAs(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: last!.assetTag })).ok).toBe(true);
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.addDevice', { batchId: batch.id, tag: over!.assetTag }, 'BATCH_FULL');
    expect(error.message).toContain(batch.number);
    expect(error.message).toContain(over!.assetTag);
    expect(error.message).toContain(String(BATCH_MAX_DEVICES));
  });
});

describe('removeFromBatch (batches.removeDevice)', () => {
  const h = useHarness();

  it('takes a device out of an open batch back to the e-waste queue', async () => {
    const { batch, devices } = await batchIn(h, 'open');
    const r = await callAs(h, WAREHOUSE, 'batches.removeDevice', { batchId: batch.id, tag: devices[0]!.assetTag });
    expect(r.ok).toBe(true);
    const stored = (await h.store.getDevice(devices[0]!.id))!;
    expect(stored.status).toBe('ewaste_queued');
    expect(stored.batchId).toBeUndefined();
    expect((await h.store.trail(stored.id)).at(-1)).toMatchObject({ type: 'removed_from_batch', batchNumber: batch.number });
    expect(await h.store.getBatch(batch.id)).toMatchObject({ deviceCount: 1, declaredKg: 2 });
    expect((await h.store.searchDevices({ batchId: batch.id, sort: 'model_asc', limit: 10, offset: 0 })).total).toBe(1);
  });

  it('refuses a device that is not in this batch (queued, or in another batch)', async () => {
    const { batch } = await batchIn(h, 'open', [{ serial: 'S-1' }]);
    const [queued] = await routed(h, [{ serial: 'Q-1' }]);
    await refusedUnchanged(h, WAREHOUSE, 'batches.removeDevice', { batchId: batch.id, tag: queued!.assetTag }, 'NOT_IN_THIS_BATCH');
    const other = await run(await h.as(WAREHOUSE), 'batches.create', { containerType: 'cage' });
    await run(await h.as(WAREHOUSE), 'batches.addDevice', { batchId: other.id, tag: queued!.assetTag });
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.removeDevice', { batchId: batch.id, tag: queued!.assetTag }, 'NOT_IN_THIS_BATCH');
    expect(error.message).toContain(batch.number);
  });

  it('refuses department contacts and sustainability', async () => {
    const { batch, devices } = await batchIn(h, 'open');
    for (const user of WRONG_ROLES) await refusedUnchanged(h, user, 'batches.removeDevice', { batchId: batch.id, tag: devices[0]!.assetTag }, 'FORBIDDEN');
  });

  it('refuses taking a device out of a sealed or collected batch', async () => {
    for (const state of ['sealed', 'collected'] as const) {
      const { batch, devices } = await batchIn(h, state, [{ serial: `${state}-1` }]);
      await refusedUnchanged(h, WAREHOUSE, 'batches.removeDevice', { batchId: batch.id, tag: devices[0]!.assetTag }, 'BATCH_LOCKED');
    }
  });
});

describe('sealing (batches.seal)', () => {
  const h = useHarness();

  it('refuses an empty batch, a batch sealed already and a collected one', async () => {
    const empty = await run(await h.as(WAREHOUSE), 'batches.create', { containerType: 'box' });
    await refusedUnchanged(h, WAREHOUSE, 'batches.seal', { batchId: empty.id, sealId: 'PL-1', weightsKg: { '2': 1 } }, 'BATCH_EMPTY');
    for (const state of ['sealed', 'collected'] as const) {
      const { batch } = await batchIn(h, state, [{ serial: `${state}-1` }]);
      await refusedUnchanged(h, WAREHOUSE, 'batches.seal', { batchId: batch.id, sealId: 'PL-2', weightsKg: { '2': 2 } }, 'BATCH_LOCKED');
    }
  });

  it('refuses weights that miss a category the batch holds or name one it does not, per field', async () => {
    const { batch } = await batchIn(h, 'open', [{ serial: 'L-1' }, { serial: 'D-1', category: 'desktop' }]);
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.seal', { batchId: batch.id, sealId: 'PL-1', weightsKg: { '2': 2, '4': 3 } }, 'VALIDATION');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['weightsKg.4', 'weightsKg.6']);
  });

  it('refuses department contacts and sustainability', async () => {
    const { batch } = await batchIn(h, 'open');
    for (const user of WRONG_ROLES) await refusedUnchanged(h, user, 'batches.seal', { batchId: batch.id, sealId: 'PL-1', weightsKg: { '2': 4 } }, 'FORBIDDEN');
  });
});

describe('collect (batches.collect) and its verified-wipe gate', () => {
  const h = useHarness();

  it('moves every device to collected with the recycler, its CVR and the waybill on each trail', async () => {
    const { batch, devices } = await batchIn(h, 'collected');
    expect(batch).toMatchObject({ status: 'collected', collection: { recyclerCvr: TEST_RECYCLER.cvr, waybill: 'FB-1', date: TODAY } });
    for (const d of devices) {
      expect(d.status).toBe('collected');
      expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'collected', recyclerName: TEST_RECYCLER.legalName, recyclerCvr: TEST_RECYCLER.cvr, waybill: 'FB-1' });
    }
  });

  it('refuses a batch holding data-bearing devices without a verified wipe, naming every such tag, nothing in the batch changed', async () => {
    const { batch, devices, recyclerId } = await batchIn(h, 'sealed', [{ serial: 'OK-1' }, { serial: 'U-1', unwiped: true }, { serial: 'U-2', category: 'desktop', unwiped: true }]);
    // A wipe recorded but not verified does not open the gate either.
    await run(await h.as(WAREHOUSE), 'devices.recordSanitization', { deviceId: devices[2]!.id, ...WIPE, verified: false });
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId, waybill: 'FB-9', date: TODAY }, 'UNWIPED_IN_BATCH');
    expect(error.message).toContain(devices[1]!.assetTag);
    expect(error.message).toContain(devices[2]!.assetTag);
    expect(error.message).not.toContain(devices[0]!.assetTag);
    expect((await h.store.getBatch(batch.id))?.status).toBe('sealed');
  });

  it('lets a batch for certified destruction go with unwiped devices', async () => {
    const { batch, devices } = await batchIn(h, 'collected', [{ serial: 'U-1', unwiped: true }], { certifiedDestruction: true });
    expect(batch.status).toBe('collected');
    expect(devices[0]!.status).toBe('collected');
  });

  it('lets the warehouse wipe a device in a sealed batch (the gate asks for it), not once it is collected', async () => {
    const { batch, devices, recyclerId } = await batchIn(h, 'sealed', [{ serial: 'U-1', unwiped: true }]);
    expect((await callAs(h, WAREHOUSE, 'devices.recordSanitization', { deviceId: devices[0]!.id, ...WIPE })).ok).toBe(true);
    expect((await callAs(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId, waybill: 'FB-2', date: TODAY })).ok).toBe(true);
    await refusedUnchanged(h, WAREHOUSE, 'devices.recordSanitization', { deviceId: devices[0]!.id, ...WIPE }, 'TRANSITION_NOT_ALLOWED');
  });

  it('refuses department contacts and sustainability, for collection and for wiping in a batch', async () => {
    const { batch, devices, recyclerId } = await batchIn(h, 'sealed', [{ serial: 'U-1', unwiped: true }]);
    for (const user of WRONG_ROLES) {
      await refusedUnchanged(h, user, 'batches.collect', { batchId: batch.id, recyclerId, waybill: 'FB-1', date: TODAY }, 'FORBIDDEN');
      await refusedUnchanged(h, user, 'devices.recordSanitization', { deviceId: devices[0]!.id, ...WIPE }, 'FORBIDDEN');
    }
  });

  it('refuses an open batch, a collected batch and a date after today', async () => {
    const open = await batchIn(h, 'open', [{ serial: 'O-1' }]);
    await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: open.batch.id, recyclerId: open.recyclerId, waybill: 'FB-1', date: TODAY }, 'BATCH_NOT_SEALED');
    const gone = await batchIn(h, 'collected', [{ serial: 'C-1' }]);
    await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: gone.batch.id, recyclerId: gone.recyclerId, waybill: 'FB-2', date: TODAY }, 'BATCH_LOCKED');
    const sealed = await batchIn(h, 'sealed', [{ serial: 'S-1' }]);
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: sealed.batch.id, recyclerId: sealed.recyclerId, waybill: 'FB-3', date: '2026-11-03' }, 'VALIDATION');
    expect(Object.keys(error.fields ?? {})).toEqual(['date']);
  });

  it('refuses a recycler without certification, and one whose every certification expired, naming it', async () => {
    const { batch } = await batchIn(h, 'sealed', [{ serial: 'S-1' }]);
    const admin = await h.as(ADMIN);
    const none = await run(admin, 'recyclers.save', { ...TEST_RECYCLER, legalName: 'Ucertificeret ApS', certifications: [] });
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId: none.id, waybill: 'FB-1', date: TODAY }, 'RECYCLER_NOT_CERTIFIED');
    expect(error.message).toContain('Ucertificeret ApS');
    const expired = await run(admin, 'recyclers.save', {
      ...TEST_RECYCLER,
      legalName: 'Udløbet A/S',
      certifications: [
        { scheme: 'R2v3', number: 'R2-OLD', validUntil: '2026-11-01' },
        { scheme: 'ISO 14001', number: 'ISO-9', validUntil: '2025-01-31' },
      ],
    });
    const old = await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId: expired.id, waybill: 'FB-1', date: TODAY }, 'RECYCLER_CERTIFICATION_EXPIRED');
    expect(old.message).toContain('R2-OLD');
    expect(old.message).toContain('2026-11-01');
    // Valid until a day means valid on that day.
    const { updatedAt: _saved, ...register } = expired;
    const lastDay = await run(admin, 'recyclers.save', { ...register, certifications: [{ scheme: 'R2v3', number: 'R2-NEW', validUntil: TODAY }] });
    expect((await callAs(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId: lastDay.id, waybill: 'FB-1', date: TODAY })).ok).toBe(true);
  });

  it('refuses a recycler that is not in the register', async () => {
    const { batch } = await batchIn(h, 'sealed', [{ serial: 'S-1' }]);
    await refusedUnchanged(h, WAREHOUSE, 'batches.collect', { batchId: batch.id, recyclerId: 'no-such-recycler', waybill: 'FB-1', date: TODAY }, 'NOT_FOUND');
  });
});

describe('certify, markRecycled and markDestroyed (batches.registerCertificate)', () => {
  const h = useHarness();

  it('recycles the matched devices of a recycling certificate and destroys those of a destruction certificate', async () => {
    const { batch, devices } = await batchIn(h, 'collected', [{ serial: 'R-1' }, { serial: 'D-1' }]);
    const wh = await h.as(WAREHOUSE);
    await run(wh, 'batches.registerCertificate', certificate(batch.id, ['r-1']));
    await run(wh, 'batches.registerCertificate', certificate(batch.id, ['D-1'], { number: 'DB-7', kind: 'destruction' }));
    expect(await statusOf(h, devices[0]!.id)).toBe('recycled');
    expect(await statusOf(h, devices[1]!.id)).toBe('destroyed');
    expect((await h.store.trail(devices[1]!.id)).slice(-2)).toMatchObject([
      { type: 'certified', certificateNo: 'DB-7', certificateKind: 'destruction', recyclerCvr: TEST_RECYCLER.cvr },
      { type: 'destroyed', certificateNo: 'DB-7' },
    ]);
    expect((await h.store.getBatch(batch.id))?.status).toBe('closed');
  });

  it('refuses a certificate for a batch not yet collected', async () => {
    for (const state of ['open', 'sealed'] as const) {
      const { batch } = await batchIn(h, state, [{ serial: `${state}-1` }]);
      // With a good PDF too: the refused certificate leaves no file behind.
      const attachment = { fileName: 'bevis.pdf', pdfBase64: PDF.toString('base64') };
      await refusedUnchanged(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, [`${state}-1`], { attachment }), 'BATCH_NOT_COLLECTED');
    }
  });

  it('refuses a new certificate for a closed batch, and does nothing for the same certificate again', async () => {
    const { batch } = await batchIn(h, 'collected', [{ serial: 'C-1' }]);
    const first = await run(await h.as(WAREHOUSE), 'batches.registerCertificate', certificate(batch.id, ['C-1']));
    expect(first.detail.batch.status).toBe('closed');
    await refusedUnchanged(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, ['C-1'], { number: 'GB-2' }), 'BATCH_LOCKED');
    const before = await storeFingerprint(h.store, h.dir);
    const again = await callAs(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, [' c-1 ', ''], { number: 'gb-1' }));
    expect(again.ok && again.data).toMatchObject({ alreadyRegistered: true });
    expect(await storeFingerprint(h.store, h.dir)).toBe(before);
  });

  it('refuses another certificate under a number already registered, with nothing changed', async () => {
    const { batch } = await batchIn(h, 'collected', [{ serial: 'C-1' }, { serial: 'C-2' }]);
    await run(await h.as(WAREHOUSE), 'batches.registerCertificate', certificate(batch.id, ['C-1']));
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, ['C-1', 'C-2']), 'CERTIFICATE_CONFLICT');
    expect(error.message).toContain('GB-1');
    await refusedUnchanged(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, ['C-1'], { kind: 'destruction' }), 'CERTIFICATE_CONFLICT');
  });

  it('refuses an attachment that is not a PDF or is over 20 MB, storing no file and changing nothing', async () => {
    const { batch } = await batchIn(h, 'collected', [{ serial: 'C-1' }]);
    const notPdf = { fileName: 'bevis.docx', pdfBase64: Buffer.from('PK\u0003\u0004 word').toString('base64') };
    const error = await refusedUnchanged(h, WAREHOUSE, 'batches.registerCertificate', certificate(batch.id, ['C-1'], { attachment: notPdf }), 'ATTACHMENT_NOT_PDF');
    expect(error.message).toContain('bevis.docx');
    const huge = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    const big = await refusedUnchanged(
      h,
      WAREHOUSE,
      'batches.registerCertificate',
      certificate(batch.id, ['C-1'], { attachment: { fileName: 'stor.pdf', pdfBase64: huge.toString('base64') } }),
      'ATTACHMENT_TOO_LARGE',
    );
    expect(big.message).toContain('stor.pdf');
  });

  it('keeps the certificate PDF and gives it back', async () => {
    const { batch } = await batchIn(h, 'collected', [{ serial: 'C-1' }]);
    await run(await h.as(WAREHOUSE), 'batches.registerCertificate', certificate(batch.id, ['C-1'], { attachment: { fileName: 'bevis.pdf', pdfBase64: PDF.toString('base64') } }));
    const got = await run(await h.as(SUSTAINABILITY), 'batches.attachment', { batchId: batch.id, certificateNo: 'GB-1' });
    expect(Buffer.from(got.pdfBase64, 'base64').equals(PDF)).toBe(true);
  });

  it('refuses department contacts and sustainability', async () => {
    const { batch } = await batchIn(h, 'collected', [{ serial: 'C-1' }]);
    for (const user of WRONG_ROLES) await refusedUnchanged(h, user, 'batches.registerCertificate', certificate(batch.id, ['C-1']), 'FORBIDDEN');
  });
});

describe('the WEEE category of a packed device (devices.setWeeeCategory)', () => {
  const h = useHarness();

  it('can change while the batch is open and is settled once it is sealed', async () => {
    const { batch, devices } = await batchIn(h, 'open', [{ serial: 'W-1' }]);
    const set = await run(await h.as(WAREHOUSE), 'devices.setWeeeCategory', { deviceId: devices[0]!.id, weeeCategory: 5 });
    expect(set.weeeOverride).toBe(5);
    await run(await h.as(WAREHOUSE), 'batches.seal', { batchId: batch.id, sealId: 'PL-1', weightsKg: await measuredWeights(h, batch.id) });
    await refusedUnchanged(h, WAREHOUSE, 'devices.setWeeeCategory', { deviceId: devices[0]!.id, weeeCategory: null }, 'BATCH_LOCKED');
    for (const user of WRONG_ROLES) await refusedUnchanged(h, user, 'devices.setWeeeCategory', { deviceId: devices[0]!.id, weeeCategory: 6 }, 'FORBIDDEN');
  });
});
