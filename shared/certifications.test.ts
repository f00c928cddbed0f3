import { describe, expect, it } from 'vitest';
import { addDays, certificationStanding } from './certifications';

describe('a certification on a day', () => {
  it('is valid through its last day and expired the day after', () => {
    expect(certificationStanding('2026-11-29', '2026-11-29')).toBe('expiring');
    expect(certificationStanding('2026-11-28', '2026-11-29')).toBe('expired');
  });

  it('is marked as expiring within 60 days and valid beyond', () => {
    expect(certificationStanding(addDays('2026-11-29', 60), '2026-11-29')).toBe('expiring');
    expect(certificationStanding(addDays('2026-11-29', 61), '2026-11-29')).toBe('valid');
  });

  it('counts calendar days across a month and a leap day', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01');
  });
});
