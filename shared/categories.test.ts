import { describe, expect, it } from 'vitest';
import { CATEGORY_FACTS, WEEE_CATEGORIES, isValidCvr, weeeOf } from './categories';
import { CATEGORIES } from './schemas';

describe('the WEEE category of each device category (2012/19/EU Annex III)', () => {
  it('puts devices with screens over 100 cm² in 2, large equipment in 4, small IT in 6', () => {
    const weee = Object.fromEntries(CATEGORIES.map((c) => [c, CATEGORY_FACTS[c].weee]));
    expect(weee).toEqual({
      laptop: 2,
      tablet: 2,
      monitor: 2,
      server: 4,
      printer_mfp: 4,
      desktop: 6,
      workstation: 6,
      thin_client: 6,
      phone: 6,
      printer: 6,
      network: 6,
      docking_station: 6,
      peripheral: 6,
      other: 5,
    });
    for (const c of CATEGORIES) expect(WEEE_CATEGORIES).toContain(CATEGORY_FACTS[c].weee);
  });

  it("declares a device under its category's WEEE category unless the device overrides it", () => {
    expect(weeeOf({ category: 'laptop' })).toBe(2);
    expect(weeeOf({ category: 'laptop', weeeOverride: 6 })).toBe(6);
    expect(weeeOf({ category: 'other', weeeOverride: 4 })).toBe(4);
    for (const category of CATEGORIES) expect(weeeOf({ category })).toBe(CATEGORY_FACTS[category].weee);
  });
});

describe('the CVR modulus-11 check', () => {
  it('accepts numbers that pass the check', () => {
    expect(isValidCvr('64942212')).toBe(true); // Københavns Kommune
    expect(isValidCvr('29189374')).toBe(true); // 2·2+9·7+1·6+8·5+9·4+3·3+7·2+4·1 = 176 = 16·11
  });

  it('refuses a wrong check digit, a leading zero, letters, spaces and other lengths', () => {
    expect(isValidCvr('64942213')).toBe(false);
    expect(isValidCvr('04942212')).toBe(false);
    expect(isValidCvr('6494221A')).toBe(false);
    expect(isValidCvr('6494 2212')).toBe(false);
    expect(isValidCvr('649422120')).toBe(false);
    expect(isValidCvr('')).toBe(false);
  });
});
