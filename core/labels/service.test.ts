import { describe, expect, it } from 'vitest';
import { formatAssetTag } from '../../shared/categories';
import { FileStore } from '../store/file/file-store';
import { BUF_CONTACT, BUF_SITE, SUSTAINABILITY, WAREHOUSE, callAs, run, useHarness } from '../testing/harness';
import { allocateTags } from '../tags/service';
import type { Locale } from '../../shared/i18n';

const tagNumber = (tag: string) => Number(tag.slice(3));

describe('allocating tags for pre-printed labels', () => {
  const h = useHarness();

  it('hands out consecutive, never repeated tags', async () => {
    const wh = await h.as(WAREHOUSE);
    const first = await allocateTags(wh, { count: 5 });
    const second = await allocateTags(wh, { count: 3 });
    expect(first.tags).toHaveLength(5);
    expect(second.tags).toHaveLength(3);
    const all = [...first.tags, ...second.tags];
    expect(new Set(all).size).toBe(8);
    expect(all.map(tagNumber)).toEqual([...all.map(tagNumber)].sort((a, b) => a - b));
    expect(all.every((t) => /^KK-\d{7}$/.test(t))).toBe(true);
  });

  it('never repeats a tag when many allocations race each other and reports', async () => {
    const wh = await h.as(WAREHOUSE);
    const buf = await h.as(BUF_CONTACT);
    const allocations = Array.from({ length: 25 }, (_, i) => allocateTags(wh, { count: 1 + (i % 7) }));
    const reports = Array.from({ length: 10 }, (_, i) =>
      run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2419H', serial: `RACE-${i}`, locationId: BUF_SITE }),
    );
    const [allocated, reported] = await Promise.all([Promise.all(allocations), Promise.all(reports)]);
    const tags = [...allocated.flatMap((a) => a.tags), ...reported.map((d) => d.assetTag)];
    const expected = allocated.reduce((n, a) => n + a.tags.length, 0) + reported.length;
    expect(tags).toHaveLength(expected);
    expect(new Set(tags).size).toBe(expected);
    // Each allocation is one transaction: its own tags are consecutive numbers.
    for (const a of allocated) {
      const n = a.tags.map(tagNumber);
      expect(n).toEqual(n.map((_, i) => (n[0] ?? 0) + i));
    }
  });

  it('passes over a tag a device already carries (brought in ahead of the counter, as an imported register would)', async () => {
    const wh = await h.as(WAREHOUSE);
    const buf = await h.as(BUF_CONTACT);
    const [last] = (await allocateTags(wh, { count: 1 })).tags;
    const handTyped = formatAssetTag(tagNumber(last ?? '') + 2);
    // Reports only take issued tags; a device that arrives with its own tag is written to the store directly here.
    const d = await run(buf, 'devices.report', { category: 'monitor', manufacturer: 'Dell', model: 'P2419H', serial: 'HAND-1', locationId: BUF_SITE });
    await h.store.transaction(async (tx) => tx.putDevice({ ...d, assetTag: handTyped }));
    const next = await allocateTags(wh, { count: 3 });
    expect(next.tags).not.toContain(handTyped);
    // The report above took last + 1; the tag written ahead (last + 2) is passed over.
    expect(next.tags.map(tagNumber)).toEqual([3, 4, 5].map((n) => tagNumber(last ?? '') + n));
  });

  it('never repeats a tag across a restart of the store', async () => {
    const wh = await h.as(WAREHOUSE);
    const before = await Promise.all(Array.from({ length: 8 }, () => allocateTags(wh, { count: 4 })));
    await h.store.close();
    const reopened = await FileStore.open(h.dir, { log: () => {} });
    const after = await Promise.all(Array.from({ length: 8 }, () => allocateTags({ ...wh, store: reopened }, { count: 4 })));
    await reopened.close();
    const tags = [...before, ...after].flatMap((a) => a.tags);
    expect(new Set(tags).size).toBe(64);
    const highestBefore = Math.max(...before.flatMap((a) => a.tags.map(tagNumber)));
    expect(Math.min(...after.flatMap((a) => a.tags.map(tagNumber)))).toBeGreaterThan(highestBefore);
  });
});

