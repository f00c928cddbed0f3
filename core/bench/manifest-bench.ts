/**
 * `npx tsx core/bench/manifest-bench.ts [--devices 5000]`
 * Times the batch manifest of a full batch (PDF and CSV) through the batches.manifest handler, and how long the
 * event loop stalled meanwhile (the PDF is laid out in a worker thread). The batch and its devices are written
 * straight into a fresh file store: this measures the documents, not the scan station. Prints one JSON line.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORY_FACTS, formatAssetTag } from '../../shared/categories';
import type { ActorSnapshot, Batch, Category, Device } from '../../shared/schemas';
import { createHandlerTable } from '../api/handlers';
import { seedReferenceData } from '../demo/generate';
import { Sessions } from '../session/sessions';
import { FileStore } from '../store/file/file-store';
import { WIPE } from '../testing/fixtures';

const { values: args } = parseArgs({ options: { devices: { type: 'string', default: '5000' } } });
const COUNT = Number(args.devices);
if (!Number.isInteger(COUNT) || COUNT < 1) {
  console.error('Usage: npx tsx core/bench/manifest-bench.ts [--devices N]');
  process.exit(2);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kredslob-manifest-bench-'));
const store = await FileStore.open(dir, { log: () => {} });
try {
  await seedReferenceData(store);
  const user = (await store.listUsers()).find((u) => u.role === 'warehouse');
  if (!user) throw new Error('the demo data has no warehouse user');
  const actor: ActorSnapshot = { id: user.id, name: user.name, role: user.role, departmentId: user.departmentId };
  const at = '2026-11-02T08:00:00.000Z';
  const categories: Category[] = ['laptop', 'desktop', 'monitor', 'phone', 'server'];
  const batchId = randomUUID();
  let declared = 0;
  await store.transaction(async (tx) => {
    for (let i = 0; i < COUNT; i++) {
      const category = categories[i % categories.length]!;
      const id = randomUUID();
      const sanitizationId = CATEGORY_FACTS[category].dataBearing ? randomUUID() : undefined;
      if (sanitizationId) tx.putSanitization({ id: sanitizationId, deviceId: id, ...WIPE, operator: actor, performedAt: at });
      const weightKg = CATEGORY_FACTS[category].typicalWeightKg;
      declared += weightKg;
      const device: Device = {
        id,
        assetTag: formatAssetTag(i + 1),
        category,
        manufacturer: 'Lenovo',
        model: `ThinkPad T14 Gen ${1 + (i % 5)}`,
        serial: `PF-${String(i).padStart(6, '0')}-X`,
        specs: {},
        dataBearing: CATEGORY_FACTS[category].dataBearing,
        departmentId: user.departmentId,
        locationId: 'loc-shelf-A1',
        status: 'in_batch',
        weightKg,
        ...(sanitizationId ? { sanitizationId } : {}),
        batchId,
        reportedAt: at,
        updatedAt: at,
        trailLength: 0,
      };
      tx.putDevice(device);
    }
    const batch: Batch = {
      id: batchId,
      number: 'AP-000001',
      containerType: 'pallet',
      certifiedDestruction: false,
      status: 'open',
      deviceCount: COUNT,
      declaredKg: Math.round(declared * 1000) / 1000,
      createdAt: at,
      createdBy: actor,
      certificates: [],
      updatedAt: at,
    };
    tx.putBatch(batch);
  });

  const table = createHandlerTable();
  const department = await store.getDepartment(user.departmentId);
  const ctx = { store, clock: { now: () => new Date() }, sessions: new Sessions(), actor: { kind: 'user' as const, user, department }, locale: 'da' as const };
  const timed = async (format: 'pdf' | 'csv') => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    const out = await table['batches.manifest']({ id: batchId, format }, ctx);
    const ms = performance.now() - t0;
    delay.disable();
    const size = out.format === 'pdf' ? Buffer.from(out.pdfBase64, 'base64').length : Buffer.byteLength(out.csv);
    return { ms: Math.round(ms), bytes: size, maxStallMs: Math.round(delay.max / 1e6) };
  };
  const pdf = await timed('pdf');
  const csv = await timed('csv');
  console.log(
    JSON.stringify({
      devices: COUNT,
      manifest_pdf_ms: pdf.ms,
      manifest_pdf_bytes: pdf.bytes,
      manifest_pdf_max_event_loop_stall_ms: pdf.maxStallMs,
      manifest_csv_ms: csv.ms,
      manifest_csv_bytes: csv.bytes,
      manifest_csv_max_event_loop_stall_ms: csv.maxStallMs,
    }),
  );
} finally {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
