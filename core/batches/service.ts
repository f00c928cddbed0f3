/**
 * E-waste batches: one pallet, cage or box handed to the recycler. Devices go in and out by scanned tag
 * while the batch is open; sealing records the seal and the measured kg per WEEE category; collection is
 * gated on every data-bearing device having a verified wipe (unless the recycler destroys them under
 * certificate); the recycler's certificate is reconciled serial by serial and closes the devices it covers.
 * Every device change goes through the lifecycle table (runStep).
 */
import { randomUUID } from 'node:crypto';
import { weeeOf, formatBatchNumber } from '../../shared/categories';
import { ATTACHMENT_MAX_BYTES, BATCH_MAX_DEVICES, type BatchDetail, type BatchListItem, type BatchSummary, type ProcedureArgs, type ProcedureOutput } from '../../shared/contract';
import { copenhagenDay } from '../../shared/days';
import { tagsFromScans } from '../tags/service';
import type { Batch, BatchStatus, Certificate, Device, Recycler } from '../../shared/schemas';
import { WEEE_KEYS } from '../../shared/schemas';
import type { FieldKey } from '../../shared/messages';
import { actorSnapshot, nowIso, type ServiceContext } from '../context';
import { AppError, notFound } from '../errors';
import { deviceByTag, nextTurn, runStep, turnAfter } from '../lifecycle/step';
import type { Store, StoreReads } from '../store/store';

type BatchDevice = BatchDetail['missing'][number];
type WeeeKey = (typeof WEEE_KEYS)[number];

export async function batchById(reads: StoreReads, id: string): Promise<Batch> {
  const b = await reads.getBatch(id);
  if (!b) throw notFound('batch', id);
  return b;
}

/** The batch is not open any more (sealed, collected or closed). */
function locked(batch: Batch): AppError {
  return new AppError('BATCH_LOCKED', { batch: batch.number, batchStatus: batch.status }, `batch ${batch.number} is ${batch.status}`);
}

/** Every device packed in the batch (also after collection: they keep its id). */
export async function devicesOf(store: Store, batchId: string): Promise<Device[]> {
  const { items } = await store.searchDevices({ batchId, sort: 'model_asc', limit: Number.MAX_SAFE_INTEGER, offset: 0 });
  return items;
}

const asBatchDevice = (d: Device): BatchDevice => ({ deviceId: d.id, assetTag: d.assetTag, serial: d.serial });

/** Sums kept in grams so that adding and taking out devices never leaves a rounding trace. */
const roundKg = (kg: number) => Math.round(kg * 1000) / 1000;

/** Start an empty, open batch with the next batch number. */
export async function createBatch(ctx: ServiceContext, input: ProcedureArgs<'batches.create'>): Promise<Batch> {
  return ctx.store.transaction(async (tx) => {
    const at = nowIso(ctx.clock);
    const batch: Batch = {
      id: randomUUID(),
      number: formatBatchNumber((await tx.batchCount()) + 1),
      containerType: input.containerType,
      certifiedDestruction: input.certifiedDestruction,
      status: 'open',
      deviceCount: 0,
      declaredKg: 0,
      ...(input.note ? { note: input.note } : {}),
      createdAt: at,
      createdBy: actorSnapshot(ctx.actor),
      certificates: [],
      updatedAt: at,
    };
    tx.putBatch(batch);
    return batch;
  });
}

/**
 * Put a device routed to e-waste into an open batch by its scanned tag: one scan, one device.
 * @throws ASSET_TAG_MALFORMED, NOT_FOUND, BATCH_LOCKED, ALREADY_IN_BATCH, BATCH_FULL, TRANSITION_NOT_ALLOWED (not routed to e-waste)
 */
