/** Import of registers (issue 12): files, mapping guesses, values, every refusal, idempotency, cancel, the tag counter. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportMapping, ImportRowResult } from '../../shared/import';
import type { ServiceContext } from '../context';
import { AppError } from '../errors';
import { harness, run, type Harness } from '../testing/harness';
import { ADMIN } from '../testing/batches';
import { readImportFile } from './read-file';
import { IMPORT_BATCH_ROWS, importFinished } from './service';
import { guessMapping, parseDay, parseGigabytes, parseNumber } from './values';

const FIXTURES = path.join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'import');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
const base64 = (data: string | Uint8Array) => Buffer.from(data).toString('base64');

let h: Harness;
let admin: ServiceContext;
beforeEach(async () => {
  h = await harness();
  admin = await h.as(ADMIN);
});
afterEach(async () => h.close());

/** Analyses a file, dry runs it with the guessed mapping (or `mapping`) and returns every row's result. */
async function dryRun(fileName: string, data: string | Uint8Array, mapping?: ImportMapping) {
  const file = await run(admin, 'import.analyze', { fileName, dataBase64: base64(data) });
  const result = await run(admin, 'import.dryRun', { sha256: file.sha256, fileName, mapping: mapping ?? file.guess, limit: 1000 });
  return { file, ...result, byRow: new Map(result.items.map((r) => [r.row, r])) };
}

async function importAll(fileName: string, data: string | Uint8Array, mapping?: ImportMapping) {
  const file = await run(admin, 'import.analyze', { fileName, dataBase64: base64(data) });
  const job = await run(admin, 'import.start', { sha256: file.sha256, fileName, mapping: mapping ?? file.guess });
  return { file, job: await importFinished(admin, job.jobId) };
}

const reasons = (r: ImportRowResult | undefined) => r?.refusals?.map((x) => x.code);

/** The import refuses with `code`, in a message naming the file. */
async function refusedFile(fileName: string, data: Uint8Array | string, code: string) {
  const err = await run(admin, 'import.analyze', { fileName, dataBase64: base64(data) }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).params.fileName).toBe(fileName);
}

