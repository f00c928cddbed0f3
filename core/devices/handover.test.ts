/** Hand-over with acceptance: who collected, the receiving unit, the drawn signature (checked, stored once) and the receipt PDF. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import type { Locale } from '../../shared/i18n';
import { SIGNATURE_MAX_BYTES } from '../../shared/handover';
import { AppError } from '../errors';
import { ATTACHMENTS_DIR, sha256Hex } from '../store/attachment-dir';
import {
  BUF_CONTACT,
  BUF_SITE,
  SHELF,
  SUF_CONTACT,
  WAREHOUSE,
  listedLaptop,
  onPaper,
  refusal,
  run,
  siteOf,
  useHarness,
  type Harness,
} from '../testing/harness';
import { openHandOverReceipt } from './handover-receipt';

/** A signature as a pad draws it: dark strokes on a transparent 400 × 150 canvas. */
async function drawnSignature(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="150"><path d="M20 120 C 80 10, 140 140, 200 60 S 320 20, 380 110" stroke="#111" stroke-width="4" fill="none"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

async function reservedBySuf(h: Harness, serial = 'PF-1') {
  const d = await listedLaptop(h, serial);
  await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: d.id, locationId: siteOf('dep-suf') });
  return d;
}

/** The warehouse hands `assetTag` over to Jonas Holm with a signature drawn on screen (base64 PNG). */
async function handOverSigned(h: Harness, assetTag: string, signaturePng: string, unitId = 'dep-suf-unit-2', pickedUpBy = 'Jonas Holm') {
  return run(await h.as(WAREHOUSE), 'devices.handOver', {
    assetTag,
    replacesNewPurchase: true,
    pickedUpBy,
    unitId,
    acceptance: { kind: 'drawn', signaturePng },
  });
}

function attachments(h: Harness): string[] {
  const dir = path.join(h.dir, ATTACHMENTS_DIR);
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}