export async function addDevice(ctx: ServiceContext, input: ProcedureArgs<'batches.addDevice'>): Promise<ProcedureOutput<'batches.addDevice'>> {
  const [tag = ''] = await tagsFromScans(ctx.store, [input.tag]);
  return ctx.store.transaction(async (tx) => {
    const batch = await batchById(tx, input.batchId);
    if (batch.status !== 'open') throw locked(batch);
    const device = await deviceByTag(tx, tag);
    if (device.status === 'in_batch') {
      const holder = device.batchId ? await tx.getBatch(device.batchId) : undefined;
      throw new AppError('ALREADY_IN_BATCH', { assetTag: device.assetTag, batch: holder?.number ?? '?' }, 'already in a batch');
    }
    // why: the manifest, the certificate's serial list and the reconciliation are sized for this many devices
    if (batch.deviceCount >= BATCH_MAX_DEVICES) {
      throw new AppError('BATCH_FULL', { batch: batch.number, max: BATCH_MAX_DEVICES, assetTag: device.assetTag }, 'batch full');
    }
    const step = await runStep(ctx, tx, device, 'addToBatch', {
      patch: { batchId: batch.id },
      event: { type: 'added_to_batch', batchId: batch.id, batchNumber: batch.number },
    });
    tx.putBatch({
      ...batch,
      deviceCount: batch.deviceCount + 1,
      declaredKg: roundKg(batch.declaredKg + device.weightKg),
      updatedAt: step.device.updatedAt,
    });
    return { device: step.device, batchNumber: batch.number };
  });
}

/**
 * Take a device out of an open batch by its scanned tag; it goes back to the e-waste queue.
 * @throws ASSET_TAG_MALFORMED, NOT_FOUND, BATCH_LOCKED, NOT_IN_THIS_BATCH
 */
export async function removeDevice(ctx: ServiceContext, input: ProcedureArgs<'batches.removeDevice'>): Promise<ProcedureOutput<'batches.removeDevice'>> {
  const [tag = ''] = await tagsFromScans(ctx.store, [input.tag]);
  return ctx.store.transaction(async (tx) => {
    const batch = await batchById(tx, input.batchId);
    if (batch.status !== 'open') throw locked(batch);
    const device = await deviceByTag(tx, tag);
    if (device.batchId !== batch.id || device.status !== 'in_batch') {
      throw new AppError('NOT_IN_THIS_BATCH', { assetTag: device.assetTag, batch: batch.number }, 'not in this batch');
    }
    const { batchId: _left, ...rest } = device;
    const step = await runStep(ctx, tx, rest, 'removeFromBatch', {
      event: { type: 'removed_from_batch', batchId: batch.id, batchNumber: batch.number },
    });
    tx.putBatch({
      ...batch,
      deviceCount: batch.deviceCount - 1,
      declaredKg: roundKg(Math.max(0, batch.declaredKg - device.weightKg)),
      updatedAt: step.device.updatedAt,
    });
    return { device: step.device, batchNumber: batch.number };
  });
}

/**
 * Seal an open batch: its seal number and the measured kg for exactly the WEEE categories it holds.
 * @throws NOT_FOUND, BATCH_LOCKED, BATCH_EMPTY, VALIDATION (a missing weight, or one for a category the batch does not hold)
 */
export async function sealBatch(ctx: ServiceContext, input: ProcedureArgs<'batches.seal'>): Promise<BatchDetail> {
  await ctx.store.transaction(async (tx) => {
    const batch = await batchById(tx, input.batchId);
    if (batch.status !== 'open') throw locked(batch);
    const devices = await devicesOf(ctx.store, batch.id);
    if (devices.length === 0) throw new AppError('BATCH_EMPTY', { batch: batch.number });
    const held = new Set<string>(devices.map((d) => String(weeeOf(d))));
    const fields: Record<string, FieldKey> = {};
    for (const key of WEEE_KEYS) {
      const weight = input.weightsKg[key];
      if (held.has(key) && weight === undefined) fields[`weightsKg.${key}`] = 'weight_required';
      if (!held.has(key) && weight !== undefined) fields[`weightsKg.${key}`] = 'weight_not_in_batch';
    }
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', {}, 'weights do not match the batch', fields);
    const at = nowIso(ctx.clock);
    tx.putBatch({
      ...batch,
      status: 'sealed',
      seal: { sealId: input.sealId, weightsKg: input.weightsKg, sealedAt: at, sealedBy: actorSnapshot(ctx.actor) },
      updatedAt: at,
    });
  });
  return batchDetail(ctx, input.batchId);
}