describe('the test files, each with what it gives', () => {
  it('semicolon + BOM + decimal comma (Danish Excel): three devices with their fields, state and place', async () => {
    const { file, counts, byRow } = await dryRun('semicolon-bom-decimal-comma.csv', fixture('semicolon-bom-decimal-comma.csv'));
    expect(file.format).toBe('csv');
    expect(file.headers[1]).toBe('Serienummer');
    expect(counts).toEqual({ create: 3, update: 0, unchanged: 0, refused: 0 });
    expect(byRow.get(2)).toMatchObject({ action: 'create', assetTag: 'KK-0500001', serial: 'PF-3KX1' });
    const { job } = await importAll('semicolon-bom-decimal-comma.csv', fixture('semicolon-bom-decimal-comma.csv'));
    expect(job).toMatchObject({ state: 'done', done: 3, total: 3, counts: { create: 3 } });
    const laptop = await h.store.getDeviceByTag('KK-0500001');
    expect(laptop).toMatchObject({
      category: 'laptop',
      manufacturer: 'Lenovo',
      model: 'ThinkPad T14 Gen 2',
      year: 2021,
      specs: { ramGb: 16, storageGb: 512, screenInch: 14 },
      condition: 'B',
      status: 'in_stock',
      locationId: 'loc-shelf-A1',
      departmentId: 'dep-buf',
      notes: 'Ridse på låget',
      dataBearing: true,
    });
    const [monitor] = await h.store.devicesBySerial(['5CG1234XYZ']);
    // 23,8 is 23.8 inches; no year column value, so the purchase year stands in.
    expect(monitor).toMatchObject({ category: 'monitor', specs: { screenInch: 23.8 }, year: 2020, status: 'in_stock', departmentId: 'dep-okf' });
    const [tablet] = await h.store.devicesBySerial(['R52N30ABC']);
    // "I brug" at a site: in use, owned by the site's administration; the quoted note keeps its ';'.
    expect(tablet).toMatchObject({ category: 'tablet', status: 'reused', locationId: 'dep-buf-site-2', departmentId: 'dep-buf', notes: 'Skærm; revnet' });
    const trail = await h.store.trail(laptop!.id);
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      type: 'imported',
      fileName: 'semicolon-bom-decimal-comma.csv',
      fileSha256: file.sha256,
      row: 2,
      status: 'in_stock',
      purchaseDate: '2021-03-15',
      actor: { id: ADMIN },
    });
  });

  it('comma-separated with quoted newlines (Snipe-IT columns): the two-line note is one cell, row numbers stay the records\'', async () => {
    const { counts, byRow } = await dryRun('comma-quoted-newlines.csv', fixture('comma-quoted-newlines.csv'));
    expect(counts).toEqual({ create: 2, update: 0, unchanged: 0, refused: 0 });
    expect([...byRow.keys()]).toEqual([2, 3]);
    await importAll('comma-quoted-newlines.csv', fixture('comma-quoted-newlines.csv'));
    const [one] = await h.store.devicesBySerial(['SN-QN-1']);
    expect(one).toMatchObject({ category: 'laptop', manufacturer: 'Dell', status: 'in_stock', departmentId: 'dep-buf', notes: 'First line\nsecond line, with a comma' });
    const [two] = await h.store.devicesBySerial(['SN-QN-2']);
    expect(two).toMatchObject({ category: 'monitor', notes: 'He said "fine"' });
  });

  it('XLSX with a date column: the date cells become the purchase day, whatever format they show in', async () => {
    const { file, counts } = await dryRun('xlsx-date-column.xlsx', fixture('xlsx-date-column.xlsx'));
    expect(file.format).toBe('xlsx');
    expect(file.sample.map((r) => r[6])).toEqual(['2019-06-30', '2021-01-04']);
    expect(counts.create).toBe(2);
    await importAll('xlsx-date-column.xlsx', fixture('xlsx-date-column.xlsx'));
    const [phone] = await h.store.devicesBySerial(['XL-DATE-2']);
    expect(phone).toMatchObject({ category: 'phone', year: 2021, specs: { ramGb: 4 }, departmentId: 'dep-tmf' });
    expect((await h.store.trail(phone!.id))[0]).toMatchObject({ type: 'imported', purchaseDate: '2021-01-04', row: 3 });
  });

  it('XLSX with a formula cell: never evaluated; one saved without its value reads empty, and "=cmd|…" text stays text', async () => {
    const { counts } = await dryRun('xlsx-formula.xlsx', fixture('xlsx-formula.xlsx'));
    expect(counts.create).toBe(2);
    await importAll('xlsx-formula.xlsx', fixture('xlsx-formula.xlsx'));
    const [formula] = await h.store.devicesBySerial(['XL-FORMULA-1']);
    expect(formula?.specs.ramGb).toBeUndefined();
    const [text] = await h.store.devicesBySerial(['XL-FORMULA-2']);
    expect(text?.model).toBe("=cmd|' /C calc'!A0");
  });

  it('an empty file, a header-only file and a binary file renamed .csv are refused naming the file, and nothing is kept', async () => {
    await refusedFile('empty.csv', fixture('empty.csv'), 'IMPORT_EMPTY');
    await refusedFile('header-only.csv', fixture('header-only.csv'), 'IMPORT_HEADER_ONLY');
    await refusedFile('binary-renamed.csv', fixture('binary-renamed.csv'), 'IMPORT_NOT_TEXT');
    await refusedFile('blank-lines.csv', '\r\n\r\n  \r\n', 'IMPORT_EMPTY');
    await refusedFile('broken.xlsx', 'PK\u0003\u0004 not really a zip', 'IMPORT_UNREADABLE');
    await refusedFile('named.xlsx', 'a;b\r\n1;2\r\n', 'IMPORT_UNREADABLE');
    for (const name of ['empty.csv', 'header-only.csv', 'binary-renamed.csv']) {
      const { createHash } = await import('node:crypto');
      expect(await h.store.getAttachment(createHash('sha256').update(fixture(name)).digest('hex'))).toBeUndefined();
    }
  });

  it('a file over the size limit is refused with the limit in the message', async () => {
    const big = Buffer.alloc(31 * 1024 * 1024, 'a');
    const err = (await run(admin, 'import.analyze', { fileName: 'big.csv', dataBase64: base64(big) }).catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('IMPORT_TOO_LARGE');
    expect(err.params).toMatchObject({ fileName: 'big.csv', maxMb: 30, sizeMb: '31.0' });
  });
});

