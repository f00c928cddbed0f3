/**
 * The batch manifest handed to the recycler with the container: the batch's facts (recycler and CVR,
 * waybill, seal), one row per device with its sanitization method, and the totals per WEEE category (declared
 * kg beside measured kg). The PDF is laid out in a worker thread (a 5,000-device batch takes seconds); the CSV
 * has the same rows, written for Danish Excel by shared/csv.ts.
 */
import { weeeOf } from '../../shared/categories';
import type { BatchManifest, ProcedureArgs } from '../../shared/contract';
import { toCsv } from '../../shared/csv';
import type { Locale } from '../../shared/i18n';
import type { Batch, Device, SanitizationRecord } from '../../shared/schemas';
import type { ServiceContext } from '../context';
import { a4Document, dataTable, docFooter, docText, factsTable, heading, type Column, type DocText } from '../pdf/document';
import { renderPdfInWorker } from '../pdf/pdfmake';
import { batchById, devicesOf, weeeRows } from './service';

/** One device as the manifest lists it. */
interface ManifestRow {
  assetTag: string;
  serial: string;
  makeModel: string;
  weee: number;
  kg: number;
  sanitization: string;
}

/** How the device's data was dealt with: its sanitization record's method, the batch's certified destruction, or nothing to say. */
function sanitizationText(device: Device, record: SanitizationRecord | undefined, batch: Batch, text: DocText): string {
  if (record) return record.verified ? text.t(`method.${record.method}`) : `${text.t(`method.${record.method}`)} (${text.t('trail.notVerified')})`;
  if (batch.certifiedDestruction && device.dataBearing) return text.t('manifest.certifiedDestructionMethod');
  return text.t('common.none');
}

async function manifestRows(ctx: ServiceContext, batch: Batch, devices: readonly Device[], text: DocText): Promise<ManifestRow[]> {
  const rows: ManifestRow[] = [];
  for (const d of devices) {
    const record = d.sanitizationId ? await ctx.store.getSanitization(d.sanitizationId) : undefined;
    rows.push({
      assetTag: d.assetTag,
      serial: d.serial,
      makeModel: `${d.manufacturer} ${d.model}`,
      weee: weeeOf(d),
      kg: d.weightKg,
      sanitization: sanitizationText(d, record, batch, text),
    });
  }
  return rows;
}

function columns(text: DocText): Column[] {
  const t = text.t;
  return [
    { header: t('col.assetTag'), width: 62 },
    { header: t('device.serial'), width: 88 },
    { header: t('doc.makeModel'), width: '*' },
    { header: t('doc.weee'), width: 30, align: 'right' },
    { header: t('doc.kg'), width: 36, align: 'right' },
    { header: t('doc.sanitization'), width: 92 },
  ];
}

/** The batch's facts as the manifest and a device's disposal certificate print them. */
export function batchFacts(batch: Batch, text: DocText): [string, string][] {
  const { t } = text;
  const none = t('common.none');
  const c = batch.collection;
  return [
    [t('doc.batch'), batch.number],
    [t('doc.status'), t(`batchStatus.${batch.status}`)],
    [t('doc.container'), t(`container.${batch.containerType}`)],
    [t('doc.seal'), batch.seal?.sealId ?? none],
    [t('doc.recycler'), c ? t('doc.recyclerValue', { name: c.recyclerName, cvr: c.recyclerCvr }) : none],
    [t('doc.waybill'), c?.waybill ?? none],
    [t('doc.collectionDate'), c ? text.day(c.date) : none],
    [t('doc.certifiedDestruction'), batch.certifiedDestruction ? t('common.yes') : t('common.no')],
  ];
}

function totalsTable(batch: Batch, devices: readonly Device[], text: DocText) {
  const { t } = text;
  const rows = weeeRows(batch, devices);
  const measured = rows.filter((r) => r.measuredKg !== undefined);
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  const body = rows.map((r) => [
    t(`weee.${r.category}`),
    String(r.devices),
    text.kg(r.declaredKg),
    r.measuredKg === undefined ? t('common.none') : text.kg(r.measuredKg),
  ]);
  body.push([
    t('manifest.total'),
    String(sum((r) => r.devices)),
    // Summed in grams, as the batch sums them, so the total is the sum of the rows to the gram.
    text.kg(sum((r) => Math.round(r.declaredKg * 1000)) / 1000),
    measured.length === 0 ? t('common.none') : text.kg(sum((r) => Math.round((r.measuredKg ?? 0) * 1000)) / 1000),
  ]);
  const cols: Column[] = [
    { header: t('manifest.weeeCategory'), width: '*' },
    { header: t('manifest.devices'), width: 60, align: 'right' },
    { header: t('manifest.declaredKg'), width: 80, align: 'right' },
    { header: t('manifest.measuredKg'), width: 80, align: 'right' },
  ];
  return dataTable(cols, body, { fontSize: 9, boldLast: true });
}

/**
 * The manifest of a batch as a PDF or CSV, in the caller's language, devices in asset-tag order.
 * @throws NOT_FOUND (batch)
 */
export async function batchManifest(ctx: ServiceContext, input: ProcedureArgs<'batches.manifest'>, locale: Locale): Promise<BatchManifest> {
  const text = docText(locale);
  const batch = await batchById(ctx.store, input.id);
  const devices = (await devicesOf(ctx.store, batch.id)).sort((a, b) => a.assetTag.localeCompare(b.assetTag));
  const rows = await manifestRows(ctx, batch, devices, text);
  const cols = columns(text);
  const name = text.t('manifest.fileName', { batch: batch.number });
  const cells = rows.map((r) => [r.assetTag, r.serial, r.makeModel, String(r.weee), text.kg(r.kg), r.sanitization]);
  if (input.format === 'csv') {
    const csv = toCsv([cols.map((c) => c.header), ...rows.map((r) => [r.assetTag, r.serial, r.makeModel, r.weee, r.kg, r.sanitization])]);
    return { format: 'csv', fileName: `${name}.csv`, csv };
  }
  const title = text.t('manifest.title', { batch: batch.number });
  const doc = a4Document(title, [
    factsTable(batchFacts(batch, text)),
    heading(text.t('manifest.totalsTitle')),
    totalsTable(batch, devices, text),
    heading(text.t('manifest.devicesTitle', { count: devices.length })),
    dataTable(cols, cells),
  ]);
  const bytes = await renderPdfInWorker(doc, docFooter(ctx, text));
  return { format: 'pdf', fileName: `${name}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
}