/** A certification valid on `day`, the one that lasts longest. @throws RECYCLER_NOT_CERTIFIED, RECYCLER_CERTIFICATION_EXPIRED */
function certificationOn(recycler: Recycler, day: string): Recycler['certifications'][number] {
  if (recycler.certifications.length === 0) throw new AppError('RECYCLER_NOT_CERTIFIED', { recycler: recycler.legalName });
  const valid = recycler.certifications.filter((c) => c.validUntil >= day).sort((a, b) => b.validUntil.localeCompare(a.validUntil));
  if (valid[0]) return valid[0];
  const expired = recycler.certifications.map((c) => `${c.scheme} ${c.number} (${c.validUntil})`).join(', ');
  throw new AppError('RECYCLER_CERTIFICATION_EXPIRED', { recycler: recycler.legalName, date: day, certificates: expired }, 'every certification expired');
}

/**
 * Data-bearing devices of the batch without a verified wipe: the ones the collection gate stops. None for a
 * batch the recycler destroys under certificate.
 */
async function unwipedOf(reads: StoreReads, batch: Batch, devices: readonly Device[]): Promise<Device[]> {
  if (batch.certifiedDestruction) return [];
  const out: Device[] = [];
  for (const [i, d] of devices.entries()) {
    await turnAfter(i);
    if (!d.dataBearing || d.status !== 'in_batch') continue;
    const record = d.sanitizationId ? await reads.getSanitization(d.sanitizationId) : undefined;
    if (!record?.verified) out.push(d);
  }
  return out;
}

/**
 * Record the collection of a sealed batch by a recycler certified on the collection day. Refused, with
 * nothing changed, when any data-bearing device lacks a verified wipe (every such tag is named), unless
 * the batch is for certified destruction.
 * @throws NOT_FOUND, BATCH_NOT_SEALED, BATCH_LOCKED, VALIDATION (date after today), RECYCLER_NOT_CERTIFIED,
 * RECYCLER_CERTIFICATION_EXPIRED, UNWIPED_IN_BATCH
 */
export async function collectBatch(ctx: ServiceContext, input: ProcedureArgs<'batches.collect'>): Promise<BatchDetail> {
  if (input.date > copenhagenDay(ctx.clock.now())) throw new AppError('VALIDATION', {}, 'collection date in the future', { date: 'date_in_future' });
  await ctx.store.transaction(async (tx) => {
    const batch = await batchById(tx, input.batchId);
    if (batch.status === 'open') throw new AppError('BATCH_NOT_SEALED', { batch: batch.number });
    if (batch.status !== 'sealed') throw locked(batch);
    const recycler = await tx.getRecycler(input.recyclerId);
    if (!recycler) throw notFound('recycler', input.recyclerId);
    const certification = certificationOn(recycler, input.date);
    const devices = await devicesOf(ctx.store, batch.id);
    const unwiped = await unwipedOf(tx, batch, devices);
    if (unwiped.length > 0) {
      throw new AppError(
        'UNWIPED_IN_BATCH',
        { batch: batch.number, count: unwiped.length, tags: unwiped.map((d) => d.assetTag).join(', ') },
        `${unwiped.length} unwiped`,
      );
    }
    for (const [i, device] of devices.entries()) {
      await turnAfter(i);
      await runStep(ctx, tx, device, 'collect', {
        facts: { inDestructionBatch: batch.certifiedDestruction },
        event: {
          type: 'collected',
          batchId: batch.id,
          batchNumber: batch.number,
          recyclerName: recycler.legalName,
          recyclerCvr: recycler.cvr,
          waybill: input.waybill,
          date: input.date,
        },
      });
    }
    const at = nowIso(ctx.clock);
    tx.putBatch({
      ...batch,
      status: 'collected',
      collection: {
        recyclerId: recycler.id,
        recyclerName: recycler.legalName,
        recyclerCvr: recycler.cvr,
        certification,
        waybill: input.waybill,
        date: input.date,
        collectedAt: at,
        collectedBy: actorSnapshot(ctx.actor),
      },
      updatedAt: at,
    });
  });
  // why: the commit of 5,000 collected devices just held the event loop; let it turn before the detail
  await nextTurn();
  return batchDetail(ctx, input.batchId);
}

