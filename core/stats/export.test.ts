/**
 * The statistics exports on a small hand-made trail, every expected cell written out by hand. Danish time is
 * UTC+1 in January and February 2026. Three devices:
 * - P, a laptop (2 kg, WEEE 2) of BUF with the note =HYPERLINK(…): reported 5 Jan 10:00 UTC, handed over
 *   31 Jan 22:30 UTC (23:30 Danish time on the last day of the month) replacing a purchase: 235.9 kg CO2e (v1).
 * - Q, a docking station (0.6 kg, WEEE 6, no factor) of ØKF: reported 2 Feb, handed over 10 Feb replacing a purchase: 0.
 * - R, a desktop (5.3 kg, WEEE 6) of BUF with the note +45 12 34 56 78: reported 3 Jan, routed to e-waste
 *   20 Jan, recycled 20 Feb.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
// why: fflate is write-excel-file's own zip library (a dependency of it), used here only to look inside the file
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FACTOR_VERSION } from './factors';
import type { Device, NewTrailEvent } from '../../shared/schemas';
import { seedReferenceData } from '../demo/generate';
import { FileStore } from '../store/file/file-store';
import { device } from '../store/store-contract';
import type { Store } from '../store/store';
import { tempDir } from '../testing/harness';
import { openStatsExport, type StatsExportInput } from './export';
import type { FactorVersionAt } from './summary';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const P = device({ id: 'd-p', assetTag: 'KK-0000101', serial: 'SER-P', category: 'laptop', weightKg: 2, departmentId: 'dep-suf', status: 'reused', notes: HYPERLINK, reportedAt: '2026-01-05T10:00:00.000Z' });
const Q = device({ id: 'd-q', assetTag: 'KK-0000102', serial: 'SER-Q', category: 'docking_station', manufacturer: 'Dell', model: 'WD19', weightKg: 0.6, departmentId: 'dep-suf', status: 'reused', reportedAt: '2026-02-02T10:00:00.000Z' });
const R = device({ id: 'd-r', assetTag: 'KK-0000103', serial: 'SER-R', category: 'desktop', manufacturer: 'HP', model: 'EliteDesk', weightKg: 5.3, status: 'recycled', notes: '+45 12 34 56 78', reportedAt: '2026-01-03T10:00:00.000Z' });

type Body = { type: string } & Record<string, unknown>;
const ev = (d: Device, at: string, body: Body): NewTrailEvent =>
  ({ id: `e-${d.id}-${at}`, deviceId: d.id, at, actor: { id: 'user-warehouse-1', name: 'Lager', role: 'warehouse' }, locationId: d.locationId, locationName: 'Hylde A-01', ...body }) as NewTrailEvent; // why: each body is one TrailEvent variant's own fields
const handedOver = (d: Device, at: string, from: string) =>
  ev(d, at, { type: 'handed_over', reservationId: 'r', fromDepartmentId: from, toDepartmentId: 'dep-suf', replacesNewPurchase: true });

const TRAILS: [Device, NewTrailEvent[]][] = [
  [P, [ev(P, '2026-01-05T10:00:00.000Z', { type: 'reported', departmentId: 'dep-buf' }), handedOver(P, '2026-01-31T22:30:00.000Z', 'dep-buf')]],
  [Q, [ev(Q, '2026-02-02T10:00:00.000Z', { type: 'reported', departmentId: 'dep-okf' }), handedOver(Q, '2026-02-10T10:00:00.000Z', 'dep-okf')]],
  [
    R,
    [
      ev(R, '2026-01-03T10:00:00.000Z', { type: 'reported', departmentId: 'dep-buf' }),
      ev(R, '2026-01-20T10:00:00.000Z', { type: 'routed_to_ewaste', reason: 'defective' }),
      ev(R, '2026-02-20T10:00:00.000Z', { type: 'recycled', batchId: 'b1', certificateNo: 'C1' }),
    ],
  ],
];

const versionAt: FactorVersionAt = () => DEFAULT_FACTOR_VERSION;
const PERIOD = { from: '2026-01-01', to: '2026-03-01', groupBy: 'month' } as const;

/** Everything written to the stream, as one buffer. */
async function written(input: StatsExportInput, store: Store, locale: 'da' | 'en' = 'da'): Promise<{ bytes: Buffer; progress: number[]; rows: number; fileName: string }> {
  const file = await openStatsExport(store, versionAt, input, locale);
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const progress: number[] = [];
  await file.write(out, (n) => progress.push(n));
  return { bytes: Buffer.concat(chunks), progress, rows: file.rows, fileName: file.fileName };
}

