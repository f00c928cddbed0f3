import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../shared/schemas';
import { memberOf } from './member-of';

describe('memberOf', () => {
  it('keeps a known value and drops anything else', () => {
    expect(memberOf(CATEGORIES, 'laptop')).toBe('laptop');
    expect(memberOf(CATEGORIES, 'Laptop')).toBeUndefined();
    expect(memberOf(CATEGORIES, '')).toBeUndefined();
    expect(memberOf(CATEGORIES, null)).toBeUndefined();
    expect(memberOf(CATEGORIES, undefined)).toBeUndefined();
  });
});
