import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './download';
import { bytesToBase64, splitSerials } from './pasted-serials';

describe('serial numbers pasted from a certificate', () => {
  it('takes a spreadsheet column with Windows line ends, trimmed, without blank lines', () => {
    expect(splitSerials('  SN-1\r\nSN-2 \r\n\r\n SN-3\r\n')).toEqual(['SN-1', 'SN-2', 'SN-3']);
  });

  it('splits a row on tabs and a written list on semicolons and commas', () => {
    expect(splitSerials('SN-1\tSN-2\tSN-3')).toEqual(['SN-1', 'SN-2', 'SN-3']);
    expect(splitSerials('SN-1; SN-2,SN-3 ;;, SN-4')).toEqual(['SN-1', 'SN-2', 'SN-3', 'SN-4']);
  });

  it('keeps a serial listed twice, so the reconciliation can report it as a duplicate', () => {
    expect(splitSerials('SN-1\nsn-1\nSN-1')).toEqual(['SN-1', 'sn-1', 'SN-1']);
  });

  it('finds nothing in blank text', () => {
    expect(splitSerials(' \n\t ;, \r\n')).toEqual([]);
  });
});

describe('a PDF as base64', () => {
  it('survives the round trip, also for a file larger than one chunk', () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 31) % 256);
    const back = base64ToBytes(bytesToBase64(bytes));
    expect(back).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('%PDF-1.7'))).toBe(btoa('%PDF-1.7'));
  });
});
