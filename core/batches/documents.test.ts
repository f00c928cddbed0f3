import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { collectedBatch, routedFive } from '../testing/batches';
import { BUF_CONTACT, SUSTAINABILITY, WAREHOUSE, callAs, run, useHarness, type Harness } from '../testing/harness';

/** The text a person sees in the PDF, laid out as on the page (poppler's pdftotext). */
function pdfText(h: Harness, pdfBase64: string): string {
  const bytes = Buffer.from(pdfBase64, 'base64');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = path.join(h.dir, `doc-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

/** The line of the text that starts with `start` (after indentation), columns squeezed to single spaces. */
function lineStarting(text: string, start: string): string | undefined {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/\s{2,}/g, ' | '))
    .find((l) => l.startsWith(start));
}

/** The batch collected, then certificate GB-1 covering SN-1 … SN-4: four recycled, SN-5 still collected. */
async function certifiedBatch(h: Harness) {
  const flow = await collectedBatch(h);
  const wh = await h.as(WAREHOUSE);
  await run(wh, 'batches.registerCertificate', { batchId: flow.batch.id, number: 'GB-1', issueDate: '2026-11-02', kind: 'recycling', serials: ['SN-1', 'SN-2', 'SN-3', 'SN-4'] });
  return flow;
}

describe('the batch manifest', () => {
  const h = useHarness();

  it('prints the batch, the recycler with CVR, waybill, seal, every device with its wipe, and the totals per WEEE category (Danish)', async () => {
    const { batch, devices } = await collectedBatch(h);
    const out = await run(await h.as(SUSTAINABILITY), 'batches.manifest', { id: batch.id, format: 'pdf' });
    if (out.format !== 'pdf') throw new Error('asked for a PDF');
    expect(out.fileName).toBe('manifest-AP-000001.pdf');
    const text = pdfText(h, out.pdfBase64);
    // Title, recycler with CVR, waybill, seal, collection date, container and the batch's status.
    for (const seen of ['Manifest for affaldsparti AP-000001', 'Elektronik Genanvendelse A/S (CVR 64942212)', 'FB-1001', 'PL-778', '02.11.2026', 'Palle', 'Afhentet']) {
      expect(text, seen).toContain(seen);
    }
    for (const d of devices) {
      const row = lineStarting(text, d.assetTag);
      expect(row, d.assetTag).toBeDefined();
      expect(row).toContain(d.serial);
      expect(row).toContain('HP EliteBook');
      // Every device here was wiped with a NIST Purge before collection.
      expect(row).toContain('Rensning (Purge)');
    }
    expect(lineStarting(text, devices[0]!.assetTag)).toMatch(/\| 2 \| 2 \|/);
    expect(lineStarting(text, devices[4]!.assetTag)).toMatch(/\| 6 \| 2 \|/);
    // Declared kg from the devices' weights beside the kg weighed at sealing, with a decimal comma.
    expect(lineStarting(text, '2 – Skærme')).toBe('2 – Skærme og udstyr med skærm | 4 | 8 | 8,4');
    expect(lineStarting(text, '6 – Småt IT')).toBe('6 – Småt IT- og teleudstyr | 1 | 2 | 2,2');
    expect(lineStarting(text, 'I alt |')).toBe('I alt | 5 | 10 | 10,6');
    expect(text).toContain('Side 1 af 1');
    expect(text).toMatch(/Dannet \d{2}\.\d{2}\.2026 \d{2}:\d{2} af .+ \(Bæredygtighedsteam\)/);
  });

  it('is in English when the caller reads English, and says which data-bearing devices the recycler destroys under certificate', async () => {
    const wh = await h.as(WAREHOUSE);
    const devices = await routedFive(h);
    const batch = await run(wh, 'batches.create', { containerType: 'cage', certifiedDestruction: true });
    for (const d of devices) await run(wh, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
    const result = await callAs(h, WAREHOUSE, 'batches.manifest', { id: batch.id, format: 'pdf' }, 'en');
    if (!result.ok) throw new Error(result.error.message);
    const out = result.data as { format: 'pdf'; pdfBase64: string }; // why: the dispatcher checked it against the contract's output
    const text = pdfText(h, out.pdfBase64);
    expect(text).toContain('Manifest of disposal batch AP-000001');
    expect(text).toContain('Cage');
    expect(text).toContain('Page 1 of 1');
    // Not collected yet: no recycler, waybill or collection date to print.
    expect(lineStarting(text, 'Recycler')).toContain('—');
    // The unwiped desktop goes to certified destruction; the wiped laptops keep their wipe's method.
    expect(lineStarting(text, devices[4]!.assetTag)).toContain('Certified destruction');
    expect(lineStarting(text, devices[0]!.assetTag)).toContain('Purge');
    // Not sealed yet: nothing was weighed.
    expect(lineStarting(text, 'Total |')).toBe('Total | 5 | 10 | —');
  });

  it('as CSV: BOM, semicolons, decimal comma, the same columns, and a serial or model that starts like a formula neutralised', async () => {
    const buf = await h.as(BUF_CONTACT);
    const wh = await h.as(WAREHOUSE);
    const batch = await run(wh, 'batches.create', { containerType: 'box' });
    const odd = [
      { serial: '=HYPERLINK("http://x";"klik")', model: '+Model' },
      { serial: '@SUM(A1)', model: '-Model' },
    ];
    const tags: string[] = [];
    for (const o of odd) {
      const d = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: o.model, serial: o.serial, locationId: 'dep-buf-site-1', weightKg: 1.6 });
      await run(wh, 'devices.checkIn', { assetTag: d.assetTag, condition: 'defective', locationId: 'loc-shelf-A1' });
      await run(wh, 'devices.routeToEwaste', { deviceId: d.id, reason: 'defective' });
      await run(wh, 'batches.addDevice', { batchId: batch.id, tag: d.assetTag });
      tags.push(d.assetTag);
    }
    const out = await run(wh, 'batches.manifest', { id: batch.id, format: 'csv' });
    if (out.format !== 'csv') throw new Error('asked for CSV');
    expect(out.fileName).toBe('manifest-AP-000001.csv');
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const lines = out.csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Inventarnummer;Serienummer;Producent og model;WEEE;kg;Datasletning');
    // A monitor holds no data: nothing to wipe, so the method is a dash.
    expect(lines[1]).toBe(`${tags[0]};"'=HYPERLINK(""http://x"";""klik"")";Dell +Model;2;1,6;—`);
    expect(lines[2]).toBe(`${tags[1]};'@SUM(A1);Dell -Model;2;1,6;—`);
    expect(lines[3]).toBe('');
  });

  it('is refused to a department contact, for an unknown batch and for an unknown format, with the error shape', async () => {
    const { batch } = await collectedBatch(h);
    const forbidden = await callAs(h, BUF_CONTACT, 'batches.manifest', { id: batch.id, format: 'pdf' });
    expect(forbidden.ok ? undefined : forbidden.error.code).toBe('FORBIDDEN');
    const unknown = await callAs(h, WAREHOUSE, 'batches.manifest', { id: 'no-such-batch', format: 'csv' });
    expect(unknown.ok ? undefined : unknown.error.code).toBe('NOT_FOUND');
    const xlsx = await callAs(h, WAREHOUSE, 'batches.manifest', { id: batch.id, format: 'xlsx' });
    expect(xlsx.ok ? undefined : xlsx.error).toMatchObject({ code: 'VALIDATION', fields: { format: expect.any(String) } });
  });
});

