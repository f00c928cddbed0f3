/**
 * Advance widths of the Roboto the labels embed (pdfmake's Roboto-Regular and Roboto-Medium, the wider of
 * the two per glyph), in 1/1000 em, so the layout can size text without loading the font. Read once from
 * the TTFs with fontkit's `layout(ch).advanceWidth / unitsPerEm`. A glyph not listed counts as the widest
 * listed one, so an estimate errs towards smaller text, never towards text running off the label.
 */
const CHARS =
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~ÆØÅæøåÄÖÜäöüÉéèÈ–—’…";
const WIDTHS = [
  249, 265, 320, 616, 568, 736, 641, 175, 346, 350, 443, 567, 224, 340, 278, 413, 568, 568, 568, 568, 568, 568, 568, 568,
  568, 568, 264, 240, 509, 563, 523, 486, 898, 663, 631, 653, 656, 568, 553, 681, 713, 283, 556, 632, 540, 875, 713, 689,
  638, 689, 629, 605, 609, 654, 646, 887, 631, 611, 603, 271, 417, 271, 429, 451, 320, 544, 562, 523, 564, 536, 353, 567,
  556, 255, 251, 521, 255, 877, 557, 570, 562, 568, 354, 516, 333, 556, 496, 751, 503, 490, 503, 338, 249, 338, 680, 937,
  688, 663, 845, 567, 544, 663, 689, 654, 544, 570, 556, 568, 536, 536, 568, 656, 781, 216, 708,
];

if (WIDTHS.length !== [...CHARS].length) throw new Error('roboto-metrics: one width per character expected');
const WIDTH_BY_CHAR = new Map([...CHARS].map((ch, i) => [ch, WIDTHS[i] ?? 0]));
const WIDEST = Math.max(...WIDTHS);

/** Roboto's ascent minus descent per em: the height pdfmake gives one line of text (lineHeight 1). */
export const ROBOTO_LINE_HEIGHT_EM = 1.1719;
/** Baseline below the top of the line box, per em (Roboto's ascent). */
export const ROBOTO_ASCENT_EM = 0.9277;

/** Width of `text` set in Roboto at `fontPt`, in points. */
export function textWidthPt(text: string, fontPt: number): number {
  let milliEm = 0;
  for (const ch of text) milliEm += WIDTH_BY_CHAR.get(ch) ?? WIDEST;
  return (milliEm / 1000) * fontPt;
}
