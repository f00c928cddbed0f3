import { describe, expect, it } from 'vitest';
import { AssetTag } from './schemas';
import { DEFAULT_TAG_FORMAT, formatTag, isTagOf, tagExample, tagFormatOf, tagNumber } from './tag-format';
import { tagFromScan } from './labels/payload';

describe('the asset tag format', () => {
  it('is KK and 7 digits unless the settings choose another, so every tag written before settings had it stays valid', () => {
    expect(tagFormatOf({})).toEqual(DEFAULT_TAG_FORMAT);
    expect(formatTag(DEFAULT_TAG_FORMAT, 1234)).toBe('KK-0001234');
    expect(tagFormatOf({ tagPrefix: 'RK', tagWidth: 5 })).toEqual({ prefix: 'RK', width: 5 });
    expect(tagExample({ prefix: 'RK', width: 5 })).toBe('RK-01234');
  });

  it('keeps every digit of a number past the width, and reads the number back', () => {
    const tag = formatTag({ prefix: 'IT', width: 5 }, 123_456);
    expect(tag).toBe('IT-123456');
    expect(isTagOf({ prefix: 'IT', width: 5 }, tag)).toBe(true);
    expect(tagNumber(tag)).toBe(123_456);
  });

  it("says a text is a tag only with the format's prefix and at least its width of digits", () => {
    const rk = { prefix: 'RK', width: 6 };
    expect(isTagOf(rk, 'RK-000001')).toBe(true);
    expect(isTagOf(rk, 'RK-00001')).toBe(false);
    expect(isTagOf(rk, 'KK-0000001')).toBe(false);
    expect(isTagOf(rk, 'RKX-000001')).toBe(false);
    expect(isTagOf(rk, 'RK-00000000001')).toBe(false);
  });

  it('scans in the given format only: a batch number or another prefix of the same shape is not a tag', () => {
    const rk = { prefix: 'RK', width: 6 };
    expect(tagFromScan(' rk-000001 ', rk)).toEqual({ tag: 'RK-000001' });
    expect(tagFromScan('kredslob://device/RK-000001', rk)).toEqual({ tag: 'RK-000001' });
    expect(tagFromScan('KK-0000001', rk)).toEqual({ problem: 'not_a_tag' });
    expect(tagFromScan('AP-000001')).toEqual({ problem: 'not_a_tag' });
    // The contract lets any allowed shape through; the store's format decides.
    expect(AssetTag.safeParse('rk-000001').data).toBe('RK-000001');
    expect(AssetTag.safeParse('KK-12').success).toBe(false);
  });
});
