/**
 * The look of the core's A4 documents (batch manifest, disposal certificate): title, fact tables, data
 * tables with a header row that repeats on every page, and a footer naming when, by whom and which page.
 * Texts come from the catalogue in the caller's language; times are Copenhagen's, whatever the server's zone.
 */
import type { Content, ContentTable, TableCell } from 'pdfmake/interfaces';
import { formatDateTime, formatDay, formatNumber } from '../../shared/format';
import { translate, type Locale, type MessageKey } from '../../shared/i18n';
import type { TrailText } from '../../shared/trail-details';
import { actorSnapshot, nowIso, type ServiceContext } from '../context';
import type { PdfFooter, PlainDocument } from './pdfmake';

const TIME_ZONE = 'Europe/Copenhagen';

/** Texts, times and numbers in one language. */
export interface DocText {
  locale: Locale;
  t: TrailText;
  dateTime(iso: string): string;
  day(isoDay: string): string;
  /** Up to three decimals: kg to the gram. */
  kg(n: number): string;
}

export function docText(locale: Locale): DocText {
  return {
    locale,
    t: (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params),
    dateTime: (iso) => formatDateTime(iso, locale, TIME_ZONE),
    day: (d) => formatDay(d, locale),
    kg: (n) => formatNumber(n, locale, 3),
  };
}

/** "Dannet 02.11.2026 09:00 af Lise Berg (IT-lager) i Kredsløb", and the page numbers. */
export function docFooter(ctx: ServiceContext, text: DocText): PdfFooter {
  const who = actorSnapshot(ctx.actor);
  return {
    left: text.t('doc.generated', { time: text.dateTime(nowIso(ctx.clock)), name: who.name, role: text.t(`role.${who.role}`) }),
    pages: text.t('doc.page', { current: '{current}', total: '{total}' }),
  };
}

const HEADER_FILL = '#e8eef0';

/** Label and value pairs, one to a row, without borders. */
export function factsTable(rows: readonly (readonly [string, string])[]): Content {
  const body: TableCell[][] = rows.map(([label, value]) => [{ text: label, color: '#555555' }, { text: value, bold: true }]);
  return { table: { widths: [150, '*'], body }, layout: 'noBorders', margin: [0, 0, 0, 10] };
}

export interface Column {
  header: string;
  width: number | '*';
  align?: 'right';
}

/** A table whose header row repeats on every page it runs over. */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly string[])[],
  options: { fontSize?: number; boldLast?: boolean; keepRowsWhole?: boolean } = {},
): ContentTable {
  const header: TableCell[] = columns.map((c) => ({ text: c.header, bold: true, fillColor: HEADER_FILL, ...(c.align ? { alignment: c.align } : {}) }));
  const body: TableCell[][] = rows.map((row, r) =>
    row.map((text, i) => {
      const align = columns[i]?.align;
      const bold = options.boldLast === true && r === rows.length - 1;
      return align || bold ? { text, ...(align ? { alignment: align } : {}), ...(bold ? { bold } : {}) } : text;
    }),
  );
  return {
    // keepRowsWhole: a row of several lines (a trail event's details) stays on one page; it costs pdfmake a
    // third more layout time, too much for a 5,000-row manifest of one-line rows.
    table: { headerRows: 1, dontBreakRows: options.keepRowsWhole === true, widths: columns.map((c) => c.width), body: [header, ...body] },
    layout: 'lightHorizontalLines',
    fontSize: options.fontSize ?? 8,
    margin: [0, 0, 0, 12],
  };
}

export const heading = (text: string): Content => ({ text, style: 'h2' });

/** An A4 portrait document with the house styles; `title` is also the PDF's title for viewers and print queues. */
export function a4Document(title: string, content: Content[]): PlainDocument {
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: { title, creator: 'Kredsløb', producer: 'Kredsløb' },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
    styles: {
      title: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      intro: { fontSize: 9, color: '#333333', margin: [0, 0, 0, 10] },
      h2: { fontSize: 11, bold: true, margin: [0, 6, 0, 6] },
    },
    content: [{ text: title, style: 'title' }, ...content],
  };
}
