import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, serialsFromCsv, serialsFromFile, serialsFromRows } from './serial-import';

/** A minimal XLSX workbook (one sheet, inline strings), as a recycler's system might export it. */
function xlsx(rows: string[][]): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const sheetRows = rows
    .map((r, y) => `<row r="${y + 1}">${r.map((v, x) => `<c r="${col(x)}${y + 1}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`).join('')}</row>`)
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bevis" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`,
    ),
  });
}

describe('serials from a recycler file', () => {
  it('reads the serial column of a Danish CSV with a BOM, semicolons and a quoted field', () => {
    const csv = '\uFEFFVare;Serienummer;Vægt\r\n"HP; EliteBook";5CG1234XYZ;1,6\r\nDell;  ABC-99 ;2\r\n;;\r\n';
    expect(serialsFromCsv(csv)).toEqual({ ok: true, serials: ['5CG1234XYZ', 'ABC-99'], column: 'Serienummer' });
  });

  it('reads an English header with commas, and a one-column list without a header', () => {
    expect(serialsFromCsv('Make,Serial No.,Model\nHP,SN1,X\nHP,SN2,Y\n')).toEqual({ ok: true, serials: ['SN1', 'SN2'], column: 'Serial No.' });
    expect(serialsFromCsv('SN1\n\nSN2\n')).toEqual({ ok: true, serials: ['SN1', 'SN2'], column: null });
  });

  it('says which problem a file has: several columns and none named serial; nothing in it', () => {
    expect(serialsFromCsv('Vare;Model\nHP;X\n')).toEqual({ ok: false, problem: 'no_serial_column' });
    expect(serialsFromCsv('\uFEFF\r\n')).toEqual({ ok: false, problem: 'empty' });
    expect(serialsFromRows([['S/N'], ['']])).toEqual({ ok: false, problem: 'empty' });
  });

  it('decodes a Windows-1252 CSV (Excel on Danish Windows) as well as UTF-8', () => {
    const cp1252 = new Uint8Array([0x53, 0x65, 0x72, 0x69, 0x65, 0x6e, 0x72, 0x3b, 0x4d, 0xe6, 0x72, 0x6b, 0x65, 0x0a, 0x41, 0x31, 0x3b, 0xf8]);
    expect(decodeCsvBytes(cp1252)).toBe('Serienr;Mærke\nA1;ø');
    expect(decodeCsvBytes(new TextEncoder().encode('Serienr;Mærke'))).toBe('Serienr;Mærke');
  });

  it('reads the first sheet of an XLSX file by its content, whatever the file is called', async () => {
    const bytes = xlsx([
      ['Certifikat 2026-118', ''],
      ['Model', 'S/N'],
      ['EliteBook', 'CND123'],
      ['Latitude', ' cnd456 '],
    ]);
    // A title row above the table is passed over; the header row names the column.
    expect(await serialsFromFile(new Blob([bytes.slice()]))).toEqual({ ok: true, serials: ['CND123', 'cnd456'], column: 'S/N' });
  });

  it('calls a ZIP that is not a workbook unreadable', async () => {
    const zip = zipSync({ 'a.txt': strToU8('x') });
    expect(await serialsFromFile(new Blob([zip.slice()]))).toEqual({ ok: false, problem: 'unreadable' });
  });
});
