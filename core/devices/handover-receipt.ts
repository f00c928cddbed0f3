/**
 * A device's hand-over receipt (PDF, in the caller's language): the device, how its data was sanitized before it
 * left, the acceptance (who received it, for which unit of which administration, when, and the signature drawn on
 * screen or an empty line to sign on paper), and the trail event it was made from with that event's hashes, so
 * anyone holding the paper can find and check the event it names. Served through the file table
 * (core/api/files.ts) like the statistics export.
 */
import type { Content } from 'pdfmake/interfaces';
import type { ProcedureArgs } from '../../shared/contract';
import type { Locale } from '../../shared/i18n';
import type { SanitizationRecord, TrailEvent } from '../../shared/schemas';
import type { FileExport } from '../api/files';
import type { ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { a4Document, docFooter, docText, factsTable, heading, type DocText } from '../pdf/document';
import { renderPdfInWorker } from '../pdf/pdfmake';
import { writeChunk } from '../stats/write-chunk';
import { checkChain } from '../store/trail-hash';

type HandedOver = Extract<TrailEvent, { type: 'handed_over' }>;

const PDF = 'application/pdf';
const SIGNATURE_WIDTH = 220;
const SIGN_LINE_WIDTH = 260;

/** The sanitization the device left with: the last one recorded on its trail before this hand-over. */
function sanitizationBefore(trail: readonly TrailEvent[], handOver: HandedOver): string | undefined {
  let id: string | undefined;
  for (const e of trail) {
    if (e.seq >= handOver.seq) break;
    if (e.type === 'sanitized') id = e.sanitizationId;
    // A device reported again starts a new cycle: an older cycle's wipe says nothing about this one.
    if (e.type === 'reported') id = undefined;
  }
  return id;
}

function sanitizationSection(dataBearing: boolean, record: SanitizationRecord | undefined, text: DocText): Content {
  const { t } = text;
  if (!record) return { text: dataBearing ? t('sanitization.none') : t('receipt.noDataBearing'), bold: true, margin: [0, 0, 0, 10] };
  return factsTable([
    [t('sanitization.method'), record.verified ? t(`method.${record.method}`) : `${t(`method.${record.method}`)} (${t('trail.notVerified')})`],
    [t('receipt.standard'), 'NIST SP 800-88'],
    [t('sanitization.verifierName'), record.verifierName],
    [t('sanitization.performedAt'), text.dateTime(record.performedAt)],
  ]);
}

/** The drawn signature as an image, or a line (and a date line) to sign on the printed receipt. */
function signatureSection(png: Uint8Array | undefined, text: DocText): Content[] {
  const { t } = text;
  if (png) {
    return [
      { image: `data:image/png;base64,${Buffer.from(png).toString('base64')}`, width: SIGNATURE_WIDTH, margin: [0, 0, 0, 4] },
      { text: t('receipt.signedOnScreen'), color: '#555555', margin: [0, 0, 0, 10] },
    ];
  }
  const line = (caption: string): Content => ({
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: SIGN_LINE_WIDTH, y2: 0, lineWidth: 0.7 }] },
      { text: caption, color: '#555555', margin: [0, 3, 0, 0] },
    ],
    margin: [0, 40, 0, 0],
  });
  return [line(t('receipt.signLine')), line(t('receipt.dateLine')), { text: '', margin: [0, 0, 0, 10] }];
}

/**
 * The receipt of a device's hand-over (the latest, or the one `eventId` names), ready to be written.
 * @throws NOT_FOUND (device), NOT_HANDED_OVER
 */
export async function openHandOverReceipt(
  ctx: ServiceContext,
  input: ProcedureArgs<'devices.handOverReceipt'>,
  locale: Locale,
): Promise<FileExport> {
  const text = docText(locale);
  const { t } = text;
  const device = await ctx.store.getDevice(input.deviceId);
  if (!device) throw notFound('device', input.deviceId);
  const trail = await ctx.store.trail(device.id);
  const handOvers = trail.filter((e): e is HandedOver => e.type === 'handed_over');
  const event = input.eventId ? handOvers.find((e) => e.id === input.eventId) : handOvers[handOvers.length - 1];
  if (!event) throw new AppError('NOT_HANDED_OVER', { assetTag: device.assetTag });

  const sanitizationId = sanitizationBefore(trail, event);
  const [record, department, png] = await Promise.all([
    sanitizationId ? ctx.store.getSanitization(sanitizationId) : Promise.resolve(undefined),
    ctx.store.getDepartment(event.toDepartmentId),
    event.signature && event.signature !== 'paper' ? ctx.store.getAttachment(event.signature) : Promise.resolve(undefined),
  ]);
  const none = t('common.none');
  const departmentLabel = department ? `${locale === 'en' ? department.nameEn : department.name} (${department.code})` : event.toDepartmentId;
  const problem = checkChain(trail, device.trailLength);
  const chain = problem
    ? { text: t('disposal.chainBroken', { seq: problem.seq, problem: t(`chainProblem.${problem.problem}`) }), bold: true, color: '#b00020' }
    : { text: t('disposal.chainVerified', { count: trail.length }), bold: true };

  const title = t('receipt.title', { tag: device.assetTag });
  const doc = a4Document(title, [
    { text: t('receipt.intro', { department: departmentLabel }), style: 'intro' },
    heading(t('receipt.deviceTitle')),
    factsTable([
      [t('device.assetTag'), device.assetTag],
      [t('device.manufacturer'), device.manufacturer],
      [t('device.model'), device.model],
      [t('device.serial'), device.serial],
    ]),
    heading(t('receipt.sanitizationTitle')),
    sanitizationSection(device.dataBearing, record, text),
    heading(t('receipt.acceptanceTitle')),
    factsTable([
      [t('receipt.receiver'), event.pickedUpBy ?? none],
      [t('receipt.unit'), event.unitName ?? none],
      [t('receipt.department'), departmentLabel],
      [t('receipt.time'), text.dateTime(event.at)],
      [t('receipt.handedOverBy'), event.actor.name],
    ]),
    heading(t('receipt.signature')),
    ...signatureSection(png, text),
    heading(t('receipt.trailTitle')),
    factsTable([
      [t('receipt.event'), t('receipt.eventValue', { seq: event.seq, count: trail.length, id: event.id })],
      [t('receipt.eventHash'), event.hash],
      [t('receipt.prevHash'), event.prevHash],
      ...(png && event.signature ? [[t('receipt.signatureHash'), event.signature] as [string, string]] : []),
    ]),
    { ...chain, margin: [0, 0, 0, 10] },
  ]);
  const footer = docFooter(ctx, text);
  return {
    fileName: `${t('receipt.fileName', { tag: device.assetTag })}.pdf`,
    contentType: PDF,
    rows: 1,
    async write(out, onProgress) {
      const bytes = await renderPdfInWorker(doc, footer);
      await writeChunk(out, bytes);
      onProgress?.(1);
    },
  };
}