describe("a device's disposal certificate", () => {
  const h = useHarness();

  it('for a recycled device: its facts, whole trail, wipe, batch, certificate with recycler and CVR, and a verified hash chain', async () => {
    const { devices } = await certifiedBatch(h);
    const device = devices[0]!;
    const out = await run(await h.as(WAREHOUSE), 'devices.disposalCertificate', { deviceId: device.id });
    expect(out.fileName).toBe(`bortskaffelsesbevis-${device.assetTag}.pdf`);
    const text = pdfText(h, out.pdfBase64);
    const facts = [
      `Bortskaffelsesbevis ${device.assetTag}`,
      'SN-1',
      'HP EliteBook',
      '2 – Skærme og udstyr med skærm',
      'AP-000001',
      'Genanvendelsesbevis nr. GB-1, udstedt 02.11.2026',
      'Elektronik Genanvendelse A/S (CVR 64942212)',
      // The sanitization record: tool and version, and who verified it.
      'Blancco Drive Eraser (version 7.9.1)',
      'Lars Nielsen',
    ];
    for (const seen of facts) expect(text, seen).toContain(seen);
    const trail = await h.store.trail(device.id);
    expect(text).toContain(`Verificeret: forløbets ${trail.length} hændelser er uændrede`);
    for (const what of ['Anmeldt som overskud', 'Modtaget på lager', 'Datasletning registreret', 'Lagt i affaldsparti', 'Afhentet af genanvender', 'Genanvendt']) {
      expect(text, what).toContain(what);
    }
    expect(text).toContain('Fragtbrev: FB-1001');
    expect(text).toMatch(/02\.11\.2026 09:00/);
  });

  it('before disposal is titled a trail report, in English for an English reader', async () => {
    const { devices } = await certifiedBatch(h);
    const result = await callAs(h, SUSTAINABILITY, 'devices.disposalCertificate', { deviceId: devices[4]!.id }, 'en');
    if (!result.ok) throw new Error(result.error.message);
    const out = result.data as { fileName: string; pdfBase64: string }; // why: the dispatcher checked it against the contract's output
    expect(out.fileName).toBe(`trail-report-${devices[4]!.assetTag}.pdf`);
    const text = pdfText(h, out.pdfBase64);
    expect(text).toContain(`Trail report ${devices[4]!.assetTag}`);
    expect(text).toContain('has not been disposed of (status: Collected)');
    expect(text).toContain("No recycler's certificate covers the device yet.");
    expect(text).toMatch(/Verified: the trail's \d+ events are unchanged/);
    expect(text).not.toContain('Certificate of disposal');
  });

  it('says where the hash chain breaks when an event was changed after it was written', async () => {
    const { devices } = await certifiedBatch(h);
    const device = devices[0]!;
    const real = h.store;
    // why: a forged event can only be written around the store; this store hands out the trail with event 3's actor changed
    const forged = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === 'trail') {
          return async (id: string) => (await target.trail(id)).map((e) => (e.seq === 3 ? { ...e, actor: { ...e.actor, name: 'Someone Else' } } : e));
        }
        const v: unknown = Reflect.get(target, prop, receiver);
        return typeof v === 'function' ? v.bind(target) : v;
      },
    }) as Store; // why: the Proxy keeps the store's shape
    const ctx = { ...(await h.as(WAREHOUSE)), store: forged };
    const out = await run(ctx, 'devices.disposalCertificate', { deviceId: device.id }, 'en');
    const text = pdfText(h, out.pdfBase64);
    expect(text).toContain('BROKEN at event 3: the event was changed after it was written.');
    expect(text).not.toContain('Verified:');
  });

  it('is refused to a department contact and for an unknown device', async () => {
    const forbidden = await callAs(h, BUF_CONTACT, 'devices.disposalCertificate', { deviceId: 'x' });
    expect(forbidden.ok ? undefined : forbidden.error.code).toBe('FORBIDDEN');
    const unknown = await callAs(h, WAREHOUSE, 'devices.disposalCertificate', { deviceId: 'no-such-device' });
    expect(unknown.ok ? undefined : unknown.error.code).toBe('NOT_FOUND');
    const malformed = await callAs(h, WAREHOUSE, 'devices.disposalCertificate', { deviceId: '' });
    expect(malformed.ok ? undefined : malformed.error.code).toBe('VALIDATION');
  });
});
