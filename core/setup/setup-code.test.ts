import { describe, expect, it } from 'vitest';
import { makeSetupCode, sameSetupCode } from './setup-code';

describe('setup code', () => {
  it('is four groups of four letters and digits people do not confuse, different each time', () => {
    const codes = new Set(Array.from({ length: 50 }, makeSetupCode));
    expect(codes.size).toBe(50);
    for (const c of codes) expect(c).toMatch(/^[A-HJ-KM-NP-Z2-9]{4}(-[A-HJ-KM-NP-Z2-9]{4}){3}$/);
  });

  it('compares without case, spaces or dashes, and never matches a missing or empty code', () => {
    expect(sameSetupCode('abcd-efgh-jkmn-pqrs', 'ABCD-EFGH-JKMN-PQRS')).toBe(true);
    expect(sameSetupCode('ABCDEFGH JKMNPQRS', 'ABCD-EFGH-JKMN-PQRS')).toBe(true);
    expect(sameSetupCode('ABCD-EFGH-JKMN-PQRT', 'ABCD-EFGH-JKMN-PQRS')).toBe(false);
    expect(sameSetupCode(undefined, 'ABCD-EFGH-JKMN-PQRS')).toBe(false);
    expect(sameSetupCode(' - ', 'ABCD-EFGH-JKMN-PQRS')).toBe(false);
    expect(sameSetupCode('ABCD', undefined)).toBe(false);
  });
});