/** The receipt as the file table writes it, and its text as a person reads it (poppler's pdftotext). */
async function receipt(h: Harness, deviceId: string, locale: Locale = 'da') {
  const file = await openHandOverReceipt(await h.as(WAREHOUSE), { deviceId }, locale);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await file.write(out);
  const bytes = Buffer.concat(chunks);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdf = path.join(h.dir, `receipt-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(pdf, bytes);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  // pdfimages lists an image's transparency (smask) on a row of its own; the images are the rows of type "image".
  const images = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((row) => row.trim().split(/\s+/))
    .filter((cols) => cols[2] === 'image')
    .map((cols) => `${cols[3]}x${cols[4]}`);
  return { fileName: file.fileName, contentType: file.contentType, text, images };
}

describe('hand-over with acceptance', () => {
  const h = useHarness();

  it('records who collected it, the receiving unit and the drawn signature, kept once in the attachment store by its sha256', async () => {
    const d = await reservedBySuf(h);
    const done = await handOverSigned(h, d.assetTag, (await drawnSignature()).toString('base64'), 'dep-suf-unit-2', ' Jonas Holm ');
    expect(done).toMatchObject({ status: 'reused', departmentId: 'dep-suf' });
    const event = (await h.store.trail(d.id)).at(-1);
    if (event?.type !== 'handed_over') throw new Error('the last event is the hand-over');
    expect(event).toMatchObject({ pickedUpBy: 'Jonas Holm', unitId: 'dep-suf-unit-2', unitName: 'Hjemmepleje' });
    expect(event.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(attachments(h)).toEqual([event.signature]);
    const stored = await h.store.getAttachment(event.signature!);
    expect(sha256Hex(stored!)).toBe(event.signature);
    // What is kept is a PNG of the drawn size (sharp's re-encoding of what was sent).
    expect(await sharp(stored).metadata()).toMatchObject({ format: 'png', width: 400, height: 150 });
  });

  it('records a receipt to be signed on paper as "paper", with no file stored', async () => {
    const d = await reservedBySuf(h);
    await run(await h.as(WAREHOUSE), 'devices.handOver', { assetTag: d.assetTag, replacesNewPurchase: false, ...onPaper('dep-suf', 'Mette Lund') });
    expect((await h.store.trail(d.id)).at(-1)).toMatchObject({ type: 'handed_over', pickedUpBy: 'Mette Lund', signature: 'paper', unitName: 'Plejehjem' });
    expect(attachments(h)).toEqual([]);
  });

  const refusals: [string, () => Promise<string>, string, string][] = [
    ['a text file renamed .png', async () => Buffer.from('Dette er ikke en underskrift\n').toString('base64'), 'SIGNATURE_NOT_PNG', 'kunne ikke læses som et PNG-billede'],
    ['a JPEG', async () => (await sharp(await drawnSignature()).flatten({ background: '#fff' }).jpeg().toBuffer()).toString('base64'), 'SIGNATURE_NOT_PNG', 'PNG'],
    ['a PNG cut off half-way', async () => (await drawnSignature()).subarray(0, 200).toString('base64'), 'SIGNATURE_NOT_PNG', 'PNG'],
    [
      'a PNG larger than 256 kB',
      // Noise does not compress: 300 × 300 random RGBA pixels make a PNG of about 350 kB.
      async () => (await sharp(Buffer.from(Array.from({ length: 300 * 300 * 4 }, () => Math.floor(Math.random() * 256))), { raw: { width: 300, height: 300, channels: 4 } }).png().toBuffer()).toString('base64'),
      'SIGNATURE_TOO_LARGE',
      `højst fylde ${SIGNATURE_MAX_BYTES / 1024} kB`,
    ],
    [
      'a PNG of 5000 × 40 pixels',
      async () => (await sharp({ create: { width: 5000, height: 40, channels: 4, background: '#ffffff00' } }).png().toBuffer()).toString('base64'),
      'SIGNATURE_BAD_DIMENSIONS',
      '5000 × 40 pixel',
    ],
  ];

  for (const [what, signature, code, says] of refusals) {
    it(`refuses ${what} with ${code}, and nothing is stored: the device stays reserved, no file is kept`, async () => {
      const d = await reservedBySuf(h);
      const trailBefore = (await h.store.trail(d.id)).length;
      const err = await handOverSigned(h, d.assetTag, await signature()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe(code); // why: checked to be an AppError just above
      expect((err as AppError).fields).toHaveProperty(['acceptance.signaturePng']); // why: as above
      const { errorBody } = await import('../../shared/messages');
      expect(errorBody(code as AppError['code'], 'da', (err as AppError).params).message).toContain(says); // why: code is one of ERROR_CODES, checked above
      expect((await h.store.getDevice(d.id))?.status).toBe('reserved');
      expect(await h.store.trail(d.id)).toHaveLength(trailBefore);
      expect(attachments(h)).toEqual([]);
    });
  }

  it("refuses a unit of another administration than the reserving one, at the unit field, and stores nothing", async () => {
    const d = await reservedBySuf(h);
    const err = await handOverSigned(h, d.assetTag, (await drawnSignature()).toString('base64'), 'dep-tmf-unit-1').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'UNIT_NOT_OF_DEPARTMENT', params: { unit: 'Byens Drift', department: 'SUF' }, fields: { unitId: 'unit_of_reserving_department' } });
    expect((await h.store.getDevice(d.id))?.status).toBe('reserved');
    expect(attachments(h)).toEqual([]);
  });

  it('needs the name of who collected it, a unit and an acceptance (the contract says which field)', () => {
    const input = contract['devices.handOver'].input;
    const fieldsOf = (v: unknown) => {
      const r = input.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
    };
    expect(fieldsOf({ assetTag: 'KK-0000001', replacesNewPurchase: true, pickedUpBy: '  ', unitId: 'dep-suf-unit-1', acceptance: { kind: 'paper' } })).toEqual(['pickedUpBy']);
    expect(fieldsOf({ assetTag: 'KK-0000001', replacesNewPurchase: true, pickedUpBy: 'Jonas', acceptance: { kind: 'paper' } })).toEqual(['unitId']);
    expect(fieldsOf({ assetTag: 'KK-0000001', replacesNewPurchase: true, pickedUpBy: 'Jonas', unitId: 'dep-suf-unit-1' })).toEqual(['acceptance']);
    expect(fieldsOf({ assetTag: 'KK-0000001', replacesNewPurchase: true, pickedUpBy: 'Jonas', unitId: 'dep-suf-unit-1', acceptance: { kind: 'drawn' } })).toEqual([
      'acceptance.signaturePng',
    ]);
  });
});

describe('the hand-over receipt', () => {
  const h = useHarness();

  it('names the device, its sanitization, the acceptance with the drawn signature, and the trail event with its hashes (Danish)', async () => {
    const d = await reservedBySuf(h, 'SN-RECEIPT-1');
    await handOverSigned(h, d.assetTag, (await drawnSignature()).toString('base64'));
    const event = (await h.store.trail(d.id)).at(-1)!;
    const r = await receipt(h, d.id);
    expect(r.fileName).toBe(`udleveringskvittering-${d.assetTag}.pdf`);
    expect(r.contentType).toBe('application/pdf');
    for (const seen of [
      `Udleveringskvittering ${d.assetTag}`,
      'Lenovo',
      'ThinkPad T14',
      'SN-RECEIPT-1',
      'Rensning (Purge)',
      'NIST SP 800-88',
      'Verificeret af Lars Nielsen',
      'Modtaget af Jonas Holm',
      'Modtagende enhed Hjemmepleje',
      'Sundheds- og Omsorgsforvaltningen (SUF)',
      'Underskrevet på skærmen',
      `Nr. 6 af 6 · ${event.id}`,
      event.hash,
      event.prevHash,
      'Verificeret: forløbets 6 hændelser er uændrede',
    ]) {
      expect(r.text, seen).toContain(seen);
    }
    // The drawn signature is in the PDF as an image; no line to sign on.
    expect(r.images).toEqual(['400x150']);
    expect(r.text).not.toContain('Modtagerens underskrift');
  });

  it('for paper, leaves a line to sign and a date line; a device without data-bearing parts says so (English)', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const m = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2422H', serial: 'MON-1', locationId: BUF_SITE });
    await run(wh, 'devices.checkIn', { assetTag: m.assetTag, condition: 'A', locationId: SHELF });
    await run(wh, 'devices.publish', { deviceId: m.id });
    await run(await h.as(SUF_CONTACT), 'reservations.create', { deviceId: m.id, locationId: siteOf('dep-suf') });
    await run(wh, 'devices.handOver', { assetTag: m.assetTag, replacesNewPurchase: false, ...onPaper('dep-suf', 'Mette Lund') });
    const r = await receipt(h, m.id, 'en');
    expect(r.fileName).toBe(`hand-over-receipt-${m.assetTag}.pdf`);
    for (const seen of ['No data-bearing parts', 'Received by Mette Lund', 'Receiving unit Plejehjem', 'Health and Care Administration (SUF)', "Receiver's signature", 'Date']) {
      expect(r.text, seen).toContain(seen);
    }
    expect(r.images).toEqual([]);
  });

  it('is refused for a device not handed over yet', async () => {
    const d = await reservedBySuf(h);
    expect(await refusal(openHandOverReceipt(await h.as(WAREHOUSE), { deviceId: d.id }, 'da'))).toBe('NOT_HANDED_OVER');
  });
});
