import { describe, expect, it } from 'vitest';
import { CATEGORY_FACTS } from '../shared/categories';
import { formatNumber } from '../shared/format';
import { translate } from '../shared/i18n';
import { weightText } from './labels';

describe('a weight as the device facts and the e-waste queue show it', () => {
  const inDanish = (device: Parameters<typeof weightText>[0]) =>
    weightText(device, (key, params) => translate('da', key, params), (n, digits) => formatNumber(n, 'da', digits), 2);

  it("says 'typisk' when the weight is the category's typical one, which a report without a weight is given", () => {
    expect(CATEGORY_FACTS.laptop.typicalWeightKg).toBe(1.6);
    expect(inDanish({ category: 'laptop', weightKg: 1.6 })).toBe('1,6 kg (typisk)');
  });

  it('shows a weighed weight as it is', () => {
    expect(inDanish({ category: 'laptop', weightKg: 2.05 })).toBe('2,05 kg');
  });

  it('says it in English too', () => {
    expect(weightText({ category: 'laptop', weightKg: 1.6 }, (key, params) => translate('en', key, params), (n) => formatNumber(n, 'en', 1), 1)).toBe(
      '1.6 kg (typical)',
    );
  });
});
