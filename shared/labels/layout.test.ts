import { describe, expect, it } from 'vitest';
import { labelSlots, layoutLabel, pageCount, QUIET_ZONE_MODULES, startPositionProblem } from './layout';
import { qrSymbol } from './qr';
import { textWidthPt } from './roboto-metrics';
import { UI_MESSAGES, formatMessage } from '../i18n';
import { STOCK_IDS, STOCKS, labelsPerPage, stockDescription, type StockId } from './stocks';
import { tagPayload } from './payload';

/**
 * The grids as the manufacturers publish them (mm), typed in here from the template sheets, not read from
 * the stock table: top margin, side margin, horizontal and vertical pitch, label size, across × down.
 */
const PUBLISHED: Record<StockId, { top: number; left: number; hPitch: number; vPitch: number; w: number; h: number; across: number; down: number; page: [number, number] }> = {
  'avery-l7651': { top: 10.7, left: 4.75, hPitch: 40.6, vPitch: 21.2, w: 38.1, h: 21.2, across: 5, down: 13, page: [210, 297] },
  'avery-l7160': { top: 15.15, left: 7.25, hPitch: 66.0, vPitch: 38.1, w: 63.5, h: 38.1, across: 3, down: 7, page: [210, 297] },
  'avery-l7163': { top: 15.15, left: 4.65, hPitch: 101.6, vPitch: 38.1, w: 99.1, h: 38.1, across: 2, down: 7, page: [210, 297] },
  'brother-dk11209': { top: 0, left: 0, hPitch: 62, vPitch: 29, w: 62, h: 29, across: 1, down: 1, page: [62, 29] },
  'dymo-11355': { top: 0, left: 0, hPitch: 19, vPitch: 51, w: 19, h: 51, across: 1, down: 1, page: [19, 51] },
};

const TOLERANCE_MM = 0.2;

describe('label stock table', () => {
  it('has exactly one entry per stock id', () => {
    expect(Object.keys(STOCKS).sort()).toEqual([...STOCK_IDS].sort());
    for (const id of STOCK_IDS) expect(STOCKS[id].id).toBe(id);
  });

  it('holds 65, 21, 14 labels per A4 sheet and one per label-printer page', () => {
    expect(STOCK_IDS.map((id) => labelsPerPage(STOCKS[id]))).toEqual([65, 21, 14, 1, 1]);
  });

  it('describes each stock in Danish and English for a picker', () => {
    const describe = (id: StockId, locale: 'da' | 'en') => {
      const d = stockDescription(STOCKS[id]);
      const mm = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB').format;
      return formatMessage(UI_MESSAGES[locale][d.key], { ...d.params, width: mm(d.params.width), height: mm(d.params.height) });
    };
    expect(describe('avery-l7651', 'da')).toBe('Avery L7651 – 65 pr. A4-ark, 38,1 × 21,2 mm');
    expect(describe('dymo-11355', 'en')).toBe('Dymo 11355 – single label, 19 × 51 mm');
  });
});

describe.each(STOCK_IDS)('the %s grid', (id) => {
  const stock = STOCKS[id];
  const pub = PUBLISHED[id];

  it('puts every label within 0.2 mm of the published grid', () => {
    const slots = labelSlots(stock, pub.across * pub.down);
    expect(slots).toHaveLength(pub.across * pub.down);
    for (const s of slots) {
      const row = Math.floor((s.position - 1) / pub.across);
      const col = (s.position - 1) % pub.across;
      expect(Math.abs(s.x - (pub.left + col * pub.hPitch))).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(s.y - (pub.top + row * pub.vPitch))).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(s.width - pub.w)).toBeLessThanOrEqual(TOLERANCE_MM);
      expect(Math.abs(s.height - pub.h)).toBeLessThanOrEqual(TOLERANCE_MM);
    }
  });

  it('keeps the whole grid on the page, centred as the sheet is cut', () => {
    expect(stock.page).toEqual({ width: pub.page[0], height: pub.page[1] });
    const slots = labelSlots(stock, labelsPerPage(stock));
    const right = Math.max(...slots.map((s) => s.x + s.width));
    const bottom = Math.max(...slots.map((s) => s.y + s.height));
    expect(Math.abs(pub.page[0] - right - pub.left)).toBeLessThanOrEqual(TOLERANCE_MM);
    expect(Math.abs(pub.page[1] - bottom - pub.top)).toBeLessThanOrEqual(TOLERANCE_MM);
  });
});

describe('print runs', () => {
  const l7160 = STOCKS['avery-l7160'];

  it('fills across then down, and spills onto further pages from position 1', () => {
    const slots = labelSlots(l7160, 45);
    expect(slots.map((s) => s.page)).toEqual([...Array(21).fill(0), ...Array(21).fill(1), 2, 2, 2]);
    expect(slots[1]).toMatchObject({ page: 0, position: 2, row: 0, column: 1 });
    expect(slots[3]).toMatchObject({ page: 0, position: 4, row: 1, column: 0 });
    expect(slots[21]).toMatchObject({ page: 1, position: 1, x: slots[0]?.x, y: slots[0]?.y });
    expect(pageCount(l7160, 45)).toBe(3);
  });

  it('uses up a half-used sheet from the start position', () => {
    const slots = labelSlots(l7160, 5, 19);
    expect(slots.map((s) => [s.page, s.position])).toEqual([[0, 19], [0, 20], [0, 21], [1, 1], [1, 2]]);
    expect(pageCount(l7160, 5, 19)).toBe(2);
    expect(pageCount(l7160, 3, 19)).toBe(1);
  });

  it('refuses a start position the stock does not have', () => {
    expect(startPositionProblem(l7160, 22)).toMatch(/1 to 21/);
    expect(startPositionProblem(l7160, 0)).toMatch(/1 to 21/);
    expect(startPositionProblem(l7160, 1.5)).toMatch(/whole number/);
    expect(startPositionProblem(STOCKS['dymo-11355'], 2)).toMatch(/1 to 1/);
    expect(() => labelSlots(l7160, 1, 22)).toThrow(RangeError);
  });
});

