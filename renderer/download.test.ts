import { describe, expect, it } from 'vitest';
import { base64ToBytes, labelFileName } from './download';

describe('the label PDF as a file', () => {
  it('is named by its first and last tag and the stock', () => {
    expect(labelFileName(['KK-0000401', 'KK-0000402', 'KK-0000465'], 'avery-l7651')).toBe('kredslob-maerkater-KK-0000401-KK-0000465-avery-l7651.pdf');
  });

  it('names a single label once', () => {
    expect(labelFileName(['KK-0000042'], 'brother-dk11209')).toBe('kredslob-maerkater-KK-0000042-brother-dk11209.pdf');
  });

  it('keeps nothing a file system could read as a path', () => {
    expect(labelFileName(['../etc/passwd', 'a b'], 'dymo-11355')).toBe('kredslob-maerkater-etcpasswd-ab-dymo-11355.pdf');
  });

  it('gets the bytes the core sent, binary included', () => {
    const bytes = base64ToBytes(Buffer.from('%PDF-1.7\n\u00ff\u0000', 'latin1').toString('base64'));
    expect(Array.from(bytes)).toEqual([...Buffer.from('%PDF-1.7\n\u00ff\u0000', 'latin1')]);
  });
});