/** How serials are compared: trimmed, case-insensitive, Unicode-normalised. */
export const serialKey = (s: string): string => s.trim().normalize('NFC').toLocaleLowerCase('en');

export interface Reconciliation {
  matched: Device[];
  missing: Device[];
  unexpected: string[];
  alreadyCovered: string[];
  duplicates: string[];
  /** The certificate's serials, trimmed, blanks left out, in its order. */
  serials: string[];
}

/**
 * Compares a certificate's serials with the batch's devices. matched: collected devices whose serial it
 * lists; missing: collected devices it does not list; unexpected: serials of no device in the batch;
 * alreadyCovered: serials of devices an earlier certificate closed; duplicates: serials listed more often
 * than the batch has devices carrying them.
 * One line certifies one unit: when devices share a serial (a blank or generic one), a serial listed once
 * covers one of them (the lowest asset tag, so a certificate always picks the same), listed twice two.
 */
export function reconcile(devices: readonly Device[], certificateSerials: readonly string[]): Reconciliation {
  /** Per serial: its collected devices still to match (lowest tag last, taken first), and its devices already closed. */
  const byKey = new Map<string, { open: Device[]; closed: Device[] }>();
  const ordered = [...devices].sort((a, b) => (a.assetTag < b.assetTag ? 1 : a.assetTag > b.assetTag ? -1 : 0));
  for (const d of ordered) {
    const k = serialKey(d.serial);
    let holders = byKey.get(k);
    if (!holders) byKey.set(k, (holders = { open: [], closed: [] }));
    if (d.status === 'collected') holders.open.push(d);
    else holders.closed.push(d);
  }
  const serials = certificateSerials.map((s) => s.trim()).filter((s) => s !== '');
  const r: Reconciliation = { matched: [], missing: [], unexpected: [], alreadyCovered: [], duplicates: [], serials };
  const seenUnexpected = new Set<string>();
  const named = new Set<string>();
  const duplicate = (k: string, written: string) => {
    if (named.has(k)) return;
    named.add(k);
    r.duplicates.push(written);
  };
  for (const written of serials) {
    const k = serialKey(written);
    const holders = byKey.get(k);
    if (!holders) {
      if (seenUnexpected.has(k)) duplicate(k, written);
      else {
        seenUnexpected.add(k);
        r.unexpected.push(written);
      }
      continue;
    }
    const next = holders.open.pop();
    if (next) r.matched.push(next);
    else if (holders.closed.pop()) r.alreadyCovered.push(written);
    else duplicate(k, written);
  }
  const matchedIds = new Set(r.matched.map((d) => d.id));
  r.missing = devices.filter((d) => d.status === 'collected' && !matchedIds.has(d.id));
  return r;
}

/** Bytes of a PDF sent as base64. @throws ATTACHMENT_TOO_LARGE, ATTACHMENT_NOT_PDF */
function pdfBytes(attachment: { fileName: string; pdfBase64: string }): Uint8Array {
  const bytes = Buffer.from(attachment.pdfBase64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new AppError('ATTACHMENT_TOO_LARGE', {
      fileName: attachment.fileName,
      sizeMb: (bytes.length / 1024 / 1024).toFixed(1),
      maxMb: ATTACHMENT_MAX_BYTES / 1024 / 1024,
    });
  }
  // A PDF starts with "%PDF-" (ISO 32000-1 §7.5.2); some writers put a few bytes before it.
  const head = bytes.subarray(0, 1024).toString('latin1');
  if (bytes.length === 0 || !head.includes('%PDF-')) throw new AppError('ATTACHMENT_NOT_PDF', { fileName: attachment.fileName });
  return bytes;
}