describe('guessing the mapping from the header', () => {
  it('reads Danish, English and Snipe-IT export headers', () => {
    expect(guessMapping(['Serienr.', 'Kategori', 'Mærke', 'Model', 'Hylde', 'Forvaltning', 'RAM (GB)', 'Skærmstørrelse'])).toEqual({
      serial: 0,
      category: 1,
      manufacturer: 2,
      model: 3,
      location: 4,
      department: 5,
      ramGb: 6,
      screenInch: 7,
    });
    expect(guessMapping(['Asset Tag', 'Name', 'Serial', 'Model', 'Model No.', 'Category', 'Manufacturer', 'Status', 'Location', 'Purchase Date', 'Notes', 'Company'])).toEqual({
      assetTag: 0,
      serial: 2,
      model: 3,
      category: 5,
      manufacturer: 6,
      status: 7,
      location: 8,
      purchaseDate: 9,
      notes: 10,
      department: 11,
    });
    expect(guessMapping(['Foo', 'Bar'])).toEqual({});
  });

  it('a saved mapping is kept by header text and offered with the next file', async () => {
    await run(admin, 'import.saveMapping', { name: 'Snipe-IT', columns: { serial: 'Serial', category: 'Category' } });
    const { saved } = await run(admin, 'import.saveMapping', { name: 'snipe-it', columns: { serial: 'Serial' } });
    expect(saved.map((m) => [m.name, m.columns])).toEqual([['snipe-it', { serial: 'Serial' }]]);
    const file = await run(admin, 'import.analyze', { fileName: 'x.csv', dataBase64: base64('Serial,Category\r\nA,Laptop\r\n') });
    expect(file.saved.map((m) => m.name)).toEqual(['snipe-it']);
    // Both saves are in the admin audit list: created, then changed with the column it no longer maps.
    const entries = (await run(admin, 'admin.audit', { subject: 'settings' })).items.filter((e) => e.subjectId === 'importMapping');
    // Both were written at the same instant of the test clock, so the list's order between them is not asserted.
    expect(entries.map((e) => [e.action, e.subjectName]).sort()).toEqual([
      ['changed', 'snipe-it'],
      ['created', 'Snipe-IT'],
    ]);
    expect(entries.find((e) => e.action === 'changed')?.changes).toEqual([{ field: 'category', from: 'Category' }]);
  });
});