describe('the label procedures', () => {
  const h = useHarness();
  const call = (userId: string, procedure: string, input: unknown, locale: Locale = 'da') => callAs(h, userId, procedure, input, locale);

  it('lets the warehouse allocate tags, and refuses a department contact', async () => {
    const ok = await call(WAREHOUSE, 'tags.allocate', { count: 3 });
    expect(ok.ok && (ok.data as { tags: string[] }).tags).toHaveLength(3);
    const refused = await call(BUF_CONTACT, 'tags.allocate', { count: 3 });
    expect(refused.ok ? undefined : refused.error.code).toBe('FORBIDDEN');
    const tooMany = await call(WAREHOUSE, 'tags.allocate', { count: 1001 });
    expect(tooMany.ok ? undefined : tooMany.error.code).toBe('VALIDATION');
  });

  it('prints allocated tags and devices for anyone signed in, as a PDF with its page count', async () => {
    const allocated = await call(WAREHOUSE, 'tags.allocate', { count: 22 });
    const tags = allocated.ok ? (allocated.data as { tags: string[] }).tags : [];
    const sheet = await call(SUSTAINABILITY, 'labels.pdf', { stock: 'avery-l7160', start: 20, tags });
    expect(sheet.ok).toBe(true);
    const data = sheet.ok ? (sheet.data as { pdfBase64: string; pages: number; labels: number }) : undefined;
    expect(Buffer.from(data?.pdfBase64 ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // Positions 20 and 21 of the first sheet, then 20 labels on a second.
    expect(data).toMatchObject({ pages: 2, labels: 22 });

    const buf = await h.as(BUF_CONTACT);
    const d = await run(buf, 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'EliteBook 840', serial: 'LBL-1', locationId: BUF_SITE });
    const one = await call(BUF_CONTACT, 'labels.pdf', { stock: 'dymo-11355', deviceIds: [d.id] });
    expect(one.ok && one.data).toMatchObject({ pages: 1, labels: 1 });
  });

  it('names a malformed tag, in the caller’s language, and prints nothing', async () => {
    const da = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651', tags: ['KK-0000001', 'KK-12', 'serienummer'] });
    expect(da.ok ? undefined : da.error).toMatchObject({
      code: 'ASSET_TAG_MALFORMED',
      message: '"KK-12" er ikke et inventarnummer. Et inventarnummer har formen KK-0001234.',
    });
    const en = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651', tags: ['KK-1'] }, 'en');
    expect(en.ok ? undefined : en.error.message).toBe('"KK-1" is not an asset tag. An asset tag looks like KK-0001234.');
  });

  it('accepts tags in the URL payload form, as scanned from a label', async () => {
    const r = await call(WAREHOUSE, 'labels.pdf', { stock: 'brother-dk11209', tags: ['kredslob://device/KK-0000042', ' kk-0000043 '] });
    expect(r.ok && r.data).toMatchObject({ pages: 2, labels: 2 });
  });

  it('names unknown devices', async () => {
    const r = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651', deviceIds: ['no-such-device', 'nor-this'] });
    expect(r.ok ? undefined : r.error).toMatchObject({ code: 'NOT_FOUND', message: 'Enheden blev ikke fundet: no-such-device, nor-this.' });
  });

  it('refuses a start position the sheet does not have', async () => {
    const r = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7160', start: 22, tags: ['KK-0000001'] });
    expect(r.ok ? undefined : r.error).toMatchObject({
      code: 'LABEL_START_OUT_OF_RANGE',
      message: 'Der er ingen mærkat nr. 22 på Avery L7160. Vælg et startnummer fra 1 til 21.',
      fields: { start: 'Startnummeret findes ikke på den valgte mærkattype.' },
    });
    const single = await call(WAREHOUSE, 'labels.pdf', { stock: 'dymo-11355', start: 2, tags: ['KK-0000001'] }, 'en');
    expect(single.ok ? undefined : single.error.message).toBe('There is no label no. 2 on Dymo 11355. Choose a start from 1 to 1.');
  });

  it('wants exactly one of tags and device ids', async () => {
    const both = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651', tags: ['KK-0000001'], deviceIds: ['x'] });
    const neither = await call(WAREHOUSE, 'labels.pdf', { stock: 'avery-l7651' });
    expect(both.ok ? undefined : both.error.code).toBe('VALIDATION');
    expect(neither.ok ? undefined : neither.error.code).toBe('VALIDATION');
  });
});
