import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/harness';
import { renderPdfInWorker, type PlainDocument } from './pdfmake';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function textOf(bytes: Uint8Array): string {
  const dir = tempDir('kredslob-pdf-');
  dirs.push(dir);
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

const doc = (text: string, font = 'Roboto'): PlainDocument => ({
  pageSize: 'A4',
  pageMargins: [40, 40, 40, 50],
  defaultStyle: { font },
  content: [{ text }],
});

describe('PDFs laid out in the worker thread', () => {
  it('hands each caller its own document, Danish letters and footer included, when several are asked for at once', async () => {
    const [a, b] = await Promise.all([
      renderPdfInWorker(doc('Første dokument: æøå ÆØÅ'), { left: 'Dannet af Lise', pages: 'Side {current} af {total}' }),
      renderPdfInWorker(doc('Andet dokument')),
    ]);
    const textA = textOf(a!);
    expect(textA).toContain('Første dokument: æøå ÆØÅ');
    expect(textA).toMatch(/Dannet af Lise\s+Side 1 af 1/);
    expect(textA).not.toContain('Andet dokument');
    expect(textOf(b!)).toContain('Andet dokument');
  });

  it('refuses a document pdfmake cannot lay out, and the next one still renders', async () => {
    await expect(renderPdfInWorker(doc('x', 'NoSuchFont'))).rejects.toThrow(/PDF rendering failed/);
    expect(textOf(await renderPdfInWorker(doc('Efter fejlen')))).toContain('Efter fejlen');
  });
});