describe('values', () => {
  it('reads Danish and English numbers with units', () => {
    expect(parseNumber('15,6')?.value).toBe(15.6);
    expect(parseNumber('1.5')?.value).toBe(1.5);
    expect(parseNumber('1.000,5')?.value).toBe(1000.5);
    expect(parseNumber('1,000.5')?.value).toBe(1000.5);
    expect(parseGigabytes('16 GB')).toBe(16);
    expect(parseGigabytes('1 TB')).toBe(1000);
    expect(parseGigabytes('256GB SSD')).toBe(256);
    expect(parseGigabytes('7,5')).toBeUndefined();
    expect(parseNumber('8 x')).toBeUndefined();
    expect(parseNumber('ca. 8')).toBeUndefined();
  });

  it('reads dd-mm-yyyy, ISO days, Snipe-IT date-times and Excel day numbers, and refuses days that do not exist', () => {
    expect(parseDay('15-03-2021')).toBe('2021-03-15');
    expect(parseDay('5.3.2021')).toBe('2021-03-05');
    expect(parseDay('2021-03-15')).toBe('2021-03-15');
    expect(parseDay('2021-03-15 00:00:00')).toBe('2021-03-15');
    expect(parseDay('44270')).toBe('2021-03-15');
    expect(parseDay('30-02-2021')).toBeUndefined();
    expect(parseDay('03/15/2021')).toBeUndefined();
  });
});

const HEAD = 'Inventarnummer;Serienummer;Kategori;Fabrikat;Model;Årgang;RAM;Stand;Status;Lokation;Forvaltning;Indkøbsdato;Noter';
const csv = (...rows: string[]) => [HEAD, ...rows].join('\r\n') + '\r\n';
const GOOD = ';SN-OK;Laptop;HP;EliteBook;2020;8;B;;Hylde A-01;BUF;;';