const sameCertificate = (c: Certificate, input: ProcedureArgs<'batches.registerCertificate'>, serials: readonly string[]) =>
  c.kind === input.kind &&
  c.issueDate === input.issueDate &&
  c.serials.length === serials.length &&
  c.serials.every((s, i) => serialKey(s) === serialKey(serials[i] ?? ''));

/**
 * Register a recycler's certificate for a collected batch. Matched devices become certified and then
 * recycled or destroyed by the certificate's kind, each event naming the certificate, the recycler and its
 * CVR; missing devices stay collected until a later certificate covers them; the batch closes when none is
 * missing. The same certificate registered again changes nothing.
 * @throws NOT_FOUND, BATCH_NOT_COLLECTED, BATCH_LOCKED (closed), CERTIFICATE_CONFLICT, VALIDATION (no serials),
 * ATTACHMENT_TOO_LARGE, ATTACHMENT_NOT_PDF
 */
export async function registerCertificate(
  ctx: ServiceContext,
  input: ProcedureArgs<'batches.registerCertificate'>,
): Promise<ProcedureOutput<'batches.registerCertificate'>> {
  const serials = input.serials.map((s) => s.trim()).filter((s) => s !== '');
  if (serials.length === 0) throw new AppError('VALIDATION', {}, 'no serials', { serials: 'certificate_serials' });
  const pdf = input.attachment ? pdfBytes(input.attachment) : undefined;
  const outcome = await ctx.store.transaction(async (tx) => {
    const batch = await batchById(tx, input.batchId);
    const existing = batch.certificates.find((c) => c.number.toLowerCase() === input.number.toLowerCase());
    if (existing) {
      if (sameCertificate(existing, input, serials)) return { certificate: existing, alreadyRegistered: true };
      throw new AppError('CERTIFICATE_CONFLICT', { number: input.number, batch: batch.number });
    }
    if (batch.status === 'open' || batch.status === 'sealed') {
      throw new AppError('BATCH_NOT_COLLECTED', { batch: batch.number, batchStatus: batch.status });
    }
    if (batch.status === 'closed') throw locked(batch);
    const collection = batch.collection;
    if (!collection) throw new Error(`batch ${batch.number} is collected without a collection record`);
    const devices = await devicesOf(ctx.store, batch.id);
    await nextTurn();
    const r = reconcile(devices, serials);
    await nextTurn();
    for (const [i, device] of r.matched.entries()) {
      await turnAfter(i);
      const certified = await runStep(ctx, tx, device, 'certify', {
        event: {
          type: 'certified',
          batchId: batch.id,
          batchNumber: batch.number,
          certificateNo: input.number,
          certificateKind: input.kind,
          recyclerName: collection.recyclerName,
          recyclerCvr: collection.recyclerCvr,
        },
      });
      await runStep(ctx, tx, certified.device, input.kind === 'destruction' ? 'markDestroyed' : 'markRecycled', {
        event: { type: input.kind === 'destruction' ? 'destroyed' : 'recycled', batchId: batch.id, certificateNo: input.number },
      });
    }
    const at = nowIso(ctx.clock);
    const attachment = pdf && input.attachment ? { sha256: await ctx.store.putAttachment(pdf), bytes: pdf.length, fileName: input.attachment.fileName } : undefined;
    const certificate: Certificate = {
      number: input.number,
      issueDate: input.issueDate,
      kind: input.kind,
      serials,
      ...(attachment ? { attachment } : {}),
      registeredAt: at,
      registeredBy: actorSnapshot(ctx.actor),
      matched: r.matched.map(asBatchDevice),
      missing: r.missing.map(asBatchDevice),
      unexpected: r.unexpected,
      alreadyCovered: r.alreadyCovered,
      duplicates: r.duplicates,
    };
    const closed = r.missing.length === 0;
    tx.putBatch({
      ...batch,
      status: closed ? 'closed' : batch.status,
      certificates: [...batch.certificates, certificate],
      ...(closed ? { closedAt: at } : {}),
      updatedAt: at,
    });
    return { certificate, alreadyRegistered: false };
  });
  // why: the commit of a large certificate just held the event loop; let it turn before the detail
  await nextTurn();
  return { ...outcome, detail: await batchDetail(ctx, input.batchId) };
}

