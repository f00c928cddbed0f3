import { describe, expect, it } from 'vitest';
import { formatDay } from './format';

describe('a calendar day as people write it', () => {
  it('is day.month.year in Danish and day/month/year in English, with no time and no shift across midnight', () => {
    expect(formatDay('2026-11-02', 'da')).toBe('02.11.2026');
    expect(formatDay('2026-11-02', 'en')).toBe('02/11/2026');
    expect(formatDay('2026-12-31', 'da')).toBe('31.12.2026');
  });

  it('shows anything that is not a day as it came, and nothing for no day', () => {
    expect(formatDay('2026-11-02T08:00:00Z', 'da')).toBe('2026-11-02T08:00:00Z');
    expect(formatDay(undefined, 'da')).toBe('');
  });
});