describe('each refusal names its reason', () => {
  it('unknown category, malformed tag, unknown location and administration, bad numbers and days, unknown condition and status', async () => {
    const { byRow, counts } = await dryRun(
      'bad.csv',
      csv(
        GOOD,
        ';SN-2;Brødrister;HP;X;;;;;Hylde A-01;BUF;;',
        'ABC-12;SN-3;Laptop;HP;X;;;;;Hylde A-01;BUF;;',
        ';SN-4;Laptop;HP;X;;;;;Hylde Z-99;BUF;;',
        ';SN-5;Laptop;HP;X;;;;;Hylde A-01;XYZ;;',
        ';SN-6;Laptop;HP;X;1850;otte;;;Hylde A-01;BUF;;',
        ';SN-7;Laptop;HP;X;;;;;Hylde A-01;BUF;31-02-2020;',
        ';SN-8;Laptop;HP;X;;;Z;;Hylde A-01;BUF;;',
        ';SN-9;Laptop;HP;X;;;;Bortkommet;Hylde A-01;BUF;;',
      ),
    );
    expect(counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 8 });
    expect(reasons(byRow.get(3))).toEqual(['unknown_category']);
    expect(byRow.get(3)?.refusals?.[0]).toMatchObject({ field: 'category', value: 'Brødrister' });
    expect(reasons(byRow.get(4))).toEqual(['tag_malformed']);
    expect(reasons(byRow.get(5))).toEqual(['unknown_location']);
    expect(reasons(byRow.get(6))).toEqual(['unknown_department']);
    expect(byRow.get(7)?.refusals?.map((r) => [r.code, r.field])).toEqual([
      ['bad_number', 'year'],
      ['bad_number', 'ramGb'],
    ]);
    expect(reasons(byRow.get(8))).toEqual(['bad_date']);
    expect(reasons(byRow.get(9))).toEqual(['unknown_condition']);
    expect(reasons(byRow.get(10))).toEqual(['unknown_status']);
  });

  it('states an import may not create, and a state at the wrong kind of place', async () => {
    const { byRow } = await dryRun(
      'states.csv',
      csv(
        ';SN-1;Laptop;HP;X;;;;På genbrugsbørsen;Hylde A-01;BUF;;',
        ';SN-2;Laptop;HP;X;;;;Destrueret;Hylde A-01;BUF;;',
        ';SN-3;Laptop;HP;X;;;;På lager;Valby Skole, Vigerslevvej 1;;;',
        ';SN-4;Laptop;HP;X;;;;I brug;Hylde A-01;BUF;;',
        ';SN-5;Laptop;HP;X;;;;Anmeldt;Valby Skole, Vigerslevvej 1;;;',
        ';SN-6;Laptop;HP;X;;;;;Valby Skole, Vigerslevvej 1;SUF;;',
      ),
    );
    expect(reasons(byRow.get(2))).toEqual(['status_not_importable']);
    expect(reasons(byRow.get(3))).toEqual(['status_not_importable']);
    expect(reasons(byRow.get(4))).toEqual(['status_needs_other_location']);
    expect(reasons(byRow.get(5))).toEqual(['status_needs_other_location']);
    expect(byRow.get(6)?.action).toBe('create');
    expect(reasons(byRow.get(7))).toEqual(['location_not_of_department']);
  });

  it('required fields of a new device, and a shelf without an administration', async () => {
    const { byRow } = await dryRun('missing.csv', csv(';;Laptop;;X;;;;;Hylde A-01;BUF;;', ';SN-2;Laptop;HP;X;;;;;Hylde A-01;;;', ';SN-3;;HP;X;;;;;;BUF;;'));
    expect(byRow.get(2)?.refusals).toEqual([
      { code: 'required', field: 'serial' },
      { code: 'required', field: 'manufacturer' },
    ]);
    expect(byRow.get(3)?.refusals).toEqual([{ code: 'required', field: 'department' }]);
    expect(byRow.get(4)?.refusals).toEqual([
      { code: 'required', field: 'category' },
      { code: 'required', field: 'location' },
    ]);
  });

  it('a serial or tag repeated in the file refuses the later row, naming the first', async () => {
    const { byRow } = await dryRun(
      'repeats.csv',
      csv(GOOD, ';sn-ok ;Laptop;HP;X;;;;;Hylde A-01;BUF;;', 'KK-0700001;SN-A;Laptop;HP;X;;;;;Hylde A-01;BUF;;', 'kk-0700001;SN-B;Laptop;HP;X;;;;;Hylde A-01;BUF;;'),
    );
    expect(byRow.get(2)?.action).toBe('create');
    expect(byRow.get(3)?.refusals).toEqual([{ code: 'duplicate_serial_in_file', field: 'serial', value: 'sn-ok', params: { otherRow: 2 } }]);
    expect(byRow.get(4)?.action).toBe('create');
    expect(byRow.get(5)?.refusals).toEqual([{ code: 'duplicate_tag_in_file', field: 'assetTag', value: 'KK-0700001', params: { otherRow: 4 } }]);
  });

  it('a serial already on another device, on several, and a tag on a device with another serial', async () => {
    await importAll('first.csv', csv('KK-0700001;SN-HELD;Laptop;HP;X;;;;;Hylde A-01;BUF;;', ';SN-TWICE;Laptop;HP;X;;;;;Hylde A-01;BUF;;'));
    // A second device with the same serial, reported by hand after the person said it is another device.
    const wh = await h.as('user-warehouse-1');
    await run(wh, 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'X', serial: 'sn-twice', locationId: 'dep-buf-site-1', acceptDuplicateSerial: true });
    const { byRow } = await dryRun(
      'second.csv',
      csv('KK-0700050;SN-HELD;Laptop;HP;X;;;;;Hylde A-01;BUF;;', ';SN-TWICE;Laptop;HP;X;;;;;Hylde A-01;BUF;;', 'KK-0700001;SN-OTHER;Laptop;HP;X;;;;;Hylde A-01;BUF;;'),
    );
    expect(byRow.get(2)?.refusals).toEqual([{ code: 'serial_on_other_device', field: 'serial', value: 'SN-HELD', params: { assetTag: 'KK-0700001' } }]);
    expect(byRow.get(3)?.refusals).toEqual([{ code: 'serial_ambiguous', field: 'serial', value: 'SN-TWICE', params: { count: 2 } }]);
    expect(byRow.get(4)?.refusals).toEqual([{ code: 'tag_on_other_serial', field: 'assetTag', value: 'KK-0700001', params: { serial: 'SN-HELD' } }]);
  });

  it('a refused row writes nothing; the good rows of the same file are imported', async () => {
    const { job } = await importAll('mixed.csv', csv(GOOD, ';SN-2;Brødrister;HP;X;;;;;Hylde A-01;BUF;;'));
    expect(job.counts).toEqual({ create: 1, update: 0, unchanged: 0, refused: 1 });
    expect(await h.store.devicesBySerial(['SN-2'])).toEqual([]);
    expect(await h.store.devicesBySerial(['SN-OK'])).toHaveLength(1);
  });
});

