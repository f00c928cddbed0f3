import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

/** The cells of a file as a reader that knows the format would split them (quotes, doubled quotes, ; and CRLF). */
function parse(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const text = csv.slice(1);
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const next = text[i + 1];
    if (quoted && c === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ';') {
      endCell();
    } else if (!quoted && c === '\r' && next === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else {
      cell += c;
    }
  }
  expect(cell, 'the file ends with CRLF').toBe('');
  return rows;
}

describe('CSV for Danish Excel', () => {
  it('starts with the UTF-8 byte-order mark, separates cells with ; and ends every line with CRLF', () => {
    const csv = toCsv([
      ['Inventarnummer', 'Model'],
      ['KK-0000001', 'Lenovo ThinkPad T14'],
    ]);
    expect(csv).toBe('\uFEFFInventarnummer;Model\r\nKK-0000001;Lenovo ThinkPad T14\r\n');
    // The byte-order mark is the three bytes Excel looks for once the text is written as UTF-8.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps Danish letters as they are', () => {
    expect(parse(toCsv([['Børne- og Ungdomsforvaltningen', 'Hylde Æ-Ø-Å']]))).toEqual([['Børne- og Ungdomsforvaltningen', 'Hylde Æ-Ø-Å']]);
  });

  it('quotes a cell holding the separator, a quote or a line break, so it stays one cell', () => {
    const cells = ['Skærm; 24"', 'linje 1\r\nlinje 2', 'kun\nLF', 'Dell "UltraSharp"'];
    const csv = toCsv([cells]);
    expect(csv).toBe('\uFEFF"Skærm; 24""";"linje 1\r\nlinje 2";"kun\nLF";"Dell ""UltraSharp"""\r\n');
    expect(parse(csv)).toEqual([cells]);
  });

  it('puts an apostrophe before text Excel would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      const text = `${start}HYPERLINK("http://x","klik")`;
      const cell = csvCell(text);
      expect(cell.replace(/^"/, ''), JSON.stringify(text)).toMatch(/^'/);
      expect(parse(toCsv([[text]]))).toEqual([[`'${text}`]]);
    }
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('-5')).toBe("'-5");
    // Only the first character matters: a formula sign inside the text is harmless.
    expect(csvCell('KK-0000001')).toBe('KK-0000001');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers with a decimal comma and never prefixes them, negative ones included', () => {
    expect(csvCell(1.5)).toBe('1,5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(2000)).toBe('2000');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('leaves missing values empty', () => {
    expect(toCsv([['a', undefined, null, '', 'b']])).toBe('\uFEFFa;;;;b\r\n');
  });
});