/** Collected devices no certificate covers yet, as the batch's last certificate left them (all of them before any). */
function missingCount(batch: Batch): number {
  if (batch.status !== 'collected') return 0;
  const last = batch.certificates.at(-1);
  return last ? last.missing.length : batch.deviceCount;
}

export function batchSummary(batch: Batch): BatchSummary {
  return { batch, missingCount: missingCount(batch) };
}

/** The list's row: the batch without its certificates (see BatchListItem). */
function batchListItem(batch: Batch): BatchListItem {
  const { certificates, ...rest } = batch;
  return { batch: rest, certificateCount: certificates.length, missingCount: missingCount(batch) };
}

/** The batch's totals per WEEE category it holds or was weighed for: devices, declared kg (their weights) and measured kg. */
export function weeeRows(batch: Batch, devices: readonly Device[]): BatchDetail['weee'] {
  const rows = new Map<WeeeKey, { devices: number; grams: number }>();
  for (const d of devices) {
    const key = String(weeeOf(d)) as WeeeKey; // why: weeeOf returns one of 2, 4, 5, 6, the numbers WEEE_KEYS spells
    const row = rows.get(key) ?? { devices: 0, grams: 0 };
    row.devices++;
    row.grams += Math.round(d.weightKg * 1000);
    rows.set(key, row);
  }
  const weights = batch.seal?.weightsKg ?? {};
  return WEEE_KEYS.filter((k) => rows.has(k) || weights[k] !== undefined).map((category) => ({
    category,
    devices: rows.get(category)?.devices ?? 0,
    declaredKg: (rows.get(category)?.grams ?? 0) / 1000,
    ...(weights[category] !== undefined ? { measuredKg: weights[category] } : {}),
  }));
}

/** A batch with its totals per WEEE category, the devices the wipe gate stops and the devices still missing a certificate. */
export async function batchDetail(ctx: ServiceContext, id: string): Promise<BatchDetail> {
  const batch = await batchById(ctx.store, id);
  const devices = await devicesOf(ctx.store, id);
  const weee = weeeRows(batch, devices);
  const open: BatchStatus[] = ['open', 'sealed'];
  const unwiped = open.includes(batch.status) ? await unwipedOf(ctx.store, batch, devices) : [];
  const recycler = batch.collection ? await ctx.store.getRecycler(batch.collection.recyclerId) : undefined;
  return {
    ...batchSummary(batch),
    weee,
    unwiped: unwiped.map(asBatchDevice),
    missing: devices.filter((d) => d.status === 'collected').map(asBatchDevice),
    ...(recycler ? { recycler } : {}),
  };
}

/** Batches newest first, by status and by number (or part of one). */
export async function searchBatches(ctx: ServiceContext, input: ProcedureArgs<'batches.search'>): Promise<ProcedureOutput<'batches.search'>> {
  const text = input.text?.toUpperCase();
  const found = (await ctx.store.listBatches())
    .filter((b) => (input.status === undefined || b.status === input.status) && (!text || b.number.includes(text)))
    .sort((a, b) => b.number.localeCompare(a.number));
  return { items: found.slice(0, input.limit).map(batchListItem), total: found.length };
}

/** A certificate's attached PDF. @throws NOT_FOUND (batch, certificate or file) */
export async function certificateAttachment(ctx: ServiceContext, input: ProcedureArgs<'batches.attachment'>): Promise<ProcedureOutput<'batches.attachment'>> {
  const batch = await batchById(ctx.store, input.batchId);
  const cert = batch.certificates.find((c) => c.number.toLowerCase() === input.certificateNo.toLowerCase());
  if (!cert?.attachment) throw notFound('batch', `${batch.number} / ${input.certificateNo}`);
  const bytes = await ctx.store.getAttachment(cert.attachment.sha256);
  if (!bytes) throw notFound('batch', `${batch.number} / ${cert.attachment.fileName}`);
  return { fileName: cert.attachment.fileName, pdfBase64: Buffer.from(bytes).toString('base64') };
}
