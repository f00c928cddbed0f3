/** A PDF the app handed over as a download, read back as a person would: its name and its text (poppler's pdftotext). */
import type { Download } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from './fixtures';

/** The downloaded file: its suggested name, and its text as pdftotext reads it (after checking it is a PDF). */
export async function readPdf(download: Download): Promise<{ name: string; text: string; tags: string[] }> {
  const file = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { name: download.suggestedFilename(), text, tags: [...text.matchAll(/KK-\d{7}/g)].map((m) => m[0]) };
}
