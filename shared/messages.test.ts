import { describe, expect, it } from 'vitest';
import { contract } from './contract';
import { issueFields } from './messages';

const schema = contract['devices.report'].input;
const fieldsOf = (input: unknown, locale: 'da' | 'en' = 'da') => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error('expected a refusal');
  return issueFields(r.error.issues, input, locale);
};

describe('field messages from zod issues', () => {
  it('says "required" where the input has no value, and names the problem where it has a wrong one', () => {
    const f = fieldsOf({ category: 'spaceship', manufacturer: 'Dell', model: 5, locationId: 'x' });
    expect(f.serial).toBe('Skal udfyldes.');
    expect(f.category).toBe('Vælg en af de tilladte værdier.');
    expect(f.model).toBe('Forkert type (forventede string).');
  });

  it('says "required" for a missing choice (an enum), not "choose an allowed value"', () => {
    expect(fieldsOf({ manufacturer: 'Dell', model: 'P1', serial: 'S', locationId: 'x' }, 'en').category).toBe('Required.');
  });

  it('names an unknown field and a malformed asset tag in their own words', () => {
    const f = fieldsOf({ category: 'monitor', manufacturer: 'Dell', model: 'P1', serial: 'S', locationId: 'x', assetTag: 'KK-12', colour: 'red' });
    expect(f.assetTag).toBe('Inventarnummeret skal have formen KK-0001234.');
    expect(f._).toBe('Ukendte felter.');
  });
});
