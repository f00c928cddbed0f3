/**
 * One device's disposal certificate: its facts, its whole trail (who, when, where, what), its NIST SP 800-88
 * sanitization record, the batch and recycler's certificate that closed it, and whether its hash chain
 * verifies when recomputed here. Before the device is recycled or destroyed the same document serves as a
 * trail report (an auditor asks for the trail at any point), and is titled so: only a disposed device gets
 * a "Bortskaffelsesbevis".
 */
import { weeeOf } from '../../shared/categories';
import { certificateOf } from '../../shared/certificates';
import type { ProcedureArgs, ProcedureOutput } from '../../shared/contract';
import type { Locale } from '../../shared/i18n';
import type { Batch, Certificate, Device, SanitizationRecord, TrailEvent } from '../../shared/schemas';
import { trailDetails, type TrailNames } from '../../shared/trail-details';
import type { ServiceContext } from '../context';
import { notFound } from '../errors';
import { a4Document, dataTable, docFooter, docText, factsTable, heading, type DocText } from '../pdf/document';
import { renderPdfInWorker } from '../pdf/pdfmake';
import { batchFacts } from './manifest';
import { checkChain } from '../store/trail-hash';
import type { Content } from 'pdfmake/interfaces';

async function trailNames(ctx: ServiceContext, locale: Locale): Promise<TrailNames> {
  const departments = new Map((await ctx.store.listDepartments()).map((d) => [d.id, d]));
  const locations = new Map((await ctx.store.listLocations()).map((l) => [l.id, l]));
  return {
    departmentLabel: (id) => {
      const d = departments.get(id);
      return d ? `${locale === 'en' ? d.nameEn : d.name} (${d.code})` : id;
    },
    locationName: (id) => locations.get(id)?.name ?? id,
  };
}

function deviceFacts(device: Device, text: DocText): [string, string][] {
  const { t } = text;
  return [
    [t('device.assetTag'), device.assetTag],
    [t('device.serial'), device.serial],
    [t('doc.makeModel'), `${device.manufacturer} ${device.model}`],
    [t('device.category'), t(`category.${device.category}`)],
    [t('device.weee'), t(`weee.${weeeOf(device)}`)],
    [t('device.dataBearing'), device.dataBearing ? t('common.yes') : t('common.no')],
    [t('device.weight'), t('device.weightValue', { kg: text.kg(device.weightKg) })],
    [t('device.status'), t(`status.${device.status}`)],
  ];
}

function trailTable(trail: readonly TrailEvent[], names: TrailNames, text: DocText) {
  const { t } = text;
  const rows = trail.map((e) => {
    const a = e.actor;
    const who = [a.name, [t(`role.${a.role}`), a.departmentCode].filter(Boolean).join(' · ')].join('\n');
    return [
      String(e.seq),
      text.dateTime(e.at),
      t(`event.${e.type}`),
      who,
      e.locationName || names.locationName(e.locationId),
      trailDetails(e, t, names, text.dateTime).join('\n'),
    ];
  });
  return dataTable(
    [
      { header: t('disposal.seq'), width: 20, align: 'right' },
      { header: t('disposal.when'), width: 58 },
      { header: t('disposal.what'), width: 105 },
      { header: t('disposal.who'), width: 85 },
      { header: t('trail.location'), width: 65 },
      { header: t('disposal.details'), width: '*' },
    ],
    rows,
    { fontSize: 7.5, keepRowsWhole: true },
  );
}

function sanitizationSection(record: SanitizationRecord | undefined, text: DocText): Content {
  const { t } = text;
  if (!record) return { text: t('sanitization.none'), margin: [0, 0, 0, 10] };
  const op = record.operator;
  return factsTable([
    [t('sanitization.method'), t(`method.${record.method}`)],
    [t('sanitization.technique'), record.technique],
    [t('sanitization.mediaType'), t(`media.${record.mediaType}`)],
    [t('sanitization.tool'), t('sanitization.toolAndVersion', { tool: record.tool, version: record.toolVersion })],
    [t('sanitization.verificationMethod'), t(`verification.${record.verificationMethod}`)],
    [t('sanitization.verified'), record.verified ? t('common.yes') : t('common.no')],
    [t('sanitization.verifierName'), record.verifierName],
    [t('sanitization.operator'), [op.name, t(`role.${op.role}`), op.departmentCode].filter(Boolean).join(' · ')],
    [t('sanitization.performedAt'), text.dateTime(record.performedAt)],
    ...(record.notes ? [[t('sanitization.notes'), record.notes] as [string, string]] : []),
  ]);
}

function batchSection(batch: Batch | undefined, certificate: Certificate | undefined, text: DocText): Content {
  const { t } = text;
  if (!batch) return { text: t('disposal.noBatch'), margin: [0, 0, 0, 10] };
  return factsTable([
    ...batchFacts(batch, text),
    [
      t('disposal.certificate'),
      certificate
        ? t('disposal.certificateValue', { kind: t(`certificateKind.${certificate.kind}`), number: certificate.number, date: text.day(certificate.issueDate) })
        : t('disposal.noCertificate'),
    ],
  ]);
}

/**
 * The device's disposal certificate (recycled or destroyed) or trail report (any other state), as a PDF in the
 * caller's language.
 * @throws NOT_FOUND (device)
 */
export async function disposalCertificate(
  ctx: ServiceContext,
  input: ProcedureArgs<'devices.disposalCertificate'>,
  locale: Locale,
): Promise<ProcedureOutput<'devices.disposalCertificate'>> {
  const text = docText(locale);
  const { t } = text;
  const device = await ctx.store.getDevice(input.deviceId);
  if (!device) throw notFound('device', input.deviceId);
  const trail = await ctx.store.trail(device.id);
  const problem = checkChain(trail, device.trailLength);
  const record = device.sanitizationId ? await ctx.store.getSanitization(device.sanitizationId) : undefined;
  const batch = device.batchId ? await ctx.store.getBatch(device.batchId) : undefined;
  const names = await trailNames(ctx, locale);
  const disposed = device.status === 'recycled' || device.status === 'destroyed';

  const title = `${t(disposed ? 'disposal.titleDisposal' : 'disposal.titleTrail')} ${device.assetTag}`;
  const chain = problem
    ? { text: t('disposal.chainBroken', { seq: problem.seq, problem: t(`chainProblem.${problem.problem}`) }), bold: true, color: '#b00020' }
    : { text: t('disposal.chainVerified', { count: trail.length }), bold: true };
  const showSanitization = device.dataBearing || record !== undefined;
  const doc = a4Document(title, [
    { text: disposed ? t('disposal.introDisposal') : t('disposal.introTrail', { status: t(`status.${device.status}`) }), style: 'intro' },
    heading(t('disposal.deviceTitle')),
    factsTable(deviceFacts(device, text)),
    heading(t('disposal.batchTitle')),
    batchSection(batch, certificateOf(batch, device.id), text),
    ...(showSanitization ? [heading(t('sanitization.title')), sanitizationSection(record, text)] : []),
    heading(t('disposal.chainTitle')),
    { ...chain, margin: [0, 0, 0, 10] },
    heading(t('trail.title')),
    trailTable(trail, names, text),
  ]);
  const bytes = await renderPdfInWorker(doc, docFooter(ctx, text));
  const file = t(disposed ? 'disposal.fileDisposal' : 'disposal.fileTrail', { tag: device.assetTag });
  return { fileName: `${file}.pdf`, pdfBase64: Buffer.from(bytes).toString('base64') };
}
