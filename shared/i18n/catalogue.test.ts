import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors';
import { errorMessage } from '../messages';
import { da } from './da';
import { en } from './en';
import { LOCALES, translatePlural, type MessageKey } from './index';

const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the message catalogue', () => {
  it('has a non-empty Danish and English text for every key, with the same parameters in both', () => {
    for (const key of Object.keys(da) as MessageKey[]) {
      expect(da[key].trim(), `da ${key}`).not.toBe('');
      expect(en[key].trim(), `en ${key}`).not.toBe('');
      expect(params(en[key]), `parameters of ${key}`).toEqual(params(da[key]));
    }
  });

  it('says every error code as a whole sentence, with no parameter left unfilled, in both languages', () => {
    for (const locale of LOCALES) {
      for (const code of ERROR_CODES) {
        const text = errorMessage(code, {}, locale);
        expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}/);
        expect(text.charAt(0), `${locale} ${code} starts with a capital`).toBe(text.charAt(0).toUpperCase());
      }
    }
  });

  it('names actions and states by their labels, not their codes', () => {
    expect(errorMessage('TRANSITION_NOT_ALLOWED', { action: 'publish', status: 'reserved', assetTag: 'KK-0000042' }, 'da')).toBe(
      'Du kan ikke bruge "Sæt på genbrugsbørsen" på KK-0000042, fordi den har status "Reserveret".',
    );
    expect(errorMessage('SANITIZATION_REQUIRED', {}, 'en')).toMatch(/^The device is data-bearing/);
  });

  it('picks plural forms by the language rules', () => {
    expect(translatePlural('da', 'search.total', 1)).toBe('1 enhed');
    expect(translatePlural('da', 'search.total', 2, { count: '2' })).toBe('2 enheder');
    expect(translatePlural('en', 'search.total', 0)).toBe('0 devices');
    expect(translatePlural('en', 'search.total', 1)).toBe('1 device');
  });
});
