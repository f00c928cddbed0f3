/**
 * The statistics exports (stats.export): the summary and the device-level list of a period as CSV for Danish
 * Excel (shared/csv.ts), and one XLSX workbook with a summary sheet, a devices sheet and the emission factors
 * with their source and the Boavizta credit (xlsx-worker.ts).
 *
 * The device rows are the summary's counted outcome events (statsEvents): the rows of one outcome are the
 * events behind that figure on screen, so the file's counts and kg add up to the screen's.
 *
 * A file is written a slice of rows at a time to a stream (an HTTP response, a file on disk), waiting for the
 * stream to drain and yielding to the event loop between slices: a 100,000-row export never holds the file,
 * or all its rows, in memory, and other calls keep being answered meanwhile.
 */
import { CSV_BOM, csvLine, type CsvCell } from '../../shared/csv';
import type { ProcedureArgs, StatsRow, StatsSummary } from '../../shared/contract';
import { STAT_OUTCOMES } from '../../shared/contract';
import { copenhagenWallMs } from '../../shared/days';
import { translate, type Locale, type MessageKey } from '../../shared/i18n';
import { weeeOf } from '../../shared/categories';
import { CATEGORIES, type Department } from '../../shared/schemas';
import type { FileExport } from '../api/files';
import type { Store } from '../store/store';
import { statsEvents, statsSummary, type FactorVersionAt, type StatsEventRow, type StatsEventList } from './summary';
import { writeChunk } from './write-chunk';
import { XlsxWriter, type SheetCell, type SheetColumn, type SheetSpec } from './xlsx-worker';

export type StatsExportInput = ProcedureArgs<'stats.export'>;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rows per slice: ~10 ms of work at most on a busy 2-core machine (2,000 took ~35), a chunk of ~75 kB. */
export const EXPORT_SLICE_ROWS = 500;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const KG_FORMAT = '#,##0.0';
const INT_FORMAT = '#,##0';
const ONE_DECIMAL = '0.0';

/** The days and date-times of the files, in Danish time. */
const DAY_MS = 86_400_000;
const day = (seconds: number): SheetCell => {
  const wall = copenhagenWallMs(seconds * 1000);
  return { day: wall - (wall % DAY_MS) };
};
const time = (seconds: number): SheetCell => ({ time: copenhagenWallMs(seconds * 1000) });

