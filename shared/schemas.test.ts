import { describe, expect, it } from 'vitest';
import { IsoDay } from './schemas';

describe('a calendar day (IsoDay)', () => {
  it('takes real days and refuses other formats and impossible days with day_format, never throwing', () => {
    expect(IsoDay.safeParse('2026-11-02').success).toBe(true);
    expect(IsoDay.safeParse('2028-02-29').success).toBe(true);
    for (const bad of ['02-11-2026', '2026-13-40', '2026-02-30', '2027-02-29', 'i dag', '']) {
      const r = IsoDay.safeParse(bad);
      expect(r.success, bad).toBe(false);
      expect(r.error?.issues.every((i) => i.message === 'day_format'), bad).toBe(true);
    }
  });
});
