/**
 * QR labels as a PDF (Node): every label placed at its exact position with pdfmake's absolutePosition
 * (a 65-label sheet laid out as a table overflowed its page), the QR code drawn as vector rectangles from
 * the module matrix, Roboto embedded so æøå print, and the page exactly the stock's size so the sheet
 * prints at 100 %.
 */
import type { Content, ContentCanvas, TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadPdfMake } from '../pdf/pdfmake';
import { labelSlots, layoutLabel, MM_PER_PT, pageCount, QUIET_ZONE_MODULES, type TextBlock } from '../../shared/labels/layout';
import { tagPayload, type TagPayloadForm } from '../../shared/labels/payload';
import { qrSymbol, type QrSymbol } from '../../shared/labels/qr';
import { textWidthPt } from '../../shared/labels/roboto-metrics';
import type { LabelStock } from '../../shared/labels/stocks';

export interface LabelPdfRequest {
  stock: LabelStock;
  /** Valid asset tags, in print order. */
  tags: readonly string[];
  /** 1-based position on the first page. */
  start: number;
  /** Printed above each code. */
  organisation: string;
  payload: TagPayloadForm;
  /** The PDF's title (shown by viewers and print queues). */
  title: string;
}

export interface LabelPdf {
  bytes: Uint8Array;
  pages: number;
}

const pt = (mm: number) => mm / MM_PER_PT;

/** One node per line, centred in the block by the metrics the layout used (kerning moves it < 0.1 mm). */
function textNodes(block: TextBlock, labelX: number, labelY: number, bold: boolean): Content[] {
  return block.lines.map((line, i) => ({
    text: line,
    fontSize: block.fontPt,
    bold,
    lineHeight: 1,
    // A line never breaks into the code below it; the layout already made it fit.
    noWrap: true,
    absolutePosition: {
      x: pt(labelX + block.x + (block.width - textWidthPt(line, block.fontPt) * MM_PER_PT) / 2),
      y: pt(labelY + block.y + i * block.lineHeight),
    },
  }));
}

function qrNode(symbol: QrSymbol, x: number, y: number, module: number): ContentCanvas & Content {
  const quiet = QUIET_ZONE_MODULES * module;
  return {
    absolutePosition: { x: pt(x), y: pt(y) },
    canvas: symbol.runs.map((r) => ({
      type: 'rect' as const,
      x: pt(quiet + r.column * module),
      y: pt(quiet + r.row * module),
      w: pt(r.length * module),
      h: pt(module),
      color: 'black',
    })),
  };
}

/** The labels for `tags` on `stock`, as PDF bytes. */
export async function renderLabelPdf(req: LabelPdfRequest): Promise<LabelPdf> {
  const slots = labelSlots(req.stock, req.tags.length, req.start);
  const content: Content[] = [];
  slots.forEach((slot, i) => {
    const tag = req.tags[i] ?? '';
    // Absolutely placed nodes land on the current page; an empty flow node opens the next one.
    if (i > 0 && slot.page !== slots[i - 1]?.page) content.push({ text: '', pageBreak: 'before' });
    const symbol = qrSymbol(tagPayload(tag, req.payload));
    const layout = layoutLabel(req.stock, symbol.size, req.organisation, tag);
    content.push(
      ...textNodes(layout.org, slot.x, slot.y, false),
      qrNode(symbol, slot.x + layout.qr.x, slot.y + layout.qr.y, layout.qr.module),
      ...textNodes(layout.tag, slot.x, slot.y, true),
    );
  });
  const doc: TDocumentDefinitions = {
    pageSize: { width: pt(req.stock.page.width), height: pt(req.stock.page.height) },
    pageMargins: 0,
    info: { title: req.title, creator: 'Kredsløb', producer: 'Kredsløb' },
    defaultStyle: { font: 'Roboto' },
    content,
  };
  const pdfMake = await loadPdfMake();
  const created = pdfMake.createPdf(doc);
  const kit = await created.getStream();
  // Ask viewers to print at actual size rather than "fit to page", which would shift every label.
  // why: pdfkit keeps the document catalog in its private _root; a plain string becomes a PDF name (/None)
  const pdfKit = kit as unknown as { _root: { data: Record<string, unknown> }; ref(data: object): unknown };
  pdfKit._root.data.ViewerPreferences = pdfKit.ref({ PrintScaling: 'None' });
  const bytes = await created.getBuffer();
  return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), pages: pageCount(req.stock, req.tags.length, req.start) };
}