describe('importing', () => {
  it('is idempotent: the same file twice changes nothing the second time', async () => {
    const data = csv(GOOD, 'KK-0600010;SN-T;Skærm;Dell;P2422H;;;A;;Hylde A-02;SUF;;Note', ';SN-X;Brødrister;HP;X;;;;;Hylde A-01;BUF;;');
    const first = await importAll('twice.csv', data);
    expect(first.job.counts).toEqual({ create: 2, update: 0, unchanged: 0, refused: 1 });
    const count = await h.store.deviceCount();
    const [before] = await h.store.devicesBySerial(['SN-OK']);
    const dry = await dryRun('twice.csv', data);
    expect(dry.counts).toEqual({ create: 0, update: 0, unchanged: 2, refused: 1 });

    const second = await importAll('twice.csv', data);
    expect(second.job.counts).toEqual({ create: 0, update: 0, unchanged: 2, refused: 1 });
    expect(await h.store.deviceCount()).toBe(count);
    const [after] = await h.store.devicesBySerial(['SN-OK']);
    expect(after).toEqual(before);
    expect(await h.store.trail(after!.id)).toHaveLength(1);
  });

  it('pages read the last dry run; a dry run asked afresh decides the rows again against the store as it is now', async () => {
    const { file, counts } = await dryRun('late.csv', csv(GOOD));
    expect(counts.create).toBe(1);
    // Meanwhile the warehouse reports the same device by hand.
    const wh = await h.as('user-warehouse-1');
    await run(wh, 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'EliteBook', serial: 'SN-OK', locationId: 'dep-buf-site-1' });
    const same = { sha256: file.sha256, fileName: 'late.csv', mapping: file.guess };
    expect((await run(admin, 'import.dryRun', { ...same, offset: 0 })).counts.create).toBe(1);
    // The register's year, RAM and condition are not on the reported device: an update of year and RAM.
    expect((await run(admin, 'import.dryRun', { ...same, fresh: true })).items[0]).toMatchObject({ action: 'update', changes: ['year', 'ramGb'] });
  });

  it('updates what the register says differently (model, RAM, notes) with an imported event naming the changes; state and place stay', async () => {
    await importAll('v1.csv', csv(GOOD));
    const [device] = await h.store.devicesBySerial(['SN-OK']);
    const { byRow } = await dryRun('v2.csv', csv(';SN-OK;Laptop;HP;EliteBook G8;2020;16;B;;Hylde B-01;BUF;;Nyt batteri'));
    expect(byRow.get(2)).toMatchObject({ action: 'update', assetTag: device!.assetTag, changes: ['model', 'ramGb', 'notes'] });
    await importAll('v2.csv', csv(';SN-OK;Laptop;HP;EliteBook G8;2020;16;B;;Hylde B-01;BUF;;Nyt batteri'));
    const updated = await h.store.getDevice(device!.id);
    expect(updated).toMatchObject({ model: 'EliteBook G8', specs: { ramGb: 16 }, notes: 'Nyt batteri', locationId: 'loc-shelf-A1', status: 'in_stock' });
    expect((await h.store.trail(device!.id)).at(-1)).toMatchObject({ type: 'imported', fileName: 'v2.csv', row: 2, changes: ['model', 'ramGb', 'notes'] });
  });

  it('keeps the tag counter above the imported tags: a device reported afterwards gets the next tag', async () => {
    await importAll('tags.csv', csv('KK-0900000;SN-HIGH;Laptop;HP;X;;;;;Hylde A-01;BUF;;', GOOD));
    const [untagged] = await h.store.devicesBySerial(['SN-OK']);
    // The row without a tag got one above the file's highest.
    expect(untagged!.assetTag).toBe('KK-0900001');
    const wh = await h.as('user-warehouse-1');
    const reported = await run(wh, 'devices.report', { category: 'laptop', manufacturer: 'HP', model: 'X', serial: 'SN-NEW', locationId: 'dep-buf-site-1' });
    expect(reported.assetTag).toBe('KK-0900002');
  });

  it('cancelled between batches: whole batches are imported, none half, and the rest can be imported later', async () => {
    // Not a whole number of batches, so a half batch would show in the count.
    const total = IMPORT_BATCH_ROWS * 12 + IMPORT_BATCH_ROWS / 2;
    const rows = Array.from({ length: total }, (_, i) => `;SN-C-${i};Laptop;HP;X;;;;;Hylde A-01;BUF;;`);
    const data = csv(...rows);
    const file = await run(admin, 'import.analyze', { fileName: 'many.csv', dataBase64: base64(data) });
    const job = await run(admin, 'import.start', { sha256: file.sha256, fileName: 'many.csv', mapping: file.guess });
    await run(admin, 'import.cancel', { jobId: job.jobId });
    const done = await importFinished(admin, job.jobId);
    expect(done.state).toBe('cancelled');
    expect(done.done % IMPORT_BATCH_ROWS).toBe(0);
    expect(done.done).toBeLessThan(total);
    expect(await h.store.deviceCount()).toBe(done.done);
    expect((await run(admin, 'import.progress', { jobId: job.jobId })).state).toBe('cancelled');
    const rest = await importAll('many.csv', data);
    expect(rest.job.counts).toEqual({ create: total - done.done, update: 0, unchanged: done.done, refused: 0 });
  });

  it('one import at a time', async () => {
    const data = csv(...Array.from({ length: 1100 }, (_, i) => `;SN-R-${i};Laptop;HP;X;;;;;Hylde A-01;BUF;;`));
    const file = await run(admin, 'import.analyze', { fileName: 'a.csv', dataBase64: base64(data) });
    const job = await run(admin, 'import.start', { sha256: file.sha256, fileName: 'a.csv', mapping: file.guess });
    await expect(run(admin, 'import.start', { sha256: file.sha256, fileName: 'a.csv', mapping: file.guess })).rejects.toMatchObject({ code: 'IMPORT_RUNNING' });
    expect((await importFinished(admin, job.jobId)).counts.create).toBe(1100);
  });

  it('a mapping pointing past the last column is refused naming the file', async () => {
    const file = await run(admin, 'import.analyze', { fileName: 'm.csv', dataBase64: base64(csv(GOOD)) });
    await expect(run(admin, 'import.dryRun', { sha256: file.sha256, fileName: 'm.csv', mapping: { serial: 40 } })).rejects.toMatchObject({
      code: 'IMPORT_MAPPING_INVALID',
      params: { fileName: 'm.csv', column: 41, columns: 13 },
    });
  });

  it('the dry run pages and filters to refused rows', async () => {
    const data = csv(...Array.from({ length: 30 }, (_, i) => (i % 10 === 3 ? `;SN-P-${i};Brødrister;HP;X;;;;;Hylde A-01;BUF;;` : `;SN-P-${i};Laptop;HP;X;;;;;Hylde A-01;BUF;;`)));
    const file = await run(admin, 'import.analyze', { fileName: 'p.csv', dataBase64: base64(data) });
    const page = await run(admin, 'import.dryRun', { sha256: file.sha256, fileName: 'p.csv', mapping: file.guess, offset: 10, limit: 5 });
    expect(page.total).toBe(30);
    expect(page.items.map((r) => r.row)).toEqual([12, 13, 14, 15, 16]);
    const refused = await run(admin, 'import.dryRun', { sha256: file.sha256, fileName: 'p.csv', mapping: file.guess, onlyRefused: true });
    expect(refused.total).toBe(3);
    expect(refused.items.map((r) => r.row)).toEqual([5, 15, 25]);
  });

  it('only an administrator may import', async () => {
    const { contract } = await import('../../shared/contract');
    expect(contract['import.start'].roles).toEqual(['admin']);
    const file = await readImportFile('x.csv', Buffer.from('a\r\nb\r\n'));
    expect(file.headers).toEqual(['a']);
    expect(file.rows.at(0)).toEqual({ n: 2, cells: ['b'] });
  });

  it('rows are read back cell for cell with their numbers, even a cell holding control characters far into the file', async () => {
    // Past the first 64 KB the binary check does not look, so the NUL reaches the rows: they must not be cut at it.
    const filler = Array.from({ length: 2000 }, (_, i) => `SN-${i};Bærbar computer;HP;EliteBook 840 G${i}`);
    const text = ['Serienummer;Kategori;Fabrikat;Model', '', ...filler, 'SN-X;Skærm;Dell;P2419H \u0000\u0001 x;ekstra'].join('\r\n');
    const file = await readImportFile('c.csv', Buffer.from(text));
    expect(file.rows.length).toBe(2001);
    expect(file.rows.at(0)).toEqual({ n: 3, cells: ['SN-0', 'Bærbar computer', 'HP', 'EliteBook 840 G0'] });
    expect(file.rows.at(2000)).toEqual({ n: 2003, cells: ['SN-X', 'Skærm', 'Dell', 'P2419H \u0000\u0001 x', 'ekstra'] });
    file.rows.release(0, 10);
    expect(() => file.rows.at(5)).toThrow(/released/);
    expect(file.rows.at(10).cells[0]).toBe('SN-10');
  });

  it('a file read a slice at a time: quoted newlines and Danish letters a slice cuts come whole, and a late Windows-1252 byte makes the whole file Windows-1252', async () => {
    // 5,000 records of ~70 bytes: the 64 KB slices cut through quoted notes and two-byte letters many times over.
    const records = Array.from({ length: 5000 }, (_, i) => [`SN-${i}`, 'Bærbar computer', `"Linje ${i} æøå\r\nanden ""linje"" ${i}"`]);
    const text = ['\uFEFFSerienummer;Kategori;Noter', ...records.map((r) => r.join(';'))].join('\r\n');
    const file = await readImportFile('u.csv', Buffer.from(text, 'utf8'));
    expect(file.headers).toEqual(['Serienummer', 'Kategori', 'Noter']);
    expect(file.rows.length).toBe(5000);
    for (let i = 0; i < 5000; i++) {
      expect(file.rows.at(i)).toEqual({ n: i + 2, cells: [`SN-${i}`, 'Bærbar computer', `Linje ${i} æøå\r\nanden "linje" ${i}`] });
    }
    // Windows-1252 (as Danish Excel saves "CSV"): plain ASCII for the first 100 KB, the first "æ" byte after that.
    const ascii = Array.from({ length: 6000 }, (_, i) => `SN-${i};Laptop;HP`);
    const latin = Buffer.from(['Serienummer;Kategori;Fabrikat', ...ascii, 'SN-X;Skærm;Dell'].join('\r\n'), 'latin1');
    expect(latin.indexOf(0xe6)).toBeGreaterThan(100 * 1024);
    const old = await readImportFile('w.csv', latin);
    expect(old.rows.length).toBe(6001);
    expect(old.rows.at(5999).cells).toEqual(['SN-5999', 'Laptop', 'HP']);
    expect(old.rows.at(6000).cells).toEqual(['SN-X', 'Skærm', 'Dell']);
  });
});