/** A cell as CSV writes it: days as dd-mm-yyyy and times as dd-mm-yyyy hh:mm, which Danish Excel reads as dates. */
function csvValue(cell: SheetCell): CsvCell {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  const iso = new Date('day' in cell ? cell.day : cell.time).toISOString();
  const date = `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
  return 'day' in cell ? date : `${date} ${iso.slice(11, 16)}`;
}

/** The texts of one language. */
function texts(locale: Locale) {
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
  return { t, yesNo: (b: boolean | null) => (b === null ? null : t(b ? 'common.yes' : 'common.no')) };
}
type Texts = ReturnType<typeof texts>;

/** One sheet's columns and how a source row fills them. */
interface Table<R> {
  spec: SheetSpec;
  cells(row: R): SheetCell[];
}

/** A rate (0 … 1) as a percentage with one decimal, "–" without outcomes (never 0 % or NaN). */
const percent = (rate: number | null): SheetCell => (rate === null ? '–' : Math.round(rate * 1000) / 10);
const orDash = (n: number | null): SheetCell => (n === null ? '–' : n);

function summaryTable(x: Texts, summary: StatsSummary, departments: ReadonlyMap<string, Department>, locale: Locale): Table<StatsRow> {
  const { t } = x;
  const groupLabel = (key: string): string => {
    if (key === 'total') return t('stats.export.total');
    if (summary.groupBy === 'department') {
      const d = departments.get(key);
      return d ? (locale === 'en' ? d.nameEn : d.name) : key;
    }
    if (summary.groupBy === 'category') return (CATEGORIES as readonly string[]).includes(key) ? t(`category.${key}` as MessageKey) : key; // why: a category key names its catalogue text
    return key;
  };
  const columns: SheetColumn[] = [{ header: t(`stats.groupBy.${summary.groupBy}`), width: 28 }];
  for (const o of STAT_OUTCOMES) {
    const what = t(`stats.outcome.${o}`);
    columns.push({ header: t('stats.export.col.count', { what }), width: 12, numberFormat: INT_FORMAT });
    columns.push({ header: t('stats.export.col.kg', { what }), width: 12, numberFormat: KG_FORMAT });
  }
  columns.push(
    { header: t('stats.export.col.reuseRateCount'), width: 14, numberFormat: ONE_DECIMAL },
    { header: t('stats.export.col.reuseRateKg'), width: 14, numberFormat: ONE_DECIMAL },
    { header: t('stats.col.co2eKg'), width: 14, numberFormat: KG_FORMAT },
    { header: t('stats.credited'), width: 12, numberFormat: INT_FORMAT },
    { header: t('stats.noFactor'), width: 12, numberFormat: INT_FORMAT },
    { header: t('stats.notReplacing'), width: 12, numberFormat: INT_FORMAT },
    { header: t('stats.export.col.daysN'), width: 12, numberFormat: INT_FORMAT },
    { header: t('stats.col.daysMedian'), width: 12, numberFormat: ONE_DECIMAL },
    { header: t('stats.export.col.daysP90'), width: 12, numberFormat: ONE_DECIMAL },
  );
  return {
    spec: { name: t('stats.export.sheetSummary'), columns },
    cells: (r) => [
      groupLabel(r.key),
      ...STAT_OUTCOMES.flatMap((o) => [r.amounts[o].count, r.amounts[o].kg]),
      percent(r.reuseRate.byCount),
      percent(r.reuseRate.byKg),
      r.co2e.avoidedKg,
      r.co2e.credited,
      r.co2e.noFactor,
      r.co2e.notReplacing,
      r.daysToReuse.n,
      orDash(r.daysToReuse.median),
      orDash(r.daysToReuse.p90),
    ],
  };
}

function devicesTable(x: Texts, departments: ReadonlyMap<string, Department>, locale: Locale): Table<StatsEventRow> {
  const { t, yesNo } = x;
  const columns: SheetColumn[] = [
    { header: t('stats.col.outcome'), width: 20 },
    { header: t('stats.export.col.eventDay'), width: 12 },
    { header: t('stats.export.col.eventTime'), width: 17 },
    { header: t('stats.export.col.reported'), width: 12 },
    { header: t('device.assetTag'), width: 14 },
    { header: t('device.manufacturer'), width: 14 },
    { header: t('device.model'), width: 24 },
    { header: t('device.serial'), width: 18 },
    { header: t('stats.department'), width: 28 },
    { header: t('device.category'), width: 20 },
    { header: t('stats.col.weee'), width: 10 },
    { header: t('stats.col.kg'), width: 10, numberFormat: KG_FORMAT },
    { header: t('stats.export.col.replaces'), width: 12 },
    { header: t('stats.export.col.co2eCredited'), width: 14, numberFormat: KG_FORMAT },
    { header: t('stats.export.col.factorVersion'), width: 10 },
    { header: t('stats.export.col.daysToReuse'), width: 12, numberFormat: ONE_DECIMAL },
    { header: t('device.notes'), width: 40 },
  ];
  const departmentName = (id: string) => {
    const d = departments.get(id);
    return d ? (locale === 'en' ? d.nameEn : d.name) : id;
  };
  return {
    spec: { name: t('stats.export.sheetDevices'), columns },
    cells: (r) => [
      t(`stats.outcome.${r.outcome}`),
      day(r.at),
      time(r.at),
      r.reportedAt === null ? null : day(r.reportedAt),
      r.device.assetTag,
      r.device.manufacturer,
      r.device.model,
      r.device.serial,
      departmentName(r.departmentId),
      t(`category.${r.device.category}`),
      weeeOf(r.device),
      r.kg,
      yesNo(r.replacesNewPurchase),
      r.co2eKg,
      r.factorVersion,
      r.daysToReuse,
      r.device.notes ?? null,
    ],
  };
}

/** The factors sheet: every version the period used, a row per category, its source once, then the credit. */
function factorRows(x: Texts, events: StatsEventList): { spec: SheetSpec; rows: SheetCell[][] } {
  const { t } = x;
  const rows: SheetCell[][] = [];
  for (const v of events.versions) {
    CATEGORIES.forEach((category, i) => {
      const factor = v.factors[category];
      rows.push([
        v.number,
        day(Date.parse(v.createdAt) / 1000),
        t(`category.${category}`),
        factor === null || factor === undefined ? t('stats.export.noFactor') : factor,
        i === 0 ? v.source : null,
      ]);
    });
  }
  rows.push([null, null, null, null, t('factors.credit')]);
  return {
    spec: {
      name: t('stats.export.sheetFactors'),
      columns: [
        { header: t('stats.export.col.factorVersion'), width: 10 },
        { header: t('stats.export.col.versionCreated'), width: 12 },
        { header: t('device.category'), width: 22 },
        { header: t('stats.export.col.factor'), width: 16, numberFormat: KG_FORMAT },
        { header: t('stats.export.col.source'), width: 100 },
      ],
    },
    rows,
  };
}

/** The summary CSV's closing lines: the factor versions the CO2e figures used, each with its hand-overs. */
function factorVersionLines(x: Texts, summary: StatsSummary): SheetCell[][] {
  const { t } = x;
  return [
    [],
    [t('stats.export.col.factorVersion'), t('stats.export.col.versionCreated'), t('stats.credited'), t('stats.export.col.source')],
    ...summary.factorVersions.map((v) => [v.number, day(Date.parse(v.createdAt) / 1000), v.credited, v.source]),
  ];
}

function fileName(input: StatsExportInput, x: Texts): string {
  const last = new Date(Date.parse(input.to) - 86_400_000).toISOString().slice(0, 10);
  const what = input.file === 'summary_csv' ? x.t('stats.export.fileSummary') : input.file === 'devices_csv' ? x.t('stats.export.fileDevices') : x.t('stats.export.fileWorkbook');
  return `kredslob-${what}-${input.from}-${last}.${input.file === 'xlsx' ? 'xlsx' : 'csv'}`;
}

/** Options the bench uses: at most this many device rows. */
export interface ExportOptions {
  maxRows?: number;
}

/**
 * Prepares an export of the period: reads the summary and the list of events (positions only; rows are built
 * slice by slice while writing). The plan (name, type, rows) is stats.export's answer; `write` streams it.
 */
export async function openStatsExport(store: Store, versionAt: FactorVersionAt, input: StatsExportInput, locale: Locale, options: ExportOptions = {}): Promise<FileExport> {
  const x = texts(locale);
  const query = { from: input.from, to: input.to, groupBy: input.groupBy, departmentId: input.departmentId, category: input.category };
  const needsEvents = input.file !== 'summary_csv';
  const [summary, events, departmentList] = await Promise.all([
    statsSummary(store, versionAt, query),
    needsEvents ? statsEvents(store, versionAt, query) : undefined,
    store.listDepartments(),
  ]);
  const departments = new Map(departmentList.map((d) => [d.id, d]));
  const deviceRows = events ? Math.min(events.total, options.maxRows ?? Infinity) : 0;
  const summaryRows = [...summary.rows, summary.totals];
  const sTable = summaryTable(x, summary, departments, locale);
  const dTable = devicesTable(x, departments, locale);
  const plan = { fileName: fileName(input, x), contentType: input.file === 'xlsx' ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE };

  /** Device rows in slices, as cells; reports progress after each. */
  async function* deviceSlices(done: number, onProgress?: (rowsDone: number) => void): AsyncGenerator<SheetCell[][]> {
    for (let start = 0; start < deviceRows; start += EXPORT_SLICE_ROWS) {
      yield events!.slice(start, Math.min(start + EXPORT_SLICE_ROWS, deviceRows)).map(dTable.cells);
      onProgress?.(done + Math.min(start + EXPORT_SLICE_ROWS, deviceRows));
      await yieldToLoop();
    }
  }

  const csvLines = (rows: readonly SheetCell[][]) => rows.map((r) => csvLine(r.map(csvValue))).join('');

  if (input.file === 'summary_csv') {
    return {
      ...plan,
      rows: summaryRows.length,
      async write(out, onProgress) {
        const header = sTable.spec.columns.map((c) => c.header);
        await writeChunk(out, CSV_BOM + csvLine(header) + csvLines(summaryRows.map(sTable.cells)) + csvLines(factorVersionLines(x, summary)));
        onProgress?.(summaryRows.length);
      },
    };
  }
  if (input.file === 'devices_csv') {
    return {
      ...plan,
      rows: deviceRows,
      async write(out, onProgress) {
        await writeChunk(out, CSV_BOM + csvLine(dTable.spec.columns.map((c) => c.header)));
        for await (const slice of deviceSlices(0, onProgress)) await writeChunk(out, csvLines(slice));
        onProgress?.(deviceRows);
      },
    };
  }
  const factors = factorRows(x, events!);
  return {
    ...plan,
    rows: summaryRows.length + deviceRows,
    async write(out, onProgress) {
      const xlsx = new XlsxWriter([sTable.spec, dTable.spec, factors.spec]);
      try {
        xlsx.addRows(0, summaryRows.map(sTable.cells));
        xlsx.addRows(2, factors.rows);
        for await (const slice of deviceSlices(summaryRows.length, onProgress)) xlsx.addRows(1, slice);
      } catch (err) {
        xlsx.abort();
        throw err;
      }
      await xlsx.finish(out);
      onProgress?.(summaryRows.length + deviceRows);
    },
  };
}