describe('statistics exports', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = tempDir();
    store = await FileStore.open(dir, { log: () => {} });
    await seedReferenceData(store);
    for (const [d, trail] of TRAILS) {
      await store.transaction(async (tx) => {
        tx.putDevice(d);
        for (const e of trail) await tx.appendEvent(e);
      });
    }
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists one CSV row per counted event for Danish Excel: BOM, ;, CRLF, decimal comma, Danish dates, notes neutralised', async () => {
    const { bytes, rows, fileName, progress } = await written({ ...PERIOD, file: 'devices_csv' }, store);
    expect(fileName).toBe('kredslob-statistik-enheder-2026-01-01-2026-02-28.csv');
    expect(rows).toBe(7);
    expect(progress.at(-1)).toBe(7);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'Hændelse;Dato;Tidspunkt (dansk tid);Anmeldt;Inventarnummer;Producent;Model;Serienummer;Forvaltning;Kategori;WEEE-kategori;kg;Erstatter nyindkøb;kg CO2e krediteret;Faktorversion;Dage til genbrug;Bemærkninger',
      "Anmeldt;03-01-2026;03-01-2026 11:00;03-01-2026;KK-0000103;HP;EliteDesk;SER-R;Børne- og Ungdomsforvaltningen;Stationær computer;6;5,3;;;;;'+45 12 34 56 78",
      'Anmeldt;05-01-2026;05-01-2026 11:00;05-01-2026;KK-0000101;Lenovo;ThinkPad T14;SER-P;Børne- og Ungdomsforvaltningen;Bærbar computer;2;2;;;;;"\'=HYPERLINK(""http://x"",""y"")"',
      "Til elektronikaffald;20-01-2026;20-01-2026 11:00;03-01-2026;KK-0000103;HP;EliteDesk;SER-R;Børne- og Ungdomsforvaltningen;Stationær computer;6;5,3;;;;;'+45 12 34 56 78",
      // 5 Jan 10:00 → 31 Jan 22:30 UTC = 26 d 12.5 h = 26.52 days; 23:30 Danish time on 31 January.
      'Genbrugt;31-01-2026;31-01-2026 23:30;05-01-2026;KK-0000101;Lenovo;ThinkPad T14;SER-P;Børne- og Ungdomsforvaltningen;Bærbar computer;2;2;Ja;235,9;1;26,5;"\'=HYPERLINK(""http://x"",""y"")"',
      'Anmeldt;02-02-2026;02-02-2026 11:00;02-02-2026;KK-0000102;Dell;WD19;SER-Q;Økonomiforvaltningen;Dockingstation;6;0,6;;;;;',
      // No factor for docking stations: credited 0, with the version that said so.
      'Genbrugt;10-02-2026;10-02-2026 11:00;02-02-2026;KK-0000102;Dell;WD19;SER-Q;Økonomiforvaltningen;Dockingstation;6;0,6;Ja;0;1;8;',
      "Genanvendt;20-02-2026;20-02-2026 11:00;03-01-2026;KK-0000103;HP;EliteDesk;SER-R;Børne- og Ungdomsforvaltningen;Stationær computer;6;5,3;;;;;'+45 12 34 56 78",
      '',
    ]);
  });

  it('writes the summary CSV: a row per month, the totals, "–" for a month without outcomes, and the factor version used', async () => {
    const { bytes, rows } = await written({ from: '2026-01-01', to: '2026-04-01', groupBy: 'month', file: 'summary_csv' }, store);
    expect(rows).toBe(4);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.split(';').slice(0, 5)).toEqual(['Måned', 'Anmeldt, antal', 'Anmeldt, kg', 'Modtaget på lager, antal', 'Modtaget på lager, kg']);
    // Columns: month; 7 × (count; kg); rate by count; by kg; kg CO2e; credited; no factor; not replacing; n; median; p90.
    // January: reported R P (7.3 kg); P reused (2 kg); R routed (5.3). Rate 1 ÷ 1 = 100 %. Days 26.52.
    expect(lines[1]).toBe('2026-01;2;7,3;0;0;0;0;1;2;1;5,3;0;0;0;0;100;100;235,9;1;0;0;1;26,5;26,5');
    // February: reported Q (0.6); Q reused (0.6); R recycled (5.3). Rate 1 ÷ 2 = 50 %; by kg 0.6 ÷ 5.9 = 10.2 %.
    expect(lines[2]).toBe('2026-02;1;0,6;0;0;0;0;1;0,6;0;0;1;5,3;0;0;50;10,2;0;0;1;0;1;8;8');
    // March: nothing happened, so no rate: "–", never 0 % (and no days either).
    expect(lines[3]).toBe('2026-03;0;0;0;0;0;0;0;0;0;0;0;0;0;0;–;–;0;0;0;0;0;–;–');
    // Totals: 3 reported (7.9 kg), 2 reused (2.6), 1 routed, 1 recycled: 2 ÷ 3 = 66.7 %, by kg 2.6 ÷ 7.9 = 32.9 %.
    // Days 8 and 26.52: median (rank 1) 8, p90 (rank 2) 26.5.
    expect(lines[4]).toBe('I alt;3;7,9;0;0;0;0;2;2,6;1;5,3;1;5,3;0;0;66,7;32,9;235,9;1;1;0;2;8;26,5');
    expect(lines[5]).toBe('');
    expect(lines[6]).toBe('Faktorversion;Oprettet;Udleveringer med faktor;Kilde');
    // The source text holds a ';' ("… for its contents; this derived table …"), so it is quoted.
    expect(lines[7]!.startsWith('1;23-02-2023;1;"Boavizta, environmental-footprint-data')).toBe(true);
  });

  it('writes an XLSX that reads back with real numbers and dates, the note as text (not a formula), and the factors with the Boavizta credit', async () => {
    const { bytes, rows, fileName } = await written({ ...PERIOD, file: 'xlsx' }, store);
    expect(fileName).toBe('kredslob-statistik-2026-01-01-2026-02-28.xlsx');
    expect(rows).toBe(3 + 7);
    const file = path.join(dir, 'export.xlsx');
    fs.writeFileSync(file, bytes);
    const devices = await readSheet(file, 'Enheder');
    expect(devices).toHaveLength(8);
    const handOver = devices[4]!;
    expect(handOver.slice(0, 4)).toEqual(['Genbrugt', new Date('2026-01-31T00:00:00.000Z'), new Date('2026-01-31T23:30:00.000Z'), new Date('2026-01-05T00:00:00.000Z')]);
    expect(handOver.slice(10)).toEqual([2, 2, 'Ja', 235.9, 1, 26.5, HYPERLINK]);
    expect(devices[1]![16]).toBe('+45 12 34 56 78');
    // Inside the zip: no sheet holds a formula, and the note is a shared string (t="s"), as typed.
    const parts = unzipSync(bytes);
    const sheets = Object.keys(parts).filter((name) => name.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(3);
    for (const name of sheets) expect(strFromU8(parts[name]!)).not.toContain('<f>');
    expect(strFromU8(parts['xl/sharedStrings.xml']!)).toContain('<si><t>=HYPERLINK("http://x","y")</t></si>');

    const summary = await readSheet(file, 'Oversigt');
    expect(summary.map((r) => r[0])).toEqual(['Måned', '2026-01', '2026-02', 'I alt']);
    expect(summary[3]!.slice(15, 18)).toEqual([66.7, 32.9, 235.9]);

    const factors = await readSheet(file, 'Emissionsfaktorer');
    expect(factors[0]).toEqual(['Faktorversion', 'Oprettet', 'Kategori', 'kg CO2e pr. ny enhed', 'Kilde']);
    expect(factors[1]!.slice(0, 4)).toEqual([1, new Date('2023-02-23T00:00:00.000Z'), 'Bærbar computer', 235.9]);
    expect(String(factors[1]![4])).toContain('Boavizta');
    expect(factors.find((r) => r[2] === 'Dockingstation')![3]).toBe('ingen faktor');
    expect(String(factors.at(-1)![4])).toContain('Open Database License (ODbL-1.0)');
  });

  it('names the factor version of each hand-over when the table was edited between them, and lists both versions', async () => {
    // Version 2 of 5 Feb 12:00 gives docking stations 10 kg: P (31 Jan) stays on version 1, Q (10 Feb) gets 10 from version 2.
    const v2 = { ...DEFAULT_FACTOR_VERSION, number: 2, factors: { ...DEFAULT_FACTOR_VERSION.factors, docking_station: 10 }, source: 'Edited: docking stations 10 kg', createdAt: '2026-02-05T12:00:00.000Z' };
    const edited: FactorVersionAt = (_reads, at) => (at >= v2.createdAt ? v2 : DEFAULT_FACTOR_VERSION);
    const csv = await openStatsExport(store, edited, { ...PERIOD, file: 'devices_csv' }, 'da');
    const chunks: string[] = [];
    await csv.write(new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk.toString('utf8')), done()) }));
    const handOvers = chunks.join('').split('\r\n').filter((l) => l.startsWith('Genbrugt;'));
    expect(handOvers.map((l) => l.split(';').slice(12, 15))).toEqual([
      ['Ja', '235,9', '1'],
      ['Ja', '10', '2'],
    ]);
    const xlsx = await openStatsExport(store, edited, { ...PERIOD, file: 'xlsx' }, 'da');
    const parts: Buffer[] = [];
    await xlsx.write(new Writable({ write: (chunk: Buffer, _e, done) => (parts.push(chunk), done()) }));
    const file = path.join(dir, 'edited.xlsx');
    fs.writeFileSync(file, Buffer.concat(parts));
    const factors = await readSheet(file, 'Emissionsfaktorer');
    // A header, 14 categories for each of the two versions, and the credit.
    expect(factors).toHaveLength(1 + 2 * 14 + 1);
    expect(factors.filter((r) => r[2] === 'Dockingstation').map((r) => [r[0], r[3]])).toEqual([
      [1, 'ingen faktor'],
      [2, 10],
    ]);
    expect(factors[15]![4]).toBe('Edited: docking stations 10 kg');
  });

  it('writes in the caller language', async () => {
    const { bytes } = await written({ ...PERIOD, file: 'devices_csv' }, store, 'en');
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('Event;Date;Time (Danish time);Reported;Asset tag')).toBe(true);
    expect(lines[4]!.startsWith('Reused;31-01-2026;31-01-2026 23:30;05-01-2026;KK-0000101;Lenovo;ThinkPad T14;SER-P;Children and Youth Administration;Laptop;2;2;Yes;235,9;1;')).toBe(true);
  });

  it('waits for a slow reader instead of piling the file up in memory', async () => {
    const file = await openStatsExport(store, versionAt, { ...PERIOD, file: 'devices_csv' }, 'da');
    const received: Buffer[] = [];
    const release: (() => void)[] = [];
    // A sink that takes one chunk and then holds on until told: its buffer is full after the header.
    const out = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, done) {
        received.push(chunk);
        release.push(done);
      },
    });
    let finished = false;
    const writing = file.write(out).then(() => {
      finished = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(received).toHaveLength(1);
    expect(finished).toBe(false);
    while (!finished) {
      release.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await writing;
    expect(received).toHaveLength(2);
    expect(Buffer.concat(received).toString('utf8').split('\r\n')).toHaveLength(9);
  });
});
