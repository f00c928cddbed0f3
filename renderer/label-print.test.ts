import { describe, expect, it } from 'vitest';
import { pageState, parseBatch, rememberedSettings, selectionInTagOrder, startOutOfRange, toggleDevice, togglePage, type Selection } from './label-print';

const dev = (n: number) => ({ id: `d${n}`, assetTag: `KK-${String(n).padStart(7, '0')}` });

describe('the print settings a person left last time', () => {
  it('come back as they were', () => {
    expect(rememberedSettings('avery-l7160', '12')).toEqual({ stock: 'avery-l7160', start: '12' });
  });

  it('fall back to an A4 sheet from position 1 when nothing, or nothing usable, was stored', () => {
    expect(rememberedSettings(undefined, undefined)).toEqual({ stock: 'avery-l7651', start: '1' });
    expect(rememberedSettings('avery-l9999', 'x')).toEqual({ stock: 'avery-l7651', start: '1' });
  });

  it("offer the organisation's default stock (Indstillinger) when this PC has printed none, and the PC's own choice after", () => {
    expect(rememberedSettings(undefined, undefined, 'brother-dk11209')).toEqual({ stock: 'brother-dk11209', start: '1' });
    expect(rememberedSettings('avery-l7160', '12', 'brother-dk11209')).toEqual({ stock: 'avery-l7160', start: '12' });
  });

  it('start again at 1 when the stored position is not on the stored stock', () => {
    expect(rememberedSettings('avery-l7163', '15')).toEqual({ stock: 'avery-l7163', start: '1' });
    expect(rememberedSettings('dymo-11355', '3')).toEqual({ stock: 'dymo-11355', start: '1' });
  });
});

describe('a start position the stock does not have', () => {
  it('is named with the stock and its last position', () => {
    expect(startOutOfRange('avery-l7651', '66')).toEqual({ start: 66, stock: 'Avery L7651', max: 65 });
    expect(startOutOfRange('avery-l7160', '0')).toEqual({ start: 0, stock: 'Avery L7160', max: 21 });
    expect(startOutOfRange('brother-dk11209', '2')).toEqual({ start: 2, stock: 'Brother DK-11209', max: 1 });
  });

  it('is not this rule’s business when the position fits or is not a whole number', () => {
    expect(startOutOfRange('avery-l7651', '65')).toBeUndefined();
    expect(startOutOfRange('avery-l7651', '')).toBeUndefined();
    expect(startOutOfRange('avery-l7651', '2,5')).toBeUndefined();
    expect(startOutOfRange('no-such-stock', '99')).toBeUndefined();
  });
});

describe('the last reserved batch, as stored', () => {
  it('reads back the tags', () => {
    expect(parseBatch(JSON.stringify(['KK-0000401', 'KK-0000402']))).toEqual(['KK-0000401', 'KK-0000402']);
  });

  it('is no batch when the stored text is damaged or holds something else', () => {
    expect(parseBatch(undefined)).toBeUndefined();
    expect(parseBatch('{not json')).toBeUndefined();
    expect(parseBatch('[]')).toBeUndefined();
    expect(parseBatch(JSON.stringify(['KK-0000401', 'rm -rf'])) ).toBeUndefined();
  });
});

describe('selecting devices in a result list', () => {
  it('adds and removes one device', () => {
    const one = toggleDevice(new Map(), dev(5), true);
    expect([...one.keys()]).toEqual(['d5']);
    expect(toggleDevice(one, dev(5), false).size).toBe(0);
  });

  it('selects a whole page, keeps other pages’ choices, and unselects the page when it was all selected', () => {
    const other: Selection = new Map([['d99', 'KK-0000099']]);
    const page = [dev(1), dev(2), dev(3)];
    const all = togglePage(toggleDevice(other, dev(2), true), page);
    expect([...all.keys()].sort()).toEqual(['d1', 'd2', 'd3', 'd99']);
    expect(pageState(all, page)).toBe('all');
    const none = togglePage(all, page);
    expect([...none.keys()]).toEqual(['d99']);
    expect(pageState(none, page)).toBe('none');
    expect(pageState(toggleDevice(none, dev(1), true), page)).toBe('some');
  });

  it('prints in asset-tag order, ids and tags side by side', () => {
    const chosen = toggleDevice(toggleDevice(toggleDevice(new Map(), dev(30), true), dev(4), true), dev(12), true);
    expect(selectionInTagOrder(chosen)).toEqual({ deviceIds: ['d4', 'd12', 'd30'], tags: ['KK-0000004', 'KK-0000012', 'KK-0000030'] });
  });
});
