import { describe, expect, it } from 'vitest';
import { tagFromScan, tagPayload } from './payload';

describe('QR payload', () => {
  it('is the bare tag by default, so a handheld scanner types exactly the tag', () => {
    expect(tagPayload('KK-0001234')).toBe('KK-0001234');
    expect(tagPayload('KK-0001234', 'url')).toBe('kredslob://device/KK-0001234');
  });
});

describe('reading a scan', () => {
  it('accepts both payload forms and gives the tag', () => {
    expect(tagFromScan('KK-0001234')).toEqual({ tag: 'KK-0001234' });
    expect(tagFromScan('kredslob://device/KK-0001234')).toEqual({ tag: 'KK-0001234' });
  });

  it('ignores surrounding white space and case (a scanner with Caps Lock, a trailing Enter)', () => {
    expect(tagFromScan('  kk-0001234\r\n')).toEqual({ tag: 'KK-0001234' });
    expect(tagFromScan('KREDSLOB://DEVICE/KK-0001234')).toEqual({ tag: 'KK-0001234' });
  });

  it('names what is wrong with anything else', () => {
    expect(tagFromScan('   ')).toEqual({ problem: 'empty' });
    expect(tagFromScan('KK-12')).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('5701234567892')).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('KK-0001234KK-0001235')).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('kredslob://device/')).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('kredslob://device/KK-0001234/extra')).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('https://example.com/KK-0001234')).toEqual({ problem: 'foreign' });
  });
});