describe.each(STOCK_IDS)('a %s label', (id) => {
  const stock = STOCKS[id];
  const inset = stock.safeInset;
  const payloads = [
    ['bare tag', tagPayload('KK-0001234', 'tag')],
    ['URL form', tagPayload('KK-0001234', 'url')],
    ['ten-digit tag', tagPayload('KK-1234567890', 'tag')],
  ] as const;

  it.each(payloads)('fits the name, the code with its quiet zone and the tag inside the printable area (%s)', (_form, payload) => {
    const symbol = qrSymbol(payload);
    const tag = payload.slice(-10);
    const c = layoutLabel(stock, symbol.size, 'Københavns Kommune', tag);
    const inside = (x: number, y: number, w: number, h: number) => {
      expect(x).toBeGreaterThanOrEqual(inset.left - 1e-9);
      expect(y).toBeGreaterThanOrEqual(inset.top - 1e-9);
      expect(x + w).toBeLessThanOrEqual(stock.label.width - inset.right + 1e-9);
      expect(y + h).toBeLessThanOrEqual(stock.label.height - inset.bottom + 1e-9);
    };
    inside(c.qr.x, c.qr.y, c.qr.size, c.qr.size);
    inside(c.org.x, c.org.y, c.org.width, c.org.lines.length * c.org.lineHeight);
    inside(c.tag.x, c.tag.y, c.tag.width, c.tag.lineHeight);
    // Name above, code, tag below, with nothing in the quiet zone.
    expect(c.org.y + c.org.lines.length * c.org.lineHeight).toBeLessThanOrEqual(c.qr.y + 1e-9);
    expect(c.qr.y + c.qr.size).toBeLessThanOrEqual(c.tag.y + 1e-9);
    expect(c.qr.size).toBeCloseTo(c.qr.module * (symbol.size + 2 * QUIET_ZONE_MODULES), 9);
    // Every line fits its width at its size.
    for (const line of [...c.org.lines, ...c.tag.lines]) {
      const pt = c.org.lines.includes(line) ? c.org.fontPt : c.tag.fontPt;
      expect(textWidthPt(line, pt) * (25.4 / 72)).toBeLessThanOrEqual(c.tag.width + 1e-9);
    }
    // Readable: the tag at 6 pt or more, modules of at least 0.35 mm (4 printer dots at 300 dpi).
    expect(c.tag.fontPt).toBeGreaterThanOrEqual(6);
    expect(c.qr.module).toBeGreaterThanOrEqual(0.35);
  });
});

describe('label content', () => {
  it('breaks a long name over two lines on the tall Dymo label instead of shrinking it', () => {
    const c = layoutLabel(STOCKS['dymo-11355'], 21, 'Københavns Kommune', 'KK-0001234');
    expect(c.org.lines).toEqual(['Københavns', 'Kommune']);
    expect(c.org.fontPt).toBeGreaterThanOrEqual(6);
  });

  it('keeps the name on one line on the low Avery L7651 label, where a second line would shrink the code', () => {
    const c = layoutLabel(STOCKS['avery-l7651'], 21, 'Københavns Kommune', 'KK-0001234');
    expect(c.org.lines).toEqual(['Københavns Kommune']);
  });

  it('shortens a name too long for any readable size with an ellipsis', () => {
    const name = 'Børne- og Ungdomsforvaltningen, Københavns Kommune, IT-lageret Islands Brygge';
    const c = layoutLabel(STOCKS['avery-l7651'], 21, name, 'KK-0001234');
    expect(c.org.lines).toHaveLength(1);
    expect(c.org.lines[0]).toMatch(/^Børne- og .*…$/);
    expect(textWidthPt(c.org.lines[0] ?? '', c.org.fontPt) * (25.4 / 72)).toBeLessThanOrEqual(c.org.width);
  });
});

describe('Roboto metrics', () => {
  it('matches the widths fontkit measures in the embedded Roboto Medium, erring wide (no kerning)', () => {
    // fontkit's layout().advanceWidth / unitsPerEm with kerning: 5.53 em and 10.33 em.
    for (const [text, em] of [['KK-0001234', 5.53], ['Københavns Kommune', 10.33]] as const) {
      const estimate = textWidthPt(text, 10) / 10;
      expect(estimate).toBeGreaterThanOrEqual(em - 0.005);
      expect(estimate).toBeLessThan(em * 1.02);
    }
  });

  it('counts a glyph it does not know as the widest, so text errs towards fitting', () => {
    expect(textWidthPt('漢', 10)).toBeGreaterThanOrEqual(textWidthPt('W', 10));
  });
});
