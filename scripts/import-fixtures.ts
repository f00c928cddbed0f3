/**
 * Writes the import test files (test/fixtures/import/): `npx tsx scripts/import-fixtures.ts`. The files are
 * committed; core/import/fixtures.test.ts says what each one must give. Run again only to change them.
 */
import fs from 'node:fs';
import path from 'node:path';
import writeExcelFile from 'write-excel-file/node';

const dir = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'import');
fs.mkdirSync(dir, { recursive: true });
const write = (name: string, data: string | Uint8Array) => fs.writeFileSync(path.join(dir, name), data);

// Danish Excel's "CSV UTF-8 (semikolonsepareret)": BOM, ';', CRLF, decimal comma, dd-mm-yyyy.
write(
  'semicolon-bom-decimal-comma.csv',
  '\uFEFF' +
    [
      'Inventarnummer;Serienummer;Kategori;Fabrikat;Model;Årgang;RAM (GB);Lager (GB);Skærm (tommer);Stand;Status;Lokation;Forvaltning;Indkøbsdato;Noter',
      'KK-0500001;PF-3KX1;Bærbar computer;Lenovo;ThinkPad T14 Gen 2;2021;16;512;14,0;B;På lager;Hylde A-01;BUF;15-03-2021;Ridse på låget',
      ';5CG1234XYZ;Skærm;HP;E24 G4;;;;23,8;A;;Hylde B-02;ØKF;01-09-2020;',
      ';R52N30ABC;Tablet;Samsung;Galaxy Tab S7;2020;6;128;11;C;I brug;Valby Skole, Vigerslevvej 1;;2020-11-30;"Skærm; revnet"',
    ].join('\r\n') +
    '\r\n',
);

// An English export with ',' and a note over two lines, quoted.
write(
  'comma-quoted-newlines.csv',
  [
    'Asset Tag,Serial,Category,Manufacturer,Model,Status,Location,Company,Purchase Date,Notes',
    ',SN-QN-1,Laptops,Dell,Latitude 5420,Ready to Deploy,Hylde A-01,BUF,2022-01-15,"First line',
    'second line, with a comma"',
    ',SN-QN-2,Monitors,Dell,P2422H,Ready to Deploy,Hylde A-02,SUF,2022-02-01,"He said ""fine"""',
  ].join('\n') + '\n',
);

write('empty.csv', '');
write('header-only.csv', '\uFEFFSerienummer;Kategori;Fabrikat;Model;Lokation\r\n');
// The first bytes of a PNG (signature, IHDR), as a file someone renamed to .csv.
write(
  'binary-renamed.csv',
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    Buffer.from([0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8, 0x66]),
  ]),
);

const header = ['Serial', 'Category', 'Manufacturer', 'Model', 'Location', 'Company', 'Purchase Date', 'RAM'].map((value) => ({ value }));
await writeExcelFile([
  header,
  [{ value: 'XL-DATE-1' }, { value: 'Laptop' }, { value: 'Lenovo' }, { value: 'ThinkPad X13' }, { value: 'Hylde C-03' }, { value: 'TMF' }, { type: Date, value: new Date(Date.UTC(2019, 5, 30)), format: 'dd-mm-yyyy' }, { type: Number, value: 8 }],
  [{ value: 'XL-DATE-2' }, { value: 'Phone' }, { value: 'Apple' }, { value: 'iPhone 12' }, { value: 'Hylde C-04' }, { value: 'TMF' }, { type: Date, value: new Date(Date.UTC(2021, 0, 4)), format: 'yyyy-mm-dd' }, { type: Number, value: 4 }],
]).toFile(path.join(dir, 'xlsx-date-column.xlsx'));

// A formula cell (RAM = 4 * 4) and a text that only looks like a formula: neither is ever evaluated.
await writeExcelFile([
  header,
  [{ value: 'XL-FORMULA-1' }, { value: 'Laptop' }, { value: 'HP' }, { value: 'EliteBook 840' }, { value: 'Hylde D-01' }, { value: 'SOF' }, { value: '2022-04-01' }, { type: 'Formula', value: '4*4' }],
  [{ value: 'XL-FORMULA-2' }, { value: 'Laptop' }, { value: 'HP' }, { value: '=cmd|\' /C calc\'!A0' }, { value: 'Hylde D-01' }, { value: 'SOF' }, { value: '2022-04-01' }, { type: Number, value: 8 }],
]).toFile(path.join(dir, 'xlsx-formula.xlsx'));
